// The daily loop's state: the reader's read and starred marks (main keeps them in state.json,
// answers filters and counts, and sends each row's marks with it; here are only the reader's
// own changes, shown at once and sent on: story-marks.ts), the small notice with Undo, focus
// moves between the panes, the loop's dialogs, and the keyboard's walks (next unanswered,
// previous/next topic).
import type { StoreApi } from 'zustand';
import type { ShowFilter, StoryFilter } from '../../../electron/shared/ipc-contract';
import { errorMessage } from './error-message';
import { ORPHANS_FILTER, topicFilter } from './filter-key';
import { CHANGES_KEY, markOf } from './story-marks';
import type { Mark, MarkChanges } from './story-marks';
import type { AppState, ReadingSlice, SliceCreator } from './types';
import { showPart } from './visible-stories';

const NONE: MarkChanges = new Map();
/** Longest wait for the list to show a search's results before focusing it anyway. */
const RESULTS_WAIT_MS = 3_000;

/** "Ponder: could not <what>: <why>. Try again." — main's own "Ponder: " prefix is not repeated inside. */
function failure(what: string, error: unknown, next = 'Try again.'): string {
  const why = errorMessage(error).replace(/^Ponder: /, '').replace(/\.?$/, '.');
  return `Ponder: could not ${what}: ${why} ${next}`;
}

/** What `n` says when no question of the list is left without an answer: kindly, and where else to look. */
export function allAnsweredMessage(narrowed: boolean, show: ShowFilter): string {
  if (show === 'answered') return 'These are your answered stories. Choose Show: Unanswered or All to find the next question.';
  if (show === 'unread' || show === 'starred') return `No question left to answer among the ${show} stories here. Choose Show: All to look further.`;
  if (narrowed) return 'Every question here has an answer. Try All stories, or another topic.';
  return 'Every question has an answer. Well done — nothing left for now.';
}

/** Resolves once `done` holds for the store's state (or after RESULTS_WAIT_MS). */
function until(store: StoreApi<AppState>, done: (state: AppState) => boolean): Promise<void> {
  if (done(store.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, RESULTS_WAIT_MS);
    const unsubscribe = store.subscribe((state) => done(state) && finish());
  });
}

