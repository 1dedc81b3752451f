import { useEffect } from 'react';
import { ponder } from '../../api';
import { useAppStore } from '../../store/app-store';

/**
 * When main reports that the open library's folder is gone, write pending notes and show the
 * empty screen, which offers Locate… and Remove from Recents for it.
 */
export function useLibraryMissing() {
  useEffect(
    () =>
      ponder.onLibraryMissing(({ folder }) => {
        void (async () => {
          const state = useAppStore.getState();
          await state.flushNotes();
          if (useAppStore.getState().snapshot?.folder === folder) useAppStore.getState().setSnapshot(null);
        })();
      }),
    [],
  );
}
