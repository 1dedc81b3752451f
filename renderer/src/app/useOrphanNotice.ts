import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { ORPHANS_FILTER } from '../store/filter-key';

/**
 * Says at once when a note becomes orphaned — its story left the library (a digest changed
 * or was removed) — with a way to it, instead of leaving it to the orphans list at the
 * bottom of the topics pane. Notes already orphaned at startup are not news.
 */
export function useOrphanNotice() {
  useEffect(() => {
    let known: ReadonlySet<string> | null = null;
    let folder: string | null = null;
    return useAppStore.subscribe((state, previous) => {
      if (state.notesOverview === previous.notesOverview) return;
      const ids = new Set(state.notesOverview.orphans.map((note) => note.id));
      // Another library opened: its orphans are not news either (at startup the folder may not be known yet).
      const sameLibrary = folder === null || folder === (state.snapshot?.folder ?? null);
      const fresh = known && sameLibrary ? state.notesOverview.orphans.filter((note) => !known!.has(note.id)) : [];
      known = ids;
      folder = state.snapshot?.folder ?? null;
      const first = fresh[0];
      if (!first) return;
      const what = fresh.length === 1 ? `Your note on “${first.question.trim() || 'a question'}” is` : `${fresh.length} of your notes are`;
      state.showToast(`${what} now orphaned: the story left the library. Nothing is lost — it is kept under Orphaned notes.`, {
        label: 'Show',
        run: () => {
          const { selectFilter, selectStory, requestFocus } = useAppStore.getState();
          selectFilter(ORPHANS_FILTER);
          selectStory(first.id);
          requestFocus('list');
        },
      });
    });
  }, []);
}
