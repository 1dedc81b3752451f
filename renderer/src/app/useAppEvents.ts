import { useEffect } from 'react';
import type { MenuCommand } from '../../../electron/shared/ipc-contract';
import { ponder } from '../api';
import { useAppStore } from '../store/app-store';
import { countUnsaved } from '../store/note-drafts';
import { flushViewState } from './useViewStatePersistence';
import { runViewCommand } from './view-commands';

function runMenuCommand(command: MenuCommand) {
  if (runViewCommand(command)) return;
  const state = useAppStore.getState();
  switch (command) {
    case 'focus-search':
      return state.requestSearchFocus();
    case 'next-story':
      return state.moveSelection(1);
    case 'previous-story':
      return state.moveSelection(-1);
    case 'show-diagnostics':
      return state.openDiagnostics();
    case 'show-history':
      return state.openHistory();
    case 'next-unanswered':
      return void state.nextUnanswered();
    case 'show-reflections':
      return state.setReflectionsOpen(true);
    case 'show-shortcuts':
      return state.setShortcutsOpen(true);
  }
}

/** Writes every pending note, then tells main how many are still not on disk (it asks before discarding them). */
async function answerFlushRequest() {
  try {
    // The view (a topic chosen a moment ago) is written too, not left to its debounce.
    await Promise.all([useAppStore.getState().flushNotes(), flushViewState()]);
  } finally {
    const unsaved = countUnsaved(useAppStore.getState().notes);
    // Main stops waiting on its own timeout if this never arrives.
    await ponder.flushed({ unsaved }).catch(() => undefined);
  }
}

/** Loads the library, then follows what main reports; every subscription is undone on unmount. */
export function useAppEvents() {
  useEffect(() => {
    const { setSnapshot, setIndexStatus, noteChangedOnDisk, setNotesMoveState } = useAppStore.getState();
    // Subscribe first so a change during startup is not missed (startup keeps the newer snapshot).
    const unsubscribe = [
      ponder.onLibraryChanged(setSnapshot),
      ponder.onIndexStatus(setIndexStatus),
      ponder.onMenuCommand(runMenuCommand),
      ponder.onNoteChanged(({ id, load }) => noteChangedOnDisk(id, load)),
      ponder.onFlushRequest(() => void answerFlushRequest().catch(() => undefined)),
      ponder.onNotesMoving(setNotesMoveState),
    ];
    // After startup has restored the story on screen, so a put-back text lands in a loaded note.
    void useAppStore
      .getState()
      .startup()
      .then(() => useAppStore.getState().recoverAfterCrash());
    return () => unsubscribe.forEach((stop) => stop());
  }, []);
}
