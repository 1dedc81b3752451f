// The one rate rule of Ponder's limits (request-limits.ts for channels, save-rate.ts per note):
// `burst` calls at once, then `perSecond` a second as the bucket refills.

export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#at = now;
  }

  /** Take one call at time `now`; false (and nothing taken) when the bucket is empty. */
  take(now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + (Math.max(0, now - this.#at) / 1000) * this.perSecond);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** At most one call below full: as good as a new bucket. */
  get nearlyFull(): boolean {
    return this.#tokens >= this.burst - 1;
  }
}
