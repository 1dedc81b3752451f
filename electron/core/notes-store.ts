// The reader's notes, one file per story in DATA/notes/<id>.md (FORMATS.md §2).
// Notes are the only thing Ponder writes that the user cannot get back, so:
// every write is atomic, saves of one note run one after another, and a file
// Ponder cannot parse, or one another program changed since Ponder last read
// it, is copied aside before it is replaced.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyAside, describeFsError, writeFileAtomic } from './atomic-write';
import { isStoryId, parseNote, serializeNote } from './note-format';
import type { ExtraFrontMatter } from './note-format';
import type { Note, UnreadableNote } from './types';

/** What `save` needs; the store adds the times. */
export interface SaveNoteInput {
  id: string;
  /** The note's Markdown. An empty text is saved too: the reader cleared the note. */
  text: string;
  /** The story's question. Empty: keep the one already in the file (an orphan's note). */
  question: string;
  /** The story's digest file. Empty: keep the one already in the file. */
  source: string;
}

/** Thrown by `read` when the note file exists but cannot be read as a note. */
export class UnreadableNoteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Ponder: the note file ${file} cannot be read. ${reason} Ponder will not change it; fix or move it.`);
    this.name = 'UnreadableNoteError';
  }
}

export class NotesStore {
  /** `DATA/notes`, absolute. */
  readonly notesDir: string;
  /** Per-id tail of pending operations; a key is removed once its queue drains. */
  readonly #queues = new Map<string, Promise<void>>();
  /** Per id, a hash of the file as Ponder last read or wrote it (MISSING: there was none). */
  readonly #seen = new Map<string, string>();

  constructor(dataDir: string) {
    this.notesDir = path.join(path.resolve(dataDir), 'notes');
  }

  /** Path of the note file for `id` (whether or not it exists). */
  fileFor(id: string): string {
    assertId(id);
    return path.join(this.notesDir, `${id}.md`);
  }

  /**
   * The note for `id`, or null when there is none. Waits for pending saves of
   * that id. Throws `UnreadableNoteError` (a message to show) when the file
   * exists but is not a readable note: a typed result would only be turned
   * into the same message by every caller.
   */
  async read(id: string): Promise<Note | null> {
    const file = this.fileFor(id);
    return this.#serial(id, async () => {
      const loaded = await loadNote(file);
      this.#seen.set(id, loaded.kind === 'missing' ? MISSING : hash(loaded.bytes ?? new Uint8Array()));
      if (loaded.kind === 'missing') return null;
      if (loaded.kind === 'unreadable') throw new UnreadableNoteError(file, loaded.reason);
      return loaded.note;
    });
  }

  /**
   * Write the note for `input.id`, keeping `created` (and unknown front-matter
   * keys) from the existing file and setting `updated` to now. Saves of one id
   * are applied in call order, never interleaved. An existing file that is not
   * a readable note is first copied to `<id>.corrupt-<time>.md`; one that
   * another program created or changed since this store last read or wrote
   * it, to `<id>.conflict-<time>.md`, so that neither edit is lost.
   */
  async save(input: SaveNoteInput): Promise<Note> {
    if (typeof input !== 'object' || input === null) throw new Error('Ponder: a note to save must be an object.');
    const file = this.fileFor(input.id);
    for (const key of ['text', 'question', 'source'] as const) {
      if (typeof input[key] !== 'string') throw new Error(`Ponder: a note's ${key} must be text.`);
    }
    return this.#serial(input.id, async () => {
      const loaded = await loadNote(file);
      let previous: Note | undefined;
      let extra: ExtraFrontMatter = {};
      if (loaded.kind === 'note') {
        previous = loaded.note;
        extra = loaded.extra;
        const seen = this.#seen.get(input.id);
        if (seen !== undefined && seen !== hash(loaded.bytes)) {
          const what = 'was changed by another program and a copy of that version';
          await keepAside(input.id, file, loaded.bytes, 'conflict', what);
        }
      } else if (loaded.kind === 'unreadable') {
        if (!loaded.bytes) {
          // We could not even read the bytes, so we cannot keep a copy: refuse rather than destroy.
          throw new Error(`Ponder: could not save the note for story ${input.id}. ${file}: ${loaded.reason}`);
        }
        await keepAside(input.id, file, loaded.bytes, 'corrupt', 'is damaged and a copy of it');
      }
      const now = new Date().toISOString();
      const note: Note = {
        id: input.id,
        question: input.question || previous?.question || '',
        source: input.source || previous?.source || '',
        created: previous?.created ?? now,
        updated: now,
        text: input.text,
      };
      const content = serializeNote(note, extra);
      try {
        await writeFileAtomic(file, content);
        this.#seen.set(input.id, hash(content));
      } catch (error) {
        throw new Error(`Ponder: could not save the note for story ${input.id} to ${file}: ${describeFsError(error)}.`, {
          cause: error,
        });
      }
      return note;
    });
  }

  /**
   * Every note in the folder, most recently updated first, and the `.md` files
   * that could not be read. Skips other files, hidden files (our temp files)
   * and the `*.corrupt-*` and `*.conflict-*` copies.
   */
  async list(): Promise<{ notes: Note[]; unreadable: UnreadableNote[] }> {
    let names: string[];
    try {
      names = await readdir(this.notesDir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { notes: [], unreadable: [] };
      throw new Error(`Ponder: could not list the notes in ${this.notesDir}: ${describeFsError(error)}.`, {
        cause: error,
      });
    }
    const candidates = names.filter((name) => name.endsWith('.md') && !name.startsWith('.') && !ASIDE_COPY.test(name));
    const notes: Note[] = [];
    const unreadable: UnreadableNote[] = [];
    await forEachLimited(candidates, LIST_CONCURRENCY, async (name) => {
      const file = path.join(this.notesDir, name);
      if (!STORY_FILE.test(name)) {
        unreadable.push({ file, reason: 'The file name is not a story id (16 lowercase hex digits and .md).' });
        return;
      }
      const loaded = await loadNote(file);
      if (loaded.kind === 'note') notes.push(loaded.note);
      else if (loaded.kind === 'unreadable') unreadable.push({ file, reason: loaded.reason });
      // 'missing': deleted while we listed; nothing to report.
    });
    notes.sort((a, b) => compare(b.updated, a.updated) || compare(a.id, b.id));
    unreadable.sort((a, b) => compare(a.file, b.file));
    return { notes, unreadable };
  }

  /** Resolves once every save and read started so far has finished (for quitting). */
  async flush(): Promise<void> {
    await Promise.all([...this.#queues.values()]);
  }

  /** Run `task` after every earlier task for `key`, whether they succeeded or not. */
  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(noop, noop);
    this.#queues.set(key, tail);
    void tail.then(() => {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    });
    return result;
  }
}

// ---------------------------------------------------------------------------

const STORY_FILE = /^[0-9a-f]{16}\.md$/;
const ASIDE_COPY = /\.(corrupt|conflict)-[^.]*\.md$/;
const MISSING = 'missing';
/** Files read at once by `list`: enough to hide latency, far below open-file limits. */
const LIST_CONCURRENCY = 16;

type Loaded =
  | { kind: 'missing' }
  | { kind: 'note'; note: Note; extra: ExtraFrontMatter; bytes: Uint8Array }
  /** `bytes` is absent when the file could not be read at all. */
  | { kind: 'unreadable'; reason: string; bytes?: Uint8Array };

async function loadNote(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  let modified: string | undefined;
  try {
    bytes = await readFile(file);
    modified = (await stat(file)).mtime.toISOString();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: `It could not be read: ${describeFsError(error)}.` };
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'unreadable', reason: 'It is not UTF-8 text.', bytes };
  }
  const parsed = parseNote(content, file, { fallbackTime: modified });
  if (!parsed.ok) return { kind: 'unreadable', reason: parsed.reason, bytes };
  return { kind: 'note', note: parsed.note, extra: parsed.extra, bytes };
}

/** Copy a note file's bytes aside before it is replaced; if that fails, the save fails. */
async function keepAside(id: string, file: string, bytes: Uint8Array, label: string, what: string): Promise<void> {
  try {
    await copyAside(file, bytes, { label });
  } catch (error) {
    throw new Error(
      `Ponder: could not save the note for story ${id}: the existing file ${file} ${what} ` +
        `could not be kept (${describeFsError(error)}).`,
      { cause: error },
    );
  }
}

function hash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function assertId(id: unknown): asserts id is string {
  if (!isStoryId(id)) throw new Error('Ponder: invalid story id');
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function noop(): void {}
