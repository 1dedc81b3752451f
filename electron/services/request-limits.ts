// Limits on the IPC channels a compromised renderer could abuse to pester the
// user or load the machine (issue 9): native dialogs stack modally over the
// window, a library reload re-reads every digest, and each external link
// starts the system browser. A person never comes near these limits; a page
// looping on `window.ponder` is refused with an error it can show.

import { TokenBucket } from './token-bucket';

export interface LimitOptions {
  /** Calls allowed in a row before the steady rate applies. */
  burst: number;
  /** Calls allowed per second after the burst. */
  perSecond: number;
  /** Calls that may be in flight at once (default: no bound). */
  concurrent?: number;
  /** The error when more than `concurrent` are in flight. */
  busyMessage?: string;
  /** The error when the calls come faster than the rate. */
  floodMessage: string;
  /** Default: `Date.now`. */
  now?: () => number;
}

/** A token bucket with a bound on calls in flight. */
export class RequestLimit {
  readonly #options: LimitOptions;
  readonly #now: () => number;
  readonly #bucket: TokenBucket;
  #inFlight = 0;

  constructor(options: LimitOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#bucket = new TokenBucket(options.burst, options.perSecond, this.#now());
  }

  /** Run `task` if the limit allows it now; otherwise throw the limit's "Ponder: " error without running it. */
  async run<T>(task: () => Promise<T> | T): Promise<T> {
    const { concurrent = Infinity, busyMessage, floodMessage } = this.#options;
    if (this.#inFlight >= concurrent) throw new Error(busyMessage ?? floodMessage);
    if (!this.#bucket.take(this.#now())) throw new Error(floodMessage);
    this.#inFlight += 1;
    try {
      return await task();
    } finally {
      this.#inFlight -= 1;
    }
  }
}

export const DIALOG_BUSY = 'Ponder: a dialog is already open. Finish or cancel it, then try again.';
export const DIALOG_FLOOD = 'Ponder: too many dialogs were asked for in a short time. Wait a few seconds, then try again.';
export const RELOAD_BUSY = 'Ponder: the library is already being reloaded. Wait for it to finish, then try again.';
export const RELOAD_FLOOD = 'Ponder: the library was reloaded too often in a short time. Wait a few seconds, then try again.';
export const OPEN_BUSY = 'Ponder: a library is already being opened. Wait for it to appear, then try again.';
export const OPEN_FLOOD = 'Ponder: libraries were opened too often in a short time. Wait a few seconds, then try again.';
export const LINK_FLOOD = 'Ponder: too many links were opened in a short time. Wait a few seconds, then open the link again.';

/** The limits of one handler table: one dialog at a time across every dialog channel. */
export function createRequestLimits(now?: () => number) {
  return {
    dialogs: new RequestLimit({ burst: 5, perSecond: 0.2, concurrent: 1, busyMessage: DIALOG_BUSY, floodMessage: DIALOG_FLOOD, now }),
    reloads: new RequestLimit({ burst: 3, perSecond: 0.5, concurrent: 1, busyMessage: RELOAD_BUSY, floodMessage: RELOAD_FLOOD, now }),
    // Opening a dropped or recent folder reads a whole library, as a reload does.
    opens: new RequestLimit({ burst: 3, perSecond: 0.5, concurrent: 1, busyMessage: OPEN_BUSY, floodMessage: OPEN_FLOOD, now }),
    links: new RequestLimit({ burst: 3, perSecond: 0.5, floodMessage: LINK_FLOOD, now }),
  };
}
