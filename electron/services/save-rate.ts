// Saves per note are rate-limited in main (issues 8 and 9): a renderer gone
// wrong (or compromised) cannot flood a note's history with versions. A token
// bucket per note: a burst of `burst` saves, then `perSecond` a second. The
// editor saves at most about once a second per note, far below the limit; a
// refused save is answered with an error the renderer retries a little later.

import { TokenBucket } from './token-bucket';

export interface SaveRateOptions {
  /** Saves allowed at once. Default 10. */
  burst?: number;
  /** Saves allowed per second after the burst. Default 3. */
  perSecond?: number;
  /** Default: `Date.now`. */
  now?: () => number;
}

export class SaveRate {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: SaveRateOptions = {}) {
    this.#burst = options.burst ?? 10;
    this.#perSecond = options.perSecond ?? 3;
    this.#now = options.now ?? Date.now;
  }

  /** Take one save for `id`; throws a "Ponder: " error when the note is saved too often. */
  take(id: string): void {
    const now = this.#now();
    const bucket = this.#buckets.get(id) ?? new TokenBucket(this.#burst, this.#perSecond, now);
    if (!bucket.take(now)) {
      this.#buckets.set(id, bucket);
      throw new Error(`${TOO_MANY_SAVES} of the note for story ${id} in a short time; it is kept in the editor and saved again in a moment.`);
    }
    // A full bucket is the default: forget it, so the map stays as small as the notes being written.
    if (bucket.nearlyFull && this.#buckets.size > 1_000) this.#buckets.delete(id);
    else this.#buckets.set(id, bucket);
  }
}

/** The start of the error a refused save answers with. */
export const TOO_MANY_SAVES = 'Ponder: too many saves';
