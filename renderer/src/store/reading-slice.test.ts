// The reading slice against a fake main (testing/fake-main.ts) with reading state added:
// read and starred sets changed at once and sent on (a failure puts them back and says so),
// mark all in view with Undo, the next unanswered question, and [ / ] through the topics.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NextUnansweredRequest, ReadingMarkRequest } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { topicFilter } from './filter-key';
import { fakeMain, fakeStories } from './testing/fake-main';

const stories = fakeStories(100);
const ids = stories.map((story) => story.id);
const topics = [
  { name: 'Evens', ids: ids.filter((_, n) => n % 2 === 0) },
  { name: 'Tens', ids: ids.filter((_, n) => n % 10 === 0) },
];

function setup() {
  const main = fakeMain(stories, topics);
  const reading = { read: new Set<string>([ids[1]!]), starred: new Set<string>(), marks: [] as ReadingMarkRequest[], failStars: false, next: [] as NextUnansweredRequest[] };
  Object.assign(main.api, {
    readingState: async () => ({ read: [...reading.read], starred: [...reading.starred] }),
    markRead: async (request: ReadingMarkRequest) => {
      reading.marks.push(request);
      const named = 'ids' in request ? request.ids : request.filter === null ? ids : topics.find((topic) => `topic:${topic.name}` === request.filter)!.ids;
      const changed = named.filter((id) => reading.read.has(id) !== request.read);
      for (const id of changed) {
        if (request.read) reading.read.add(id);
        else reading.read.delete(id);
      }
      return { changed };
    },
    starStory: async ({ id, starred }: { id: string; starred: boolean }) => {
      if (reading.failStars) throw new Error('Ponder: the disk is full.');
      if (starred) reading.starred.add(id);
      else reading.starred.delete(id);
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

describe('the reading slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the marks, toggles read with m and keeps an "unread" the reader chose on the open story', async () => {
    const { state, reading, snapshot } = setup();
    state().setSnapshot(snapshot());
    await state().loadReading();
    await vi.advanceTimersByTimeAsync(0);
    expect([...state().readIds]).toEqual([ids[1]]);
    expect(state().selectedStoryId).toBe(ids[0]);

    state().toggleRead();
    expect(state().readIds.has(ids[0]!)).toBe(true); // at once, before main answers
    await vi.advanceTimersByTimeAsync(0);
    expect(reading.read.has(ids[0]!)).toBe(true);
    state().toggleRead();
    expect(state().readIds.has(ids[0]!)).toBe(false);
    expect(state().keptUnreadId).toBe(ids[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(reading.marks.at(-1)).toEqual({ ids: [ids[0]], read: false });
  });

  it('stars at once, and puts the star back with a notice when main cannot save it', async () => {
    const { state, reading, snapshot } = setup();
    state().setSnapshot(snapshot());
    await vi.advanceTimersByTimeAsync(0);
    state().toggleStar();
    expect(state().starredIds.has(ids[0]!)).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(reading.starred.has(ids[0]!)).toBe(true);

    reading.failStars = true;
    state().toggleStar();
    expect(state().starredIds.has(ids[0]!)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().starredIds.has(ids[0]!)).toBe(true);
    expect(state().notice).toBe('Ponder: could not save the star: the disk is full. Try again.');
  });

  it('marks every story of the topic on show as read, and Undo unmarks exactly those', async () => {
    const { state, reading, snapshot } = setup();
    state().setSnapshot(snapshot());
    state().selectFilter(topicFilter('Tens'));
    await vi.advanceTimersByTimeAsync(0);
    await state().markRead([ids[10]!], true);
    await state().markViewRead();
    expect(reading.marks.at(-1)).toEqual({ generation: 1, filter: 'topic:Tens', read: true });
    expect(state().toast?.message).toBe('Marked 9 stories as read.');
    expect(state().toast?.actionLabel).toBe('Undo');
    expect(topics[1]!.ids.every((id) => state().readIds.has(id))).toBe(true);

    state().runToastAction();
    expect(state().toast).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(reading.read.has(ids[10]!), 'read before: stays read').toBe(true);
    expect(reading.read.has(ids[20]!)).toBe(false);
    expect(state().readIds.has(ids[20]!)).toBe(false);
    state().runToastAction(); // nothing left to undo: does nothing
    expect(reading.marks).toHaveLength(3);
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
