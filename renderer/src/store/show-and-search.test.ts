// The Show choice and a search that behaves, against a fake main (testing/fake-main.ts) that
// answers Show from its marks: the list asks main for a fresh list per view and pages through
// it with the same choice, a search is ranked within it, an unfinished query says why and never
// leaves another query's results, and a new search selects nothing and closes a story that is
// not among its results (opening it again when the search is cleared).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NextUnansweredRequest, ReadingMarkRequest } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { topicFilter } from './filter-key';
import { rowAt } from './list-pages';
import { allAnsweredMessage } from './reading-slice';
import { unfinishedQuery } from './search-slice';
import { fakeMain, fakeStories } from './testing/fake-main';
import type { AppState } from './types';
import { selectVisibleStories } from './visible-stories';

const stories = fakeStories(40, 20);
const ids = stories.map((story) => story.id);
const topics = [{ name: 'Evens', ids: ids.filter((_, n) => n % 2 === 0) }];

function setup() {
  const main = fakeMain(stories, topics);
  const calls = { marks: [] as ReadingMarkRequest[], next: [] as NextUnansweredRequest[] };
  Object.assign(main.api, {
    markRead: async (request: ReadingMarkRequest) => {
      calls.marks.push(request);
      return { changed: [] };
    },
    nextUnanswered: async (request: NextUnansweredRequest) => {
      calls.next.push(request);
      return { generation: request.generation, id: null, position: -1 };
    },
  });
  const store = createAppStore(main.api);
  return { ...main, calls, store, state: () => store.getState() };
}

/** The ids of the rows the list shows (placeholders as null). */
function shownIds(state: AppState): Array<string | null> {
  const visible = selectVisibleStories(state);
  return Array.from({ length: visible.count }, (_, i) => rowAt(visible.pages, i)?.id ?? null);
}

describe('the Show choice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lists only the chosen stories, within the topic, asking main for a fresh list and paging it', async () => {
    const { state, world, snapshot } = setup();
    world.read = new Set(ids.slice(0, 30));
    world.noted = new Set([ids[2]!, ids[5]!]);
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    expect(state().listShow).toBe('all');

    state().setListShow('unread');
    await vi.advanceTimersByTimeAsync(0);
    expect(world.views.at(-1)).toMatchObject({ filter: null, show: 'unread', fresh: true });
    expect(world.rows.at(-1)).toMatchObject({ filter: null, show: 'unread' });
    expect(shownIds(state())).toEqual(ids.slice(30));
    expect(selectVisibleStories(state()).show).toBe('unread');

    state().selectFilter(topicFilter('Evens'));
    state().setListShow('answered');
    await vi.advanceTimersByTimeAsync(0);
    expect(world.views.at(-1)).toMatchObject({ filter: 'topic:Evens', show: 'answered', fresh: true });
    expect(shownIds(state())).toEqual([ids[2]]);

    state().setListShow('unanswered');
    await vi.advanceTimersByTimeAsync(0);
    expect(shownIds(state())).toEqual(topics[0]!.ids.filter((id) => id !== ids[2]));

    // Back to All: the plain list, no Show in the requests.
    state().selectFilter(null);
    state().setListShow('all');
    await vi.advanceTimersByTimeAsync(0);
    expect(shownIds(state())).toEqual(ids);
    expect(world.views.at(-1)).not.toHaveProperty('show');
  });

  it('ranks a search within the Show choice, and asks again when it changes', async () => {
    const { state, world, snapshot } = setup();
    world.starred = new Set([ids[3]!, ids[7]!]);
    state().setSnapshot(snapshot());
    state().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    expect(world.searches.at(-1)).toEqual({ query: 'story', limit: 500 });

    state().setListShow('starred');
    await vi.advanceTimersByTimeAsync(0);
    expect(world.searches.at(-1)).toEqual({ query: 'story', limit: 500, show: 'starred' });
    expect(shownIds(state())).toEqual([ids[7], ids[3]]);
    expect(state().searchResults?.show).toBe('starred');
  });

  it('sends the Show choice with "mark all" and "next unanswered", and says kindly when none is left', async () => {
    const { state, calls, world, snapshot } = setup();
    world.starred = new Set([ids[9]!]);
    state().setSnapshot(snapshot());
    state().setListShow('starred');
    await vi.advanceTimersByTimeAsync(0);
    await state().markViewRead();
    expect(calls.marks.at(-1)).toEqual({ generation: 1, filter: null, read: true, show: 'starred' });
    await state().nextUnanswered();
    expect(calls.next.at(-1)).toMatchObject({ filter: null, show: 'starred' });
    expect(state().toast?.message).toBe(allAnsweredMessage(false, 'starred'));
    expect(state().toast?.message).toBe('No question left to answer among the starred stories here. Choose Show: All to look further.');
  });

  it('brings the files’ and the library’s progress with the counts', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    world.noted = new Set([ids[0]!, ids[25]!, ids[26]!]);
    state().refreshCounts();
    await vi.advanceTimersByTimeAsync(400);
    expect(state().snapshot?.progress).toEqual({
      storyCount: 40,
      answered: 3,
      files: [
        { path: 'f0.txt', storyCount: 20, answered: 1 },
        { path: 'f1.txt', storyCount: 20, answered: 2 },
      ],
    });
  });
});

