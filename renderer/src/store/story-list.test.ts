// The paged stories list: the store holds the view's size and a few pages of rows near
// the viewport, asks main for more as the list scrolls, and moves the selection across
// page boundaries — against a fake main (testing/fake-main.ts) that records each request.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PonderApi } from '../../../electron/shared/ipc-contract';
import type { FindRequest } from '../../../electron/shared/search-contract';
import { createAppStore } from './create-app-store';
import { topicFilter } from './filter-key';
import { LIST_PAGE_ROWS, MAX_HELD_PAGES, rowAt } from './list-pages';
import { fakeMain, fakeStories } from './testing/fake-main';

const stories = fakeStories(5_000);
const evens = stories.filter((_, n) => n % 2 === 0).map((story) => story.id);
const topics = [{ name: 'Evens', ids: evens }];

function setup(view = {}) {
  const main = fakeMain(stories, topics, view);
  const store = createAppStore(main.api);
  return { ...main, store, state: () => store.getState() };
}

describe('the paged stories list', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first screen from the snapshot alone, then selects the first story', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    // Listed before any answer: the snapshot held the count and page 0.
    expect(state().listView.count).toBe(5_000);
    expect(rowAt(state().listPages, LIST_PAGE_ROWS - 1)).toEqual(stories[LIST_PAGE_ROWS - 1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.rows).toEqual([]);
    expect(state().selectedStoryId).toBe(stories[0]!.id);
    expect(state().selectedPosition).toBe(0);
  });

  it('fetches the pages around the rows on screen, and holds only a few pages however far it scrolls', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().showRows(2_500, 2_510);
    await vi.advanceTimersByTimeAsync(0);
    for (const n of [2_440, 2_500, 2_570]) expect(rowAt(state().listPages, n)).toEqual(stories[n]);
    expect(world.rows.every((request) => 'start' in request && request.end - request.start <= LIST_PAGE_ROWS)).toBe(true);

    for (let start = 0; start < 5_000; start += 200) {
      state().showRows(start, start + 10);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(state().listPages.size).toBeLessThanOrEqual(MAX_HELD_PAGES);
    expect(rowAt(state().listPages, 4_810)).toEqual(stories[4_810]);
  });

  it('moves the selection across a page boundary, asking main only for a page it does not hold', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().selectStory(stories[LIST_PAGE_ROWS - 1]!.id, LIST_PAGE_ROWS - 1);
    state().moveSelection(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(stories[LIST_PAGE_ROWS]!.id);
    expect(state().selectedPosition).toBe(LIST_PAGE_ROWS);
    expect(world.rows).toHaveLength(1);

    // Held now: the next moves cost no request.
    state().moveSelection(1);
    state().moveSelection(-1);
    state().moveSelection(-1);
    expect(state().selectedStoryId).toBe(stories[LIST_PAGE_ROWS - 1]!.id);
    expect(world.rows).toHaveLength(1);
  });

  it('lists a topic from main’s view of it and selects its first story when the selection is not in it', async () => {
    const { state, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().selectStory(stories[1]!.id, 1);
    state().selectFilter(topicFilter('Evens'));
    await vi.advanceTimersByTimeAsync(0);
    expect(state().listView.count).toBe(evens.length);
    expect(rowAt(state().listPages, 3)?.id).toBe(evens[3]);
    expect(state().selectedStoryId).toBe(evens[0]);
    expect(state().selectedPosition).toBe(0);

    // A story of the topic chosen from elsewhere (not a row held here): main says where it is.
    state().selectStory(evens[2_000]!);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedPosition).toBe(2_000);
    state().moveSelection(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(evens[2_001]);
  });

  it('restores the saved selection where main finds it, far past the first page', async () => {
    const { state } = setup({ selectedStoryId: stories[3_210]!.id });
    await state().startup();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(stories[3_210]!.id);
    expect(state().selectedPosition).toBe(3_210);
  });

  it('restores the saved Show choice with the topic and story: the first list asked for is already the one on show', async () => {
    const { state, world } = setup({ selectedTopic: topicFilter('Evens'), selectedStoryId: evens[4]!, listShow: 'starred' });
    world.starred = new Set([evens[2]!, evens[4]!, stories[1]!.id]);
    await state().startup();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().listShow).toBe('starred');
    expect(world.views.map((request) => request.show)).toEqual(world.views.map(() => 'starred'));
    expect(state().listView).toMatchObject({ filter: topicFilter('Evens'), show: 'starred', count: 2 });
    expect(rowAt(state().listPages, 1)).toMatchObject({ id: evens[4], starred: true });
    expect(state().selectedStoryId).toBe(evens[4]);
    expect(state().selectedPosition).toBe(1);
  });

  it('asks main for the topics’ unanswered counts once a burst of answered notes settles', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    world.noted.add(evens[0]!).add(evens[1]!);
    state().setNoted(evens[0]!, true);
    state().setNoted(evens[1]!, true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(world.counts).toBe(1);
    expect(state().snapshot?.topics).toEqual([{ name: 'Evens', storyCount: evens.length, unanswered: evens.length - 2 }]);
    // New counts change no list: the rows stay.
    expect(rowAt(state().listPages, 0)).toEqual(stories[0]);
  });

  it('shows a search’s hits as rows fetched by id, in main’s ranking', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    state().selectFilter(topicFilter('Evens'));
    state().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    expect(state().listView).toMatchObject({ kind: 'search', count: evens.length, searchTotal: evens.length + 100 });
    // The selection (the topic's first story) is a hit: it stays, found at its rank, its page fetched first.
    expect(state().selectedStoryId).toBe(evens[0]);
    expect(state().selectedPosition).toBe(evens.length - 1);
    expect(rowAt(state().listPages, evens.length - 1)?.id).toBe(evens[0]);
    state().showRows(0, 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(rowAt(state().listPages, 0)?.id).toBe(evens.at(-1));
    const byId = world.rows.filter((request) => 'ids' in request);
    expect(byId.every((request) => request.ids.length <= LIST_PAGE_ROWS)).toBe(true);
    // Each page is asked for with the query, and its rows come marked: the rows shown are what was asked.
    expect(byId.map((request) => request.query)).toEqual(byId.map(() => 'story'));
    expect(rowAt(state().listPages, 0)?.match).toEqual({ title: [[0, 5]], snippet: [] });
    expect(rowAt(state().listPages, evens.length - 1)?.match).toEqual({ title: [[0, 5]], snippet: [] });
    // No note was found: no note passages.
    expect(state().listView.notes).toBeNull();
  });

  it('keeps the passage of a note a search found, by its story, beside the rows main marks', async () => {
    const main = fakeMain(stories, topics);
    const passage = { text: 'a note on story 2', ranges: [[10, 15]] as [number, number][] };
    const [withNote, withoutNote] = [stories[2]!.id, stories[4]!.id];
    const find = async (request: FindRequest) => ({ ok: true, query: request.query, total: 2, hits: [{ id: withNote, score: 2, note: passage }, { id: withoutNote, score: 1 }] });
    const store = createAppStore({ ...main.api, find } as unknown as PonderApi);
    store.getState().setSnapshot(main.snapshot());
    store.getState().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    const view = store.getState().listView;
    expect(view).toMatchObject({ kind: 'search', ids: [withNote, withoutNote] });
    expect(view.notes).toEqual(new Map([[withNote, passage]]));
    // The first screen came with the view, marked.
    expect(rowAt(store.getState().listPages, 1)?.match?.title).toEqual([[0, 5]]);
  });
});
