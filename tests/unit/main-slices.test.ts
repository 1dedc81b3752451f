import { describe, expect, it } from 'vitest';
import { libraryFingerprint, libraryFingerprintInSlices } from '../../electron/core/library/library-fingerprint';
import { applyTopicsInSlices, inSlices, SlicedQueue } from '../../electron/core/library/main-slices';

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

  it('fingerprints a library in slices exactly as in one go (the CLI shares the index cache)', async () => {
    const files = new Map([['a.md', { size: 10, mtimeMs: 1 }], ['b.md', { size: 20, mtimeMs: 2 }]]);
    const stories = Array.from({ length: 9000 }, (_, n) => ({ id: `id${n}` }));
    const sliced = await libraryFingerprintInSlices(files, stories);
    expect(sliced).toBe(libraryFingerprint(files, stories));
    expect(sliced).not.toBe(libraryFingerprint(files, stories.slice(1)));
  });
});