export const createReadingSlice: SliceCreator<ReadingSlice> = (api) => (set, get, store) => {
  let toastSeq = 0;
  let focusSeq = 0;
  /** What the notice's action does (Undo, Show); kept out of the state, which stays plain data. */
  let toastAction: (() => void) | null = null;

  const setChanges = (mark: Mark, changes: MarkChanges) => set(mark === 'read' ? { readChanges: changes } : { starChanges: changes });
  /** Shows `ids` with `mark` on (or off) at once; answers how to put back what they showed before (when main refuses). */
  const change = (mark: Mark, ids: readonly string[], on: boolean): (() => void) => {
    const before = get()[CHANGES_KEY[mark]];
    const was = ids.map((id) => [id, before.get(id)] as const);
    const next = new Map(before);
    for (const id of ids) next.set(id, on);
    setChanges(mark, next);
    return () => {
      const now = new Map(get()[CHANGES_KEY[mark]]);
      // No change of the reader's before: the row's own mark (main's, which did not change) shows again.
      for (const [id, value] of was) {
        if (value === undefined) now.delete(id);
        else now.set(id, value);
      }
      setChanges(mark, now);
    };
  };

  return {
    readChanges: NONE,
    starChanges: NONE,
    keptUnreadId: null,
    toast: null,
    focusRequest: null,
    shortcutsOpen: false,
    reflectionsOpen: false,
    welcomed: null,

    setWelcomed(welcomed) {
      set({ welcomed });
    },

    async markRead(ids, read) {
      const undo = change('read', ids, read);
      try {
        return (await api.markRead({ ids: [...ids], read })).changed;
      } catch (error) {
        undo();
        get().showNotice(failure('save the read marks', error));
        return [];
      }
    },

    toggleRead(id = get().selectedStoryId) {
      if (!id || get().listView.kind === 'orphans') return;
      const read = !(markOf(get(), 'read', id) ?? false);
      // The reader's own "unread" on the open story stands: it is not marked read again while it stays open.
      set({ keptUnreadId: read ? null : id });
      void get().markRead([id], read);
    },

    toggleStar(id = get().selectedStoryId) {
      if (!id || get().listView.kind === 'orphans') return;
      const starred = !(markOf(get(), 'starred', id) ?? false);
      const undo = change('starred', [id], starred);
      api.starStory({ id, starred }).catch((error: unknown) => {
        undo();
        get().showNotice(failure('save the star', error));
      });
    },

    async markViewRead() {
      const { listView: view, snapshot } = get();
      if (!snapshot || view.kind === 'orphans' || (view.count ?? 0) === 0) return;
      try {
        // A search's hits are held here; a topic's or file's list is main's to resolve.
        const request = view.kind === 'search' ? { ids: [...view.ids!], read: true } : { generation: view.generation, filter: view.filter as StoryFilter | null, read: true, ...showPart(view.show) };
        const { changed } = await api.markRead(request);
        change('read', changed, true);
        const undo = () => void get().markRead(changed, false);
        get().showToast(changed.length === 0 ? 'Every story here was read already.' : `Marked ${changed.length.toLocaleString('en-US')} ${changed.length === 1 ? 'story' : 'stories'} as read.`, changed.length === 0 ? null : { label: 'Undo', run: undo });
      } catch (error) {
        get().showNotice(failure('mark the stories as read', error));
      }
    },

    showToast(message, action = null) {
      toastAction = action?.run ?? null;
      set({ toast: { message, actionLabel: action?.label ?? null, seq: ++toastSeq } });
    },

    runToastAction() {
      const run = toastAction;
      if (!run) return;
      toastAction = null;
      set({ toast: null });
      run();
    },

    dismissToast() {
      toastAction = null;
      set({ toast: null });
    },

    requestFocus(target, id = null) {
      // The preview alone has no textarea: show the editor with it.
      if (target === 'editor' && get().editorMode === 'preview') set({ editorMode: 'split' });
      set({ focusRequest: { target, id, seq: ++focusSeq } });
    },

    focusHandled() {
      set({ focusRequest: null });
    },

    async enterResults() {
      const { searchInput, searchResults } = get();
      const query = searchInput.trim();
      if (query !== '' && searchResults?.query !== query) await get().runSearch();
      // The list follows the results once their first rows are here (story-list-slice.ts).
      if (query !== '') await until(store, (state) => state.listView.query === state.searchResults?.query || state.searchStatus !== 'ready');
      if ((get().listView.count ?? 0) > 0) get().selectAt(0);
      get().requestFocus('list');
    },

    setShortcutsOpen(open) {
      set({ shortcutsOpen: open });
    },

    setReflectionsOpen(open) {
      set({ reflectionsOpen: open });
    },

    async nextUnanswered() {
      const { listView: view, snapshot, selectedStoryId, listShow } = get();
      if (!snapshot) return;
      // In the list on show when it is the library's (a topic or file); else the whole library. Under the Show choice either way.
      const filter = view.kind === 'library' ? (view.filter as StoryFilter | null) : null;
      const show = view.kind === 'library' ? view.show : listShow;
      try {
        const answer = await api.nextUnanswered({ generation: snapshot.generation, filter, after: selectedStoryId, ...showPart(show) });
        if (answer.generation !== get().snapshot?.generation) return;
        if (answer.id === null) {
          get().showToast(allAnsweredMessage(filter !== null, show));
          return;
        }
        if (view.kind !== 'library') {
          // Leave the search or the orphans for the library, where the story is.
          get().clearSearch();
          get().selectFilter(null);
          get().restoreSelection(answer.id);
        } else {
          get().selectStory(answer.id, answer.position);
        }
        get().requestFocus('editor', answer.id);
      } catch (error) {
        get().showNotice(failure('find the next unanswered question', error));
      }
    },

    stepTopic(delta) {
      const topics = get().snapshot?.topics ?? [];
      if (topics.length === 0) return;
      const filter = get().selectedFilter;
      const at = filter === null || filter === ORPHANS_FILTER ? -1 : topics.findIndex((topic) => topicFilter(topic.name) === filter);
      const next = at < 0 ? (delta > 0 ? 0 : topics.length - 1) : Math.max(0, Math.min(topics.length - 1, at + delta));
      get().selectFilter(topicFilter(topics[next]!.name));
    },
  };
};
