import { useEffect } from 'react';

/**
 * Gives focus back to whatever had it when `open` became true, once it is false again — so
 * closing a dialog (Escape, Close, or an action that closes it) never leaves focus nowhere.
 * `fallback` takes it when the opener is gone from the page.
 */
export function useReturnFocus(open: boolean, fallback?: () => void): void {
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // After the dialog's own close, so the element is focusable again.
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        if (opener?.isConnected && opener !== document.body) opener.focus();
        else fallback?.();
      });
    };
  }, [open, fallback]);
}
