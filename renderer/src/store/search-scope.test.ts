// A search goes to main with the filter it must be ranked within: the ids of
// the topic's or file's stories, or the orphaned notes. Choosing another filter
// asks again, and the list shows main's ranking as it is, its total as the count.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibrarySnapshot, PonderApi, SearchRequest, SearchResponse, StoryListItem } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { ORPHANS_FILTER, sourceFilter, topicFilter } from './filter-key';
import { selectVisibleStories } from './visible-stories';

const story = (n: number, source: string): StoryListItem => ({
  id: n.toString(16).padStart(16, '0'),
  source,
  line: n,
  title: `Story ${n}`,
  snippet: '',
});
const stories = [story(1, 'a.txt'), story(2, 'a.txt'), story(3, 'b.txt'), story(4, 'b.txt')];
const snapshot: LibrarySnapshot = {
  folder: '/lib',
  name: 'lib',
  generation: 1,
  stories,
  topics: [{ name: 'Zebras', storyIds: [stories[1]!.id, stories[3]!.id] }],
  sources: [],
  diagnostics: [],
  notedIds: [],
  index: { state: 'ready', storyCount: 4, millis: 1 },
};

/** Main, as far as search goes: answers every request with the stories it was scoped to, the last one best. */
function fakeApi() {
  const requests: SearchRequest[] = [];
  const api = {
    search: async (request: SearchRequest): Promise<SearchResponse> => {
      requests.push(request);
      const ids = request.scope === 'orphans' ? [] : (request.ids ?? stories.map((s) => s.id));
      const hits = [...ids].reverse().map((id, i) => ({ id, score: 10 - i, highlights: { title: [], snippet: [] } }));
      return { ok: true, query: request.query, total: hits.length + 100, hits };
    },
    notesOverview: async () => ({ orphans: [], unreadable: [] }),
  } as unknown as PonderApi;
  return { api, requests };
}

describe('a search within a filter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the filter’s story ids, asks again when the filter changes, and shows main’s ranking and total', async () => {
    const { api, requests } = fakeApi();
    const store = createAppStore(api);
    const state = () => store.getState();
    state().setSnapshot(snapshot);
    state().selectFilter(sourceFilter('b.txt'));
    state().setSearchInput('zebra');
    await vi.advanceTimersByTimeAsync(200);
    expect(requests.at(-1)).toEqual({ query: 'zebra', limit: 500, ids: [stories[2]!.id, stories[3]!.id] });
    expect(selectVisibleStories(state()).items.map((s) => s.id)).toEqual([stories[3]!.id, stories[2]!.id]);
    expect(selectVisibleStories(state()).searchTotal).toBe(102);

    state().selectFilter(topicFilter('Zebras'));
    // The answer is on its way: meanwhile the earlier hits in this topic stand in, counted as shown.
    expect(selectVisibleStories(state())).toMatchObject({ items: [stories[3]], searchTotal: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.at(-1)).toEqual({ query: 'zebra', limit: 500, ids: [stories[1]!.id, stories[3]!.id] });
    expect(selectVisibleStories(state())).toMatchObject({ items: [stories[3], stories[1]], searchTotal: 102 });

    state().selectFilter(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.at(-1)).toEqual({ query: 'zebra', limit: 500 });
    expect(selectVisibleStories(state()).items).toHaveLength(4);

    state().selectFilter(ORPHANS_FILTER);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.at(-1)).toEqual({ query: 'zebra', limit: 500, scope: 'orphans' });
    expect(selectVisibleStories(state())).toMatchObject({ orphans: true, items: [], query: 'zebra' });
  });

  it('sends nothing when the filter changes with no search typed', async () => {
    const { api, requests } = fakeApi();
    const store = createAppStore(api);
    store.getState().setSnapshot(snapshot);
    store.getState().selectFilter(sourceFilter('a.txt'));
    await vi.advanceTimersByTimeAsync(200);
    expect(requests).toEqual([]);
  });
});
