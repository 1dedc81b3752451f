// A search goes to main with the filter it must be ranked within: the topic or file
// (main resolves its stories), or the orphaned notes. Choosing another filter asks
// again, and the list shows main's ranking as it is, its total as the count.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './create-app-store';
import { ORPHANS_FILTER, sourceFilter, topicFilter } from './filter-key';
import { rowAt } from './list-pages';
import { fakeMain, storyRow } from './testing/fake-main';
import type { AppState } from './types';
import { selectVisibleStories } from './visible-stories';

const stories = [storyRow(1, 'a.txt'), storyRow(2, 'a.txt'), storyRow(3, 'b.txt'), storyRow(4, 'b.txt')];
const topics = [{ name: 'Zebras', ids: [stories[1]!.id, stories[3]!.id] }];

/** The rows the list shows, by id (placeholders as null). */
function shownIds(state: AppState): Array<string | null> {
  const visible = selectVisibleStories(state);
  return Array.from({ length: visible.count }, (_, i) => rowAt(visible.pages, i)?.id ?? null);
}

describe('a search within a filter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the filter, asks again when the filter changes, and shows main’s ranking and total', async () => {
    const { api, world, snapshot } = fakeMain(stories, topics);
    const store = createAppStore(api);
    const state = () => store.getState();
    state().setSnapshot(snapshot());
    state().selectFilter(sourceFilter('b.txt'));
    state().setSearchInput('zebra');
    await vi.advanceTimersByTimeAsync(200);
    expect(world.searches.at(-1)).toEqual({ query: 'zebra', limit: 500, filter: 'source:b.txt' });
    expect(shownIds(state())).toEqual([stories[3]!.id, stories[2]!.id]);
    expect(selectVisibleStories(state()).searchTotal).toBe(102);

    state().selectFilter(topicFilter('Zebras'));
    // The answer is on its way: meanwhile the earlier hits stay.
    expect(shownIds(state())).toEqual([stories[3]!.id, stories[2]!.id]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.searches.at(-1)).toEqual({ query: 'zebra', limit: 500, filter: 'topic:Zebras' });
    expect(shownIds(state())).toEqual([stories[3]!.id, stories[1]!.id]);
    expect(selectVisibleStories(state()).searchTotal).toBe(102);

    state().selectFilter(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.searches.at(-1)).toEqual({ query: 'zebra', limit: 500 });
    expect(shownIds(state())).toHaveLength(4);

    state().selectFilter(ORPHANS_FILTER);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.searches.at(-1)).toEqual({ query: 'zebra', limit: 500, scope: 'orphans' });
    expect(selectVisibleStories(state())).toMatchObject({ orphans: true, count: 0, query: 'zebra' });
  });

  it('sends nothing when the filter changes with no search typed', async () => {
    const { api, world, snapshot } = fakeMain(stories, topics);
    const store = createAppStore(api);
    store.getState().setSnapshot(snapshot());
    store.getState().selectFilter(sourceFilter('a.txt'));
    await vi.advanceTimersByTimeAsync(200);
    expect(world.searches).toEqual([]);
  });
});