describe('a search that behaves', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says why an unfinished query cannot be searched', () => {
    expect(unfinishedQuery('title:')).toBe('Ponder: there is no “title:” field — search summary:, reflection: or question:, or leave the field out.');
    expect(unfinishedQuery('summary:')).toBe('Ponder: type a word after “summary:” to search only the summary, like summary:drones.');
    expect(unfinishedQuery('drones +')).toMatch(/^Ponder: type a word right after “\+”/);
    expect(unfinishedQuery('-')).toMatch(/^Ponder: type a word right after “-”/);
    expect(unfinishedQuery('question:how')).toBeNull();
    expect(unfinishedQuery('+drones -rain')).toBeNull();
    expect(unfinishedQuery('10:30')).toBeNull();
  });

  it('never leaves the last query’s results on screen after an unfinished or failed query', async () => {
    const { state, world, api, snapshot } = setup();
    state().setSnapshot(snapshot());
    state().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    expect(selectVisibleStories(state()).query).toBe('story');

    for (const unfinished of ['title:', '+', '-', 'summary:']) {
      state().setSearchInput(unfinished);
      await vi.advanceTimersByTimeAsync(200);
      expect(state().searchStatus).toBe('error');
      expect(state().searchError).toMatch(/^Ponder: /);
      expect(selectVisibleStories(state()).query).toBeNull();
      expect(shownIds(state())).toEqual(ids);
    }
    expect(world.searches).toHaveLength(1);

    state().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    expect(selectVisibleStories(state()).query).toBe('story');
    Object.assign(api, { find: async () => ({ ok: false, query: 'bad', error: 'Ponder: unknown field "x".' }) });
    state().setSearchInput('x:bad');
    await vi.advanceTimersByTimeAsync(200);
    expect(state().searchError).toBe('Ponder: unknown field "x".');
    expect(selectVisibleStories(state()).query).toBeNull();
  });

  it('selects no hit by itself, closes a story that is not among the results, and opens it again when the search is cleared', async () => {
    const { state, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().selectStory(ids[5]!, 5);

    // Among the hits (the fake ranks the last story first): it stays open, nothing else is chosen.
    state().setSearchInput('story');
    await vi.advanceTimersByTimeAsync(200);
    expect(state().selectedStoryId).toBe(ids[5]);
    expect(state().selectedPosition).toBe(34);

    // Not among the hits of a topic without it: the reading pane clears.
    state().selectFilter(topicFilter('Evens'));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownIds(state())[0]).toBe(ids[38]);
    expect(state().selectedStoryId).toBeNull();

    // Moving into the results selects the best hit.
    await state().enterResults();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(ids[38]);

    // Cleared after choosing a hit: that choice stands.
    state().clearSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(ids[38]);
  });

  it('clears the reading pane for a search with no hits, and opens the story again when the search is cleared', async () => {
    const { state, api, snapshot } = setup();
    const find = api.find;
    Object.assign(api, {
      find: async (request: Parameters<typeof find>[0]) => (request.query.startsWith('nothing') ? { ok: true, query: request.query, total: 0, hits: [] } : find(request)),
    });
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().selectStory(ids[4]!, 4);

    state().setSearchInput('nothing here');
    await vi.advanceTimersByTimeAsync(200);
    expect(selectVisibleStories(state())).toMatchObject({ count: 0, query: 'nothing here' });
    expect(state().selectedStoryId).toBeNull();

    state().clearSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().selectedStoryId).toBe(ids[4]);
    expect(state().selectedPosition).toBe(4);
  });
});
