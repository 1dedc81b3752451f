// Saved searches through a main that keeps them as state.json does (a copy, written
// whole): save, live counts, rename, reorder, delete with Undo, run and widen — and a fresh store (a relaunch) reads back what was kept.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindRequest, SavedSearch } from '../../../electron/shared/search-contract';
import type { PonderApi } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { topicFilter } from './filter-key';
import { fakeMain, storyRow } from './testing/fake-main';

const stories = [storyRow(1, 'a.txt'), storyRow(2, 'a.txt'), storyRow(3, 'b.txt')];
const topics = [{ name: 'Zebras', ids: [stories[1]!.id, stories[2]!.id] }];

/** The fake main, plus search:find (every story of the filter matches) and the saved list as state.json keeps it. */
function mainWithSavedSearches() {
  const { api, world, snapshot } = fakeMain(stories, topics);
  const kept = { searches: [] as SavedSearch[], writes: 0, finds: [] as FindRequest[] };
  const full = {
    ...api,
    find: async (request: FindRequest) => {
      kept.finds.push(request);
      const ids = request.filter === 'topic:Zebras' ? topics[0]!.ids : stories.map((story) => story.id);
      return { ok: true, query: request.query, total: ids.length, hits: ids.slice(0, request.limit).map((id) => ({ id, score: 1 })) };
    },
    savedSearches: async () => kept.searches,
    saveSearches: async ({ searches }: { searches: SavedSearch[] }) => {
      kept.writes += 1;
      kept.searches = JSON.parse(JSON.stringify(searches)) as SavedSearch[];
      return kept.searches;
    },
  } as unknown as PonderApi;
  return { api: full, world, snapshot, kept };
}

describe('saved searches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the query with its topic and scope, counts it live, renames, reorders, deletes with Undo, and survives a relaunch', async () => {
    const main = mainWithSavedSearches();
    const store = createAppStore(main.api);
    const state = () => store.getState();
    state().setSnapshot(main.snapshot());
    await state().loadSavedSearches();
    expect(await state().saveCurrentSearch()).toBe(false); // nothing typed: nothing saved

    state().selectFilter(topicFilter('Zebras'));
    state().setSearchIn('notes');
    state().setSearchInput('stripes');
    expect(await state().saveCurrentSearch()).toBe(true);
    state().selectFilter(null);
    state().setSearchIn('stories');
    state().setSearchInput('grass');
    await state().saveCurrentSearch();
    expect(main.kept.searches.map(({ name, query, filter, in: where }) => ({ name, query, filter, in: where }))).toEqual([
      { name: 'stripes', query: 'stripes', filter: 'topic:Zebras', in: 'notes' },
      { name: 'grass', query: 'grass', filter: null, in: 'stories' },
    ]);

    // Live counts: one request each, limit 1, with the saved scope.
    await vi.advanceTimersByTimeAsync(400);
    const [stripes, grass] = main.kept.searches;
    expect(state().savedCounts).toEqual({ [stripes!.id]: 2, [grass!.id]: 3 });
    expect(main.kept.finds).toContainEqual({ query: 'stripes', limit: 1, in: 'notes', filter: 'topic:Zebras' });

    await state().renameSavedSearch(stripes!.id, '  Zebra notes ');
    await state().renameSavedSearch(stripes!.id, '   '); // a blank name changes nothing
    await state().moveSavedSearch(stripes!.id, 1);
    await state().moveSavedSearch(stripes!.id, 1); // already last
    expect(main.kept.searches.map((entry) => entry.name)).toEqual(['grass', 'Zebra notes']);

    await state().deleteSavedSearch(grass!.id);
    expect(main.kept.searches.map((entry) => entry.name)).toEqual(['Zebra notes']);
    expect(state().toast?.actionLabel).toBe('Undo');
    state().runToastAction();
    await vi.advanceTimersByTimeAsync(0);
    expect(main.kept.searches.map((entry) => entry.name)).toEqual(['grass', 'Zebra notes']);

    // A relaunch: a new store over the same main shows the same list, in the same order.
    const again = createAppStore(main.api);
    await again.getState().loadSavedSearches();
    expect(again.getState().savedSearches).toEqual(main.kept.searches);
  });

  it('runs a saved search with its filter and scope, and widens it to every story', async () => {
    const main = mainWithSavedSearches();
    const store = createAppStore(main.api);
    const state = () => store.getState();
    state().setSnapshot(main.snapshot());
    const searched = () => main.kept.finds.filter((request) => request.limit === 500).at(-1);
    main.kept.searches = [{ id: 'a1', name: 'Stripes', query: 'stripes', filter: 'topic:Zebras', in: 'all' }];
    await state().loadSavedSearches();

    state().runSavedSearch('a1');
    await vi.advanceTimersByTimeAsync(200);
    expect(state().searchInput).toBe('stripes');
    expect(state().selectedFilter).toBe('topic:Zebras');
    expect(state().searchIn).toBe('all');
    expect(searched()).toMatchObject({ query: 'stripes', filter: 'topic:Zebras', in: 'all', limit: 500 });
    expect(state().searchResults?.total).toBe(2);

    state().widenSearch();
    await vi.advanceTimersByTimeAsync(200);
    expect(state().selectedFilter).toBeNull();
    expect(searched()).toMatchObject({ query: 'stripes', in: 'all', limit: 500 });
    expect(searched()).not.toHaveProperty('filter', 'topic:Zebras');
    expect(state().searchResults?.total).toBe(3);
  });
});
