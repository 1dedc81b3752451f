import { useEffect } from 'react';
import type { ViewState } from '../../../electron/shared/ipc-contract';
import { ponder } from '../api';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/types';

/** Quiet time before the view is written to state.json: arrowing through stories writes once. */
const SAVE_DELAY_MS = 400;

/** What this hook remembers: the selection, the Show choice, the editor's mode and whether the welcome was seen. */
function rememberedView(state: AppState): ViewState {
  return {
    selectedTopic: state.selectedFilter,
    selectedStoryId: state.selectedStoryId,
    listShow: state.listShow,
    editorMode: state.editorMode,
    ...(state.welcomed !== null && { welcomed: state.welcomed }),
  };
}

function sameView(a: AppState, b: AppState): boolean {
  return a.selectedFilter === b.selectedFilter && a.selectedStoryId === b.selectedStoryId && a.listShow === b.listShow && a.editorMode === b.editorMode && a.welcomed === b.welcomed;
}

/** The save waiting for its quiet time, if any. */
let pending: (() => Promise<void>) | null = null;

/** Writes the view now if a change is waiting (main's flush request on quit: a topic chosen just before is kept). */
export function flushViewState(): Promise<void> {
  const save = pending;
  pending = null;
  return save ? save() : Promise.resolve();
}

/**
 * Remembers the selected topic/file and story, the editor's Write/Both/Preview mode and the
 * first-run welcome across runs, once startup has restored them.
 */
export function useViewStatePersistence() {
  const loaded = useAppStore((state) => state.libraryLoaded);

  // The editor mode and the welcome flag (the selection is restored by the library's startup).
  useEffect(() => {
    void ponder
      .loadViewState()
      .catch((): ViewState => ({}))
      .then((view) => {
        // In one change, which the saver below skips: loading is not a change to write back.
        useAppStore.setState({ welcomed: view.welcomed ?? false, ...(view.editorMode && { editorMode: view.editorMode }) });
      });
  }, []);

  useEffect(() => {
    if (!loaded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (previous.welcomed === null || sameView(state, previous)) return;
      clearTimeout(timer);
      // Remembering the view is a nicety: a failure here is not worth interrupting the reader.
      const save = () => {
        clearTimeout(timer);
        pending = null;
        return ponder.saveViewState(rememberedView(useAppStore.getState())).catch(() => undefined);
      };
      pending = save;
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      pending = null;
      unsubscribe();
    };
  }, [loaded]);
}
