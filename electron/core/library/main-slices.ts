// Main-thread work on a whole library, cut into slices of a few milliseconds
// with the event loop let in between, so no IPC waits behind it: a large
// library (100,000 stories) is never handled in one go on the main thread.

import type { Topic } from '../types';

/** Work done between two turns of the event loop, at most (about). */
export const SLICE_MS = 8;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Items handled by `handle`, in order, as many per turn of the event loop as fit in SLICE_MS (at least one). */
export class SlicedQueue<T> {
  private readonly items: T[] = [];
  private running: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly handle: (item: T) => void) {}

  push(item: T): void {
    this.items.push(item);
    this.running ??= this.run();
  }

  /** Settles once every item pushed so far is handled (rejects if `handle` threw). */
  async drained(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure !== null) throw this.failure;
  }

  private async run(): Promise<void> {
    try {
      // Not in the caller's turn: a message handler only queues.
      await nextTurn();
      while (this.items.length > 0) {
        const until = performance.now() + SLICE_MS;
        do this.handle(this.items.shift()!);
        while (this.items.length > 0 && performance.now() < until);
        if (this.items.length > 0) await nextTurn();
      }
    } catch (error) {
      this.failure ??= error; // told by drained(), not left unhandled
      this.items.length = 0;
    } finally {
      this.running = null;
    }
  }
}

/** Calls `step(i)` for i from 0 to n - 1, a slice at a time. */
export async function inSlices(n: number, step: (i: number) => void): Promise<void> {
  let until = performance.now() + SLICE_MS;
  for (let i = 0; i < n; i++) {
    step(i);
    if (performance.now() >= until && i < n - 1) {
      await nextTurn();
      until = performance.now() + SLICE_MS;
    }
  }
}

/**
 * Put each story in its topics (`story.topics` most specific — smallest — first, as
 * `applyTopics` does) and name the topics' stories by id; `topics[t].stories` are
 * positions in `stories`.
 */
export async function applyTopicsInSlices(
  stories: readonly { id: string; topics: string[] }[],
  topics: readonly { name: string; stories: ArrayLike<number> }[],
): Promise<Topic[]> {
  await inSlices(stories.length, (i) => {
    if (stories[i]!.topics.length > 0) stories[i]!.topics = [];
  });
  // Largest topics come first: pushing from the last gives each story its smallest topic first.
  await inSlices(topics.length, (k) => {
    const topic = topics[topics.length - 1 - k]!;
    for (let j = 0; j < topic.stories.length; j++) stories[topic.stories[j]!]!.topics.push(topic.name);
  });
  const named: Topic[] = [];
  await inSlices(topics.length, (t) => {
    const positions = topics[t]!.stories;
    const storyIds: string[] = [];
    for (let j = 0; j < positions.length; j++) storyIds.push(stories[positions[j]!]!.id);
    named.push({ name: topics[t]!.name, storyIds });
  });
  return named;
}
