import type { SearchResponse } from '../../../electron/shared/ipc-contract';
import { errorMessage } from './error-message';
import type { SearchSlice, SliceCreator } from './types';
import { searchScope } from './visible-stories';

/** Long enough to skip the intermediate words of a fast typist, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 150;
/** Hits asked for with highlights: more than anyone scans; the header still counts every match. */
const SEARCH_LIMIT = 500;
const MAX_PENDING_RETRIES = 5;

/**
 * A query of one character, bare or as a prefix (`a`, `a*`, `+a*`, `question:a*`),
 * matches most of a big library and costs the index the most: it waits for one more.
 */
export function isTooShortQuery(query: string): boolean {
  return /^[+-]?(?:\w+:)?[^\s*]?\*?$/u.test(query.trim());
}

export const createSearchSlice: SliceCreator<SearchSlice> = (api) => (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Every request takes a number; only the answer to the latest one is applied.
  let sequence = 0;
  // Retries of a 'pending' answer that crossed the index's 'ready' event on the wire.
  let pendingRetries = 0;

  const cancelPending = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  return {
    searchInput: '',
    searchStatus: 'idle',
    searchResults: null,
    searchError: null,

    setSearchInput(text) {
      set({ searchInput: text });
      cancelPending();
      pendingRetries = 0;
      if (!text.trim()) {
        sequence += 1; // Drop any answer still on its way.
        set({ searchStatus: 'idle', searchResults: null, searchError: null });
        return;
      }
      if (isTooShortQuery(text)) {
        // Nothing new is shown and nothing is asked; an answer still on its way is dropped too.
        sequence += 1;
        return;
      }
      timer = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
    },

    clearSearch() {
      get().setSearchInput('');
    },

    async runSearch() {
      cancelPending();
      const query = get().searchInput.trim();
      if (!query || isTooShortQuery(query)) return;
      const mine = ++sequence;
      // Ranked within the topic, file or orphans on screen, so none of their matches is cut by the limit.
      const filter = get().selectedFilter;
      let response: SearchResponse;
      try {
        response = await api.search({ query, limit: SEARCH_LIMIT, ...searchScope(get()) });
      } catch (error) {
        response = { ok: false, query, error: errorMessage(error) };
      }
      if (mine !== sequence) return;
      if (response.ok === true) {
        set({
          searchStatus: 'ready',
          searchResults: { query, hits: response.hits, total: response.total, filter },
          searchError: null,
        });
      } else if (response.ok === false) {
        set({ searchStatus: 'error', searchError: response.error });
      } else {
        // The index is still building: show the whole list; `setIndexStatus` retries when it is ready.
        set({ searchStatus: 'pending', searchResults: null, searchError: null });
        const known = get().indexStatus.state;
        if (known === 'ready' && pendingRetries < MAX_PENDING_RETRIES) {
          // The ready event came before this answer, so no later event will trigger the retry.
          pendingRetries += 1;
          timer = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
        } else if (known !== 'building' && response.index.state === 'building') {
          set({ indexStatus: response.index });
        }
      }
    },
  };
};
