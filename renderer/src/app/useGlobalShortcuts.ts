import { useEffect } from 'react';
import { isTypingTarget } from '../components/is-typing-target';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/types';
import { SHORTCUTS } from './shortcuts';
import { STORY_LIST_ID } from '../components/focus-targets';

/** A dialog is open: its own keys only (Escape closes it). */
function dialogOpen(state: AppState): boolean {
  return state.diagnosticsOpen || state.historyOpen || state.shortcutsOpen || state.reflectionsOpen;
}

/** Where Enter means "write": the stories list, or nothing in particular (the page itself). */
function onStoryList(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof HTMLElement && target.id === STORY_LIST_ID);
}

/** Binds every shortcut of the table (shortcuts.ts) that has `run`, on the window. */
export function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A listbox that handled the key itself (topics, files) has already called preventDefault.
      if (event.defaultPrevented || event.altKey || dialogOpen(useAppStore.getState())) return;
      const command = event.ctrlKey || event.metaKey;
      // Typing is typing: only an entry's Ctrl/Cmd keys work in a text field, and only where they say so.
      const typing = isTypingTarget(event.target);
      const shortcut = SHORTCUTS.find((entry) => entry.run && entry.match?.(event) && (!typing || (entry.whileTyping && command)));
      if (!shortcut?.run || (shortcut.onListOnly && !onStoryList(event.target))) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
