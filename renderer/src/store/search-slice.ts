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

/** The fields a query can name (`question:how`). */
const FIELDS = ['summary', 'reflection', 'question'];

/**
 * Why `query` cannot be searched yet, said so the reader can finish it: a field with no word
 * after it (`summary:`), a field Ponder does not have (`title:`), or a bare `+` or `-`. null
 * when it can be searched (Lunr itself still answers for the rest of the syntax).
 */
export function unfinishedQuery(query: string): string | null {
  for (const word of query.trim().split(/\s+/u)) {
    const field = /^[+-]?(\p{L}+):$/u.exec(word);
    if (field) {
      const name = field[1]!;
      if (!FIELDS.includes(name)) return `Ponder: there is no “${name}:” field — search summary:, reflection: or question:, or leave the field out.`;
      return `Ponder: type a word after “${name}:” to search only the ${name}, like ${name}:${name === 'question' ? 'how' : 'drones'}.`;
    }
    if (/^[+-]+$/u.test(word)) return `Ponder: type a word right after “${word}” (+word: stories with it, -word: stories without it).`;
  }
  return null;
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
      // Nothing is asked, an answer still on its way is dropped, and no earlier query's results stay on screen.
      const unfinished = unfinishedQuery(text);
      if (unfinished !== null) {
        sequence += 1;
        set({ searchStatus: 'error', searchResults: null, searchError: unfinished });
        return;
      }
      if (isTooShortQuery(text)) {
        sequence += 1;
        set({ searchStatus: 'idle', searchResults: null, searchError: null });
        return;
      }
      timer = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
    },

    clearSearch() {
      get().setSearchInput('');
    },

    searchIn: 'stories',
    searchSort: 'relevance',
    setSearchIn(searchIn) {
      set({ searchIn });
      if (get().searchInput.trim()) void get().runSearch();
    },
    setSearchSort(searchSort) {
      set({ searchSort });
      if (get().searchInput.trim()) void get().runSearch();
    },

    async runSearch() {
      cancelPending();
      const query = get().searchInput.trim();
      if (!query || isTooShortQuery(query) || unfinishedQuery(query) !== null) return;
      const mine = ++sequence;
      // Ranked within the topic, file or orphans on screen, so none of their matches is cut by the limit.
      const { selectedFilter: filter, listShow: show } = get();
      let response: SearchResponse;
      try {
        const scope = searchScope(get());
        // Stories, notes or both, sorted in main (search:find); the orphans' list keeps its own search.
        const { searchIn, searchSort } = get();
        response = scope.scope === 'orphans' ? await api.search({ query, limit: SEARCH_LIMIT, ...scope }) : await api.find({ query, limit: SEARCH_LIMIT, ...scope, in: searchIn, sort: searchSort });
      } catch (error) {
        response = { ok: false, query, error: errorMessage(error) };
      }
      if (mine !== sequence) return;
      if (response.ok === true) {
        set({
          searchStatus: 'ready',
          searchResults: { query, hits: response.hits, total: response.total, filter, show },
          searchError: null,
        });
      } else if (response.ok === false) {
        // The message replaces the results: the list shows the topic or file again, never another query's hits.
        set({ searchStatus: 'error', searchError: response.error, searchResults: null });
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
