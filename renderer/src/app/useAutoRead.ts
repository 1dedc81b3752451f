import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { markOf } from '../store/story-marks';

/** A story open this long is read. */
export const READ_AFTER_MS = 1_500;
/**
 * Leaving a story after at least this long also marks it read: long enough to have taken in its
 * title and summary, longer than a skim with j/k (a held key repeats every ~30 ms, a tapped
 * one every ~200–300 ms), so walking past stories does not mark them.
 */
export const READ_ON_LEAVE_MS = 600;

/** Marks the open story read after READ_AFTER_MS, or on leaving it after READ_ON_LEAVE_MS (when its row says it is not). */
export function useAutoRead() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let open: { id: string; since: number } | null = null;

    const markRead = (id: string) => {
      const state = useAppStore.getState();
      // Orphaned notes are not stories of the library; a story the reader marked unread stays so while open.
      if (state.listView.kind === 'orphans' || state.keptUnreadId === id || markOf(state, 'read', id) === true) return;
      void state.markRead([id], true);
    };
    const start = (id: string | null) => {
      clearTimeout(timer);
      open = id === null ? null : { id, since: performance.now() };
      if (id !== null) timer = setTimeout(() => markRead(id), READ_AFTER_MS);
    };

    start(useAppStore.getState().selectedStoryId);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.selectedStoryId === previous.selectedStoryId) return;
      if (open && performance.now() - open.since >= READ_ON_LEAVE_MS) markRead(open.id);
      if (state.keptUnreadId !== null && state.keptUnreadId !== state.selectedStoryId) useAppStore.setState({ keptUnreadId: null });
      start(state.selectedStoryId);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
