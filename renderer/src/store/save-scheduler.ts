// When notes are written: a short quiet time after the last keystroke (but never
// more than a bounded wait while typing goes on), retries
// of a failed save with a growing pause, one write per note at a time, and the
// brief "Updated from disk" notice. Timers only; what a save does is the
// slice's (notes-slice.ts).

import type { NoteLoad } from '../../../electron/shared/ipc-contract';

/** Quiet time after the last keystroke before a note is written. */
export const SAVE_DEBOUNCE_MS = 250;
/**
 * Longest a keystroke waits for its save while typing goes on without a pause: the quiet
 * time alone would restart on every key and save nothing until the typing stops.
 */
export const SAVE_MAX_WAIT_MS = 800;
/** Waits before retrying a failed save: quickly at first, then every 30 s until it works. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;
/** How long "Updated from disk" stays under the editor. */
export const UPDATED_NOTICE_MS = 3_000;

type Timer = ReturnType<typeof setTimeout>;

export class SaveScheduler {
  readonly #debounced = new Map<string, Timer>();
  /** Started by the first keystroke not yet in a save; not restarted by later ones. */
  readonly #maxWaits = new Map<string, Timer>();
  readonly #retries = new Map<string, Timer>();
  readonly #attempts = new Map<string, number>();
  readonly #notices = new Map<string, Timer>();
  readonly #writing = new Map<string, Promise<void>>();
  /**
   * Disk changes reported while a write was on its way: applied once it has settled, so the
   * echo of our own write is recognised by its revision rather than taken for a conflict.
   */
  readonly #deferred = new Map<string, NoteLoad>();

  /** @param save Saves one note now (the slice's `saveNote`). */
  constructor(private readonly save: (id: string) => void) {}

  /** Save `id` once the typing pauses (each call restarts that wait), or `SAVE_MAX_WAIT_MS` after the first call, whichever is first. */
  debounce(id: string): void {
    clearTimeout(this.#debounced.get(id));
    const fire = () => {
      this.cancelDebounce(id);
      this.save(id);
    };
    this.#debounced.set(id, setTimeout(fire, SAVE_DEBOUNCE_MS));
    if (!this.#maxWaits.has(id)) this.#maxWaits.set(id, setTimeout(fire, SAVE_MAX_WAIT_MS));
  }

  /** Drop the pending save of `id` (its caller saves now); the next keystroke starts both waits afresh. */
  cancelDebounce(id: string): void {
    clearTimeout(this.#debounced.get(id));
    this.#debounced.delete(id);
    clearTimeout(this.#maxWaits.get(id));
    this.#maxWaits.delete(id);
  }

  /** A save of `id` is waiting for the typing to pause. */
  isDebounced(id: string): boolean {
    return this.#debounced.has(id);
  }

  /** Save `id` again after a pause that grows with each failure in a row. */
  retryLater(id: string): void {
    this.cancelRetry(id);
    const attempt = this.#attempts.get(id) ?? 0;
    this.#attempts.set(id, attempt + 1);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    this.#retries.set(
      id,
      setTimeout(() => {
        this.#retries.delete(id);
        this.save(id);
      }, delay),
    );
  }

  /** Drop a pending retry; `forget` also restarts the pauses from the shortest (the save worked, or is moot). */
  cancelRetry(id: string, forget = false): void {
    clearTimeout(this.#retries.get(id));
    this.#retries.delete(id);
    if (forget) this.#attempts.delete(id);
  }

  /** Nothing pending for `id` any more: its text came from disk. */
  cancelAll(id: string): void {
    this.cancelDebounce(id);
    this.cancelRetry(id, true);
  }

  /** Call `expire` after the "Updated from disk" notice has been shown long enough. */
  expireNotice(id: string, expire: () => void): void {
    clearTimeout(this.#notices.get(id));
    this.#notices.set(
      id,
      setTimeout(() => {
        this.#notices.delete(id);
        expire();
      }, UPDATED_NOTICE_MS),
    );
  }

  /** Run `write` as the one write of `id` in flight; resolves when it has settled. */
  async write(id: string, write: () => Promise<void>): Promise<void> {
    const writing = write().finally(() => this.#writing.delete(id));
    this.#writing.set(id, writing);
    await writing;
  }

  /** Resolves once no write of `id` is in flight (whoever waited then writes the newest text). */
  async idle(id: string): Promise<void> {
    for (let running = this.#writing.get(id); running; running = this.#writing.get(id)) await running;
  }

  isWriting(id: string): boolean {
    return this.#writing.has(id);
  }

  /** Keep a disk change for after the write in flight (the newest one wins). */
  defer(id: string, load: NoteLoad): void {
    this.#deferred.set(id, load);
  }

  /** The disk change kept while writing, once no write of `id` is in flight any more. */
  takeDeferred(id: string): NoteLoad | undefined {
    const load = this.#deferred.get(id);
    if (load === undefined || this.isWriting(id)) return undefined;
    this.#deferred.delete(id);
    return load;
  }
}
