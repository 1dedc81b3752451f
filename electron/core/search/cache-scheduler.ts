// When an engine writes its cache: right after a cold build, and a moment
// after the last of a burst of updates, one write at a time. A write that
// fails is remembered, never thrown: the cache is optional.

import { messageOf } from '../fs/errors';

export class CacheScheduler {
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** Starts the write the timer is waiting for (flush() does not wait for the timer). */
  private pending: (() => void) | null = null;
  private error: string | null = null;

  /** `write` saves the index for a fingerprint; it may throw. */
  constructor(private readonly write: (fingerprint: string) => Promise<void>) {}

  /** Why the last write failed, or null. */
  get lastError(): string | null {
    return this.error;
  }

  /** Write the cache for `fingerprint` after `delay` ms (a newer request replaces a waiting one). */
  schedule(fingerprint: string, delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    const start = (): void => {
      this.timer = null;
      this.pending = null;
      this.saving = this.saving.then(() => this.run(fingerprint));
    };
    this.pending = start;
    if (delay === 0) return start();
    this.timer = setTimeout(start, delay);
    // A waiting write must not keep the process alive; flush() starts it at once.
    this.timer.unref();
  }

  /** Start a waiting write now, and resolve when every write started so far has finished. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.pending?.();
    }
    await this.saving;
  }

  private async run(fingerprint: string): Promise<void> {
    try {
      await this.write(fingerprint);
      this.error = null;
    } catch (error) {
      this.error = `Ponder: the search index could not be cached: ${messageOf(error)}`;
    }
  }
}
