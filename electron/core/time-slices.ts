// Main-thread work cut into slices of a few milliseconds with the event loop let
// in between, so no IPC waits behind it: a large library (100,000 stories) is never
// handled in one go on the main thread. Used by the library loader, the search
// engine's lifecycle and the reader session alike.

/** Work done between two turns of the event loop, at most (about). */
export const SLICE_MS = 8;

/** Resolves on the next turn of the event loop, after pending I/O and timers. */
export function nextTurn(): Promise<void> {
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

/**
 * Calls `step(i)` for i from 0 to n - 1, a slice at a time. The clock is read every `every`
 * steps (1: after each; more for steps of well under a microsecond, whose clock reads would cost
 * as much as the steps).
 */
export async function inSlices(n: number, step: (i: number) => void, every = 1): Promise<void> {
  let until = performance.now() + SLICE_MS;
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i + 1) % every === 0 && i < n - 1 && performance.now() >= until) {
      await nextTurn();
      until = performance.now() + SLICE_MS;
    }
  }
}
