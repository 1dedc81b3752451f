import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * While `open`, a pointer press outside both the popup and the button that opened it closes
 * the popup (`close`). Shared by the header's menus, the display panel and the search help.
 */
export function useOutsideDismiss(open: boolean, close: () => void, ...inside: RefObject<HTMLElement | null>[]): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!inside.some((ref) => ref.current?.contains(target))) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
    // `inside` are refs (stable) and `close` closes over setState only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
}
