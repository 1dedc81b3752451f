import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/app-store';

/** A toast with an action stays this long (time to reach Undo); one without, a little less. */
const ACTION_MS = 12_000;
const PLAIN_MS = 6_000;

/**
 * A short message at the bottom of the window (marked as read, a note orphaned, none left
 * unanswered), with at most one action: Undo, Show. Always in the page as a live region, so
 * it is spoken; it never takes focus, and gives it back to the stories list if it had it.
 */
export function Toast() {
  const toast = useAppStore((state) => state.toast);
  const runAction = useAppStore((state) => state.runToastAction);
  const dismiss = useAppStore((state) => state.dismissToast);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => {
      // Not while the reader is on its buttons.
      if (!ref.current?.contains(document.activeElement)) useAppStore.getState().dismissToast();
    }, toast.actionLabel ? ACTION_MS : PLAIN_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  /** The toast goes away with its buttons: focus returns to the list rather than to nowhere. */
  const thenFocusList = (act: () => void) => () => {
    const hadFocus = ref.current?.contains(document.activeElement) ?? false;
    act();
    if (hadFocus) useAppStore.getState().requestFocus('list');
  };

  return (
    <div ref={ref} className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.seq}>
          <span className="toast__message">{toast.message}</span>
          {toast.actionLabel && (
            <button type="button" className="button button--small" onClick={thenFocusList(runAction)}>
              {toast.actionLabel}
            </button>
          )}
          <button type="button" className="button button--small button--quiet" aria-label="Dismiss" onClick={thenFocusList(dismiss)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
