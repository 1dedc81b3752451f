import { useEffect } from 'react';
import type { MenuCommand } from '../../../electron/shared/ipc-contract';
import { ponder } from '../api';
import { useAppStore } from '../store/app-store';

function runMenuCommand(command: MenuCommand) {
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
  }
}

/** Loads the library, then follows what main reports; every subscription is undone on unmount. */
export function useAppEvents() {
  useEffect(() => {
    const { setSnapshot, setIndexStatus, flushNotes } = useAppStore.getState();
    // Subscribe first so a change during startup is not missed (startup keeps the newer snapshot).
    const unsubscribe = [
      ponder.onLibraryChanged(setSnapshot),
      ponder.onIndexStatus(setIndexStatus),
      ponder.onMenuCommand(runMenuCommand),
      ponder.onFlushRequest(() => {
        // Main waits for `flushed()` before closing; say so even if a save failed.
        void flushNotes()
          .then(() => ponder.flushed())
          .catch(() => undefined); // Main stops waiting on its own timeout.
      }),
    ];
    void useAppStore.getState().startup();
    return () => unsubscribe.forEach((stop) => stop());
  }, []);
}
