import { describe, expect, it } from 'vitest';
import { applyTopicsInSlices } from '../../electron/core/library/topic-slices';
import { inSlices, SlicedQueue } from '../../electron/core/time-slices';

describe('main-thread slices', () => {
  it('handles queued items in order across turns, letting a timer run in between', async () => {
    const handled: number[] = [];
    let timerRanBetween = false;
    const queue = new SlicedQueue<number>((n) => {
      const until = performance.now() + 5; // each item costs about 5 ms: a slice holds two or so
      while (performance.now() < until);
      handled.push(n);
    });
    setTimeout(() => (timerRanBetween = handled.length > 0 && handled.length < 20), 0);
    for (let n = 0; n < 20; n++) queue.push(n);
    await queue.drained();
    expect(handled).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(timerRanBetween).toBe(true);
  });

  it('yields between steps once a slice is used up, however few steps there are', async () => {
    let timerRan = -1;
    const done: number[] = [];
    setTimeout(() => (timerRan = done.length), 0);
    await inSlices(6, (i) => {
      const until = performance.now() + 6; // a slice (8 ms) holds two of these
      while (performance.now() < until);
      done.push(i);
    });
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    expect(timerRan).toBeGreaterThan(0);
    expect(timerRan).toBeLessThan(6);
  });

  it('reports an item that failed from drained(), not as an unhandled rejection', async () => {
    const queue = new SlicedQueue<number>((n) => {
      if (n === 1) throw new Error('bad batch');
    });
    queue.push(0);
    queue.push(1);
    await expect(queue.drained()).rejects.toThrow('bad batch');
  });

  it('puts each story in its topics, smallest topic first, and names their stories', async () => {
    const stories = [0, 1, 2, 3].map((n) => ({ id: `s${n}`, topics: n === 3 ? ['Stale'] : [] }));
    const topics = await applyTopicsInSlices(stories, [
      { name: 'Ukraine', stories: Int32Array.from([0, 1, 2]) },
      { name: 'Kyiv', stories: Int32Array.from([1]) },
    ]);
    expect(topics).toEqual([
      { name: 'Ukraine', storyIds: ['s0', 's1', 's2'] },
      { name: 'Kyiv', storyIds: ['s1'] },
    ]);
    expect(stories.map((story) => story.topics)).toEqual([['Ukraine'], ['Kyiv', 'Ukraine'], ['Ukraine'], []]);
  });

  it('yields in the middle of one large topic, not only between topics', async () => {
    // A push that costs about 50 µs: the 1,000 pairs of the one topic take about 50 ms.
    const slowTopics = (): string[] => {
      const list: string[] = [];
      list.push = (...names: string[]) => {
        const until = performance.now() + 0.05;
        while (performance.now() < until);
        return Array.prototype.push.apply(list, names);
      };
      return list;
    };
    const stories = Array.from({ length: 1000 }, (_, n) => ({ id: `s${n}`, topics: slowTopics() }));
    let placedWhenTimerRan = -1;
    setTimeout(() => (placedWhenTimerRan = stories.filter((story) => story.topics.length > 0).length), 0);
    const topics = await applyTopicsInSlices(stories, [{ name: 'Everything', stories: Int32Array.from(stories.keys()) }]);
    expect(topics[0]!.storyIds).toHaveLength(1000);
    expect(stories.every((story) => story.topics.join() === 'Everything')).toBe(true);
    expect(placedWhenTimerRan).toBeGreaterThan(0);
    expect(placedWhenTimerRan).toBeLessThan(1000);
  });
});
