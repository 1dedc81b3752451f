import { useEffect } from 'react';
import { isTypingTarget } from '../components/is-typing-target';
import { useAppStore } from '../store/app-store';

const NEXT_KEYS = new Set(['ArrowDown', 'j']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k']);

/** Ctrl/Cmd+F and "/" focus the search; ArrowUp/Down and j/k move through the stories. */
export function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useAppStore.getState();
      // A listbox that handled the key itself (topics, files) has already called preventDefault.
      if (event.defaultPrevented || state.diagnosticsOpen || state.historyOpen || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && event.key.toLowerCase() === 'f' && !event.shiftKey) {
        event.preventDefault();
        state.requestSearchFocus();
        return;
      }
      if (command || isTypingTarget(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        state.requestSearchFocus();
      } else if (NEXT_KEYS.has(event.key)) {
        event.preventDefault();
        state.moveSelection(1);
      } else if (PREVIOUS_KEYS.has(event.key)) {
        event.preventDefault();
        state.moveSelection(-1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
