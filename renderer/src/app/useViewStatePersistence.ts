import { useEffect } from 'react';
import { ponder } from '../api';
import { useAppStore } from '../store/app-store';

/** Quiet time before the selection is written to state.json: arrowing through stories writes once. */
const SAVE_DELAY_MS = 400;

/** Remembers the selected topic/file and story across runs, once startup has restored them. */
export function useViewStatePersistence() {
  const loaded = useAppStore((state) => state.libraryLoaded);
  useEffect(() => {
    if (!loaded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.selectedFilter === previous.selectedFilter && state.selectedStoryId === previous.selectedStoryId) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { selectedFilter, selectedStoryId } = useAppStore.getState();
        // Remembering the view is a nicety: a failure here is not worth interrupting the reader.
        ponder.saveViewState({ selectedTopic: selectedFilter, selectedStoryId }).catch(() => undefined);
      }, SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [loaded]);
}
