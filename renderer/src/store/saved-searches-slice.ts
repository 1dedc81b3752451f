// Saved searches (issue 12): a query pinned with its topic or file and its Stories/Notes
// scope, kept by main in state.json (searches:get / searches:set, the whole list each
// time, sanitised there). Each shows a live count: main is asked for the total of each
// (limit 1) whenever the library, the index or the list changes, debounced.
import type { SavedSearch } from '../../../electron/shared/search-contract';
import type { StoryFilter } from '../../../electron/shared/ipc-contract';
import { errorMessage } from './error-message';
import type { SavedSearchesSlice, SliceCreator } from './types';

/** Counts follow bursts (a sync, an import, typing notes): ask once they settle. */
const COUNT_DELAY_MS = 300;

export const createSavedSearchesSlice: SliceCreator<SavedSearchesSlice> = (api) => (set, get, store) => {
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let countSeq = 0;

  const countAll = async () => {
    const mine = ++countSeq;
    const searches = get().savedSearches;
    const answers = await Promise.all(
      searches.map((search) =>
        api
          .find({ query: search.query, limit: 1, in: search.in, ...(search.filter ? { filter: search.filter } : {}) })
          .then((answer) => [search.id, answer.ok === true ? answer.total : null] as const)
          .catch(() => [search.id, null] as const),
      ),
    );
    if (mine !== countSeq) return;
    const counts: Record<string, number> = {};
    for (const [id, total] of answers) if (total !== null) counts[id] = total;
    set({ savedCounts: counts });
  };
  const scheduleCount = () => {
    clearTimeout(countTimer);
    if (get().savedSearches.length > 0) countTimer = setTimeout(() => void countAll(), COUNT_DELAY_MS);
  };

  /** Main keeps the list; what it kept (sanitised) is what is shown. */
  const persist = async (searches: SavedSearch[]) => {
    set({ savedSearches: searches });
    try {
      set({ savedSearches: await api.saveSearches({ searches }) });
    } catch (error) {
      get().showNotice(`Ponder: could not save the saved searches (${errorMessage(error)}). Try again.`);
    }
  };

  store.subscribe((state, previous) => {
    if (
      state.savedSearches !== previous.savedSearches ||
      state.snapshot !== previous.snapshot ||
      (state.indexStatus.state === 'ready' && previous.indexStatus.state !== 'ready') ||
      state.notedIds !== previous.notedIds
    ) {
      scheduleCount();
    }
  });

  return {
    savedSearches: [],
    savedCounts: {},

    async loadSavedSearches() {
      try {
        set({ savedSearches: await api.savedSearches() });
      } catch {
        // None shown; saving one later writes the list again.
      }
    },

    async saveCurrentSearch() {
      const query = get().searchInput.trim();
      const filter = get().selectedFilter;
      if (query === '' || filter === 'orphans') return false;
      const search: SavedSearch = { id: newId(), name: query, query, filter: filter as StoryFilter | null, in: get().searchIn };
      await persist([...get().savedSearches, search]);
      return true;
    },

    runSavedSearch(id) {
      const search = get().savedSearches.find((entry) => entry.id === id);
      if (!search) return;
      // One search for the lot: the scope and filter are set before the query asks.
      set({ searchIn: search.in });
      get().selectFilter(search.filter);
      get().setSearchInput(search.query);
    },

    async renameSavedSearch(id, name) {
      const title = name.trim();
      if (title === '') return;
      await persist(get().savedSearches.map((entry) => (entry.id === id ? { ...entry, name: title } : entry)));
    },

    async moveSavedSearch(id, delta) {
      const list = [...get().savedSearches];
      const from = list.findIndex((entry) => entry.id === id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= list.length) return;
      [list[from], list[to]] = [list[to]!, list[from]!];
      await persist(list);
    },

    async deleteSavedSearch(id) {
      const before = get().savedSearches;
      const index = before.findIndex((entry) => entry.id === id);
      const removed = before[index];
      if (!removed) return;
      await persist(before.filter((entry) => entry.id !== id));
      get().showToast(`Deleted the saved search “${removed.name}”`, {
        label: 'Undo',
        run: () => {
          const list = [...get().savedSearches];
          list.splice(Math.min(index, list.length), 0, removed);
          void persist(list);
        },
      });
    },

    widenSearch() {
      get().selectFilter(null);
    },
  };
};

function newId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
