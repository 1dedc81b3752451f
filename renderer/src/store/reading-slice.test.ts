// The reading slice against a fake main (testing/fake-main.ts) that sends each row with its
// read and starred marks: the reader's own changes show at once over the rows' marks and are
// sent on (a failure puts back what was shown and says so), mark all in view with Undo, the
// next unanswered question, and [ / ] through the topics. No whole read or starred set is
// ever asked for: the fake main has no such channel.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NextUnansweredRequest } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { topicFilter } from './filter-key';
import { rowAt } from './list-pages';
import { markOf, rowMarked } from './story-marks';
import { fakeMain, fakeStories } from './testing/fake-main';
import type { AppState } from './types';

const stories = fakeStories(100);
const ids = stories.map((story) => story.id);
const topics = [
  { name: 'Evens', ids: ids.filter((_, n) => n % 2 === 0) },
  { name: 'Tens', ids: ids.filter((_, n) => n % 10 === 0) },
];

function setup() {
  const main = fakeMain(stories, topics);
  main.world.read.add(ids[1]!);
  const starStory = main.api.starStory;
  const reading = { failStars: false, next: [] as NextUnansweredRequest[] };
  Object.assign(main.api, {
    starStory: async (request: { id: string; starred: boolean }) => {
      if (reading.failStars) throw new Error('Ponder: the disk is full.');
      return starStory(request);
    },
    nextUnanswered: async (request: NextUnansweredRequest) => {
      reading.next.push(request);
      const next = ids.find((id, n) => n > ids.indexOf(request.after ?? '') && !main.world.noted.has(id)) ?? null;
      return { generation: request.generation, id: next, position: next === null ? -1 : ids.indexOf(next) };
    },
  });
  const store = createAppStore(main.api);
  return { ...main, reading, store, state: () => store.getState() };
}

/** What the list shows for the held row at `position`: [read, starred]. */
function shownRow(state: AppState, position: number): [boolean, boolean] {
  const row = rowAt(state.listPages, position)!;
  return [rowMarked(state.readChanges, row, 'read'), rowMarked(state.starChanges, row, 'starred')];
}

describe('the reading slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the marks the rows came with, toggles read with m at once and keeps an "unread" the reader chose on the open story', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    expect(shownRow(state(), 1)).toEqual([true, false]);
    expect(shownRow(state(), 0)).toEqual([false, false]);
    expect(state().readChanges.size).toBe(0);
    expect(state().selectedStoryId).toBe(ids[0]);

    state().toggleRead();
    expect(markOf(state(), 'read', ids[0]!)).toBe(true); // at once, before main answers
    expect(shownRow(state(), 0)).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.read.has(ids[0]!)).toBe(true);
    state().toggleRead();
    expect(markOf(state(), 'read', ids[0]!)).toBe(false);
    expect(state().keptUnreadId).toBe(ids[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.marks.at(-1)).toEqual({ ids: [ids[0]], read: false });
    // A story read before this window opened is toggled from its row's mark.
    state().toggleRead(ids[1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.marks.at(-1)).toEqual({ ids: [ids[1]], read: false });
  });

  it('stars at once, over rows fetched before; rows fetched later carry main\'s star; a refused star is put back with a notice', async () => {
    const { state, world, reading, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().toggleStar();
    expect(markOf(state(), 'starred', ids[0]!)).toBe(true);
    expect(rowAt(state().listPages, 0)!.starred, 'the held row is as main sent it').toBeUndefined();
    expect(shownRow(state(), 0)).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.starred.has(ids[0]!)).toBe(true);

    // Rows asked for since (a topic holding it first) come starred from main.
    state().selectFilter(topicFilter('Evens'));
    await vi.advanceTimersByTimeAsync(0);
    expect(world.rows.at(-1)).toMatchObject({ filter: topicFilter('Evens'), start: 0 });
    expect(rowAt(state().listPages, 0)).toMatchObject({ id: ids[0], starred: true });
    state().selectFilter(null);
    await vi.advanceTimersByTimeAsync(0);

    reading.failStars = true;
    state().toggleStar(ids[0]);
    expect(markOf(state(), 'starred', ids[0]!)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(markOf(state(), 'starred', ids[0]!)).toBe(true);
    expect(shownRow(state(), 0)).toEqual([false, true]);
    expect(state().notice).toBe('Ponder: could not save the star: the disk is full. Try again.');
  });

  it('marks every story of the topic on show as read, and Undo unmarks exactly those', async () => {
    const { state, world, snapshot } = setup();
    state().setSnapshot(snapshot());
    state().selectFilter(topicFilter('Tens'));
    await vi.advanceTimersByTimeAsync(0);
    await state().markRead([ids[10]!], true);
    await state().markViewRead();
    expect(world.marks.at(-1)).toEqual({ generation: 1, filter: 'topic:Tens', read: true });
    expect(state().toast?.message).toBe('Marked 9 stories as read.');
    expect(state().toast?.actionLabel).toBe('Undo');
    expect(topics[1]!.ids.every((id) => markOf(state(), 'read', id))).toBe(true);
    expect(Array.from({ length: 10 }, (_, n) => shownRow(state(), n)[0])).toEqual(Array(10).fill(true));

    state().runToastAction();
    expect(state().toast).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.read.has(ids[10]!), 'read before: stays read').toBe(true);
    expect(world.read.has(ids[20]!)).toBe(false);
    expect(markOf(state(), 'read', ids[20]!)).toBe(false);
    expect(markOf(state(), 'read', ids[10]!)).toBe(true);
    state().runToastAction(); // nothing left to undo: does nothing
    expect(world.marks).toHaveLength(3);
  });

  it('walks to the next unanswered question with the cursor in its note, and says kindly when none is left', async () => {
    const { state, world, reading, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    world.noted.add(ids[1]!);
    await state().nextUnanswered();
    expect(reading.next.at(-1)).toEqual({ generation: 1, filter: null, after: ids[0] });
    expect(state().selectedStoryId).toBe(ids[2]);
    expect(state().focusRequest).toMatchObject({ target: 'editor', id: ids[2] });

    for (const id of ids) world.noted.add(id);
    await state().nextUnanswered();
    expect(state().selectedStoryId).toBe(ids[2]);
    expect(state().toast?.message).toMatch(/^Every question has an answer/);
  });

  it('[ and ] step through the topics in the pane’s order, stopping at the ends', async () => {
    const { state, snapshot } = setup();
    state().setSnapshot(snapshot());
    state().stepTopic(1);
    expect(state().selectedFilter).toBe(topicFilter('Evens'));
    state().stepTopic(1);
    state().stepTopic(1);
    expect(state().selectedFilter).toBe(topicFilter('Tens'));
    state().stepTopic(-1);
    expect(state().selectedFilter).toBe(topicFilter('Evens'));
    state().selectFilter(null);
    state().stepTopic(-1);
    expect(state().selectedFilter).toBe(topicFilter('Tens'));
  });
});
