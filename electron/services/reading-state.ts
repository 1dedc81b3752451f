// Which stories the reader has read and starred: two id sets, kept in DATA/state.json
// (`reading`, app-state.ts). Marks arrive one keystroke at a time, so writes are
// debounced: the sets change in memory at once (answers are always current) and
// state.json is written, atomically, once the marks settle — and on close, which
// flushes. Main answers filters and counts from these sets, and each row or story it
// answers carries its own marks (`withMarks`): the sets never cross to the renderer
// (100k read ids would be ~1.9 MB at every start). No Electron import: the e2e host runs this too.

import type { AppStateStore } from '../core/data/app-state';
import type { StoryListItem } from '../shared/ipc-contract';
import { MAX_READING_IDS } from '../shared/loop-view';

export interface ReadingStateOptions {
  /** Quiet time before the sets are written (default 500 ms). */
  saveDelayMs?: number;
  /** Called when a write fails (the sets stay in memory and are written next time). */
  onError?: (error: unknown) => void;
}

export class ReadingState {
  private read = new Set<string>();
  private starred = new Set<string>();
  private loaded: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The write in progress, so a flush waits for it. */
  private writing: Promise<void> = Promise.resolve();
  private readonly delay: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly state: AppStateStore,
    options: ReadingStateOptions = {},
  ) {
    this.delay = options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS;
    this.onError = options.onError ?? ((error) => console.error('Ponder: could not save which stories are read:', error));
  }

  /** `row` (a list row or a whole story) with its read and starred marks as they are now. */
  async withMarks<T extends StoryListItem>(row: T): Promise<T> {
    await this.load();
    return withMarks(row, this.read, this.starred);
  }

  async readIds(): Promise<ReadonlySet<string>> {
    await this.load();
    return this.read;
  }

  async starredIds(): Promise<ReadonlySet<string>> {
    await this.load();
    return this.starred;
  }

  /** Marks `ids` read (or unread); answers the ids whose mark changed, so the caller can undo exactly those. */
  async mark(ids: readonly string[], read: boolean): Promise<string[]> {
    await this.load();
    const changed = ids.filter((id) => this.read.has(id) !== read);
    for (const id of changed) setMember(this.read, id, read);
    if (changed.length > 0) this.schedule();
    return [...new Set(changed)];
  }

  /** Stars or unstars one story. */
  async star(id: string, starred: boolean): Promise<void> {
    await this.load();
    if (this.starred.has(id) === starred) return;
    setMember(this.starred, id, starred);
    this.schedule();
  }

  /** Writes pending marks now (on close), and waits for any write in progress. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.write();
    }
    await this.writing;
  }

  private load(): Promise<void> {
    this.loaded ??= this.state.load().then((state) => {
      this.read = new Set(state.reading?.read ?? []);
      this.starred = new Set(state.reading?.starred ?? []);
    });
    return this.loaded;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delay);
  }

  private write(): void {
    const reading = { read: newest(this.read), starred: newest(this.starred) };
    // AppStateStore serialises its updates: this write lands after any earlier one.
    this.writing = this.state.update({ reading }).then(() => undefined, this.onError);
  }
}

const DEFAULT_SAVE_DELAY_MS = 500;

/** A Set keeps insertion order: re-adding moves an id to the end, so the oldest marks are the first dropped. */
function setMember(set: Set<string>, id: string, member: boolean): void {
  set.delete(id);
  if (member) set.add(id);
}

function newest(set: ReadonlySet<string>): string[] {
  const ids = [...set];
  return ids.length > MAX_READING_IDS ? ids.slice(ids.length - MAX_READING_IDS) : ids;
}

/**
 * `row` carrying its marks: `read: true`, `starred: true`, absent when false (rows stay small).
 * A new object when it has any, so the rows main keeps for the library never carry marks, which
 * change far more often than they do.
 */
export function withMarks<T extends StoryListItem>(row: T, read: ReadonlySet<string>, starred: ReadonlySet<string>): T {
  const isRead = read.has(row.id);
  const isStarred = starred.has(row.id);
  if (!isRead && !isStarred) return row;
  return { ...row, ...(isRead && { read: true }), ...(isStarred && { starred: true }) };
}

/**
 * The first story after `after` in `ids` (library or view order) without a note, wrapping
 * round to the start; null when every story has one. `after` null or unknown: from the top.
 */
export function nextUnanswered(ids: readonly string[], noted: ReadonlySet<string>, after: string | null): string | null {
  const start = after === null ? 0 : ids.indexOf(after) + 1;
  for (let step = 0; step < ids.length; step += 1) {
    const id = ids[(start + step) % ids.length]!;
    if (id !== after && !noted.has(id)) return id;
  }
  return null;
}
