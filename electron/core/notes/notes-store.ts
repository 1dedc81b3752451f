// The reader's notes, one file per story in DATA/notes/<id>.md (FORMATS.md §2),
// with their earlier versions in DATA/history/<id>/ (note-history.ts).
// Notes are the only thing Ponder writes that the user cannot get back, so:
// - every write is atomic and durable (atomic-write.ts), and operations on one
//   note run one after another;
// - a text is never replaced without being kept: the previous text goes to
//   history, a file Ponder cannot parse is copied aside as
//   `<id>.corrupt-<time>.md` first, and a save based on a revision that is no
//   longer on disk is refused as a conflict (its text kept in history);
// - when the file changed behind Ponder's back (another editor, a sync tool),
//   the text Ponder last had is kept in history as 'external'.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyAside, describeFsError, nodeWriteFs, writeFileAtomic } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { NoteHistory } from './note-history';
import type { KeepOptions } from './note-history';
import { isStoryId, parseNote, salvageNoteText, serializeNote } from './note-format';
import type { ExtraFrontMatter } from './note-format';
import type { NoteLoad, NoteVersion, NoteVersionReason, NoteView, SaveNoteResult } from '../types';
import type { Note, UnreadableNote } from '../types';

/** What `save` needs; the store adds the times. */
export interface SaveNoteInput {
  id: string;
  /** The note's Markdown. An empty text is saved too: the reader cleared the note. */
  text: string;
  /** The story's question. Empty: keep the one already in the file (an orphan's note). */
  question: string;
  /** The story's digest file. Empty: keep the one already in the file. */
  source: string;
  /**
   * The revision the text was edited from (null: there was no file). When the
   * file holds another text now, the save is a conflict and changes nothing.
   * Undefined: save whatever is on disk (its text still goes to history).
   */
  baseRevision?: string | null;
}

export interface NotesStoreOptions {
  /** The file system writes go through. Default: the real one; tests inject failures. */
  fs?: WriteFs;
}

/** What `importNote` did with one note. */
export type ImportOutcome = 'added' | 'updated' | 'unchanged';

export class NotesStore {
  /** `DATA/notes`, absolute. */
  readonly notesDir: string;
  /** `DATA/history`, absolute. */
  readonly historyDir: string;
  readonly #fs: WriteFs;
  readonly #history: NoteHistory;
  /** Per-id tail of pending operations; a key is removed once its queue drains. */
  readonly #queues = new Map<string, Promise<void>>();
  /** Per id, the file as this store last read or wrote it. */
  readonly #known = new Map<string, Known>();

  constructor(dataDir: string, options: NotesStoreOptions = {}) {
    const root = path.resolve(dataDir);
    this.notesDir = path.join(root, 'notes');
    this.historyDir = path.join(root, 'history');
    this.#fs = options.fs ?? nodeWriteFs;
    this.#history = new NoteHistory(this.historyDir, this.#fs);
  }

  /** Path of the note file for `id` (whether or not it exists). */
  fileFor(id: string): string {
    assertId(id);
    return path.join(this.notesDir, `${id}.md`);
  }

  /**
   * The note for `id` as it is on disk, after pending operations on it. Fails
   * only on an invalid id. When another program changed or removed the file
   * since this store last read or wrote it, the text the store had then is
   * first kept in history (reason 'external').
   */
  async load(id: string): Promise<NoteLoad> {
    assertId(id);
    return this.#serial(id, async () => {
      const loaded = await this.#read(id);
      try {
        await this.#noticeExternal(id, loaded);
      } catch {
        // Could not keep our older text: leave `#known` as it was, so the next load or save tries again.
        return toNoteLoad(loaded);
      }
      // Reading back our own write (the watcher does after each save) must not end a burst of typing.
      if (this.#known.get(id)?.revision !== loaded.revision) this.#known.set(id, knownFrom(loaded));
      return toNoteLoad(loaded);
    });
  }

  /**
   * Write the note for `input.id`, keeping `created` (and unknown front-matter
   * keys) from the existing file and setting `updated` to now; the replaced
   * text goes to history. Resolves once the file is on disk (fsynced, renamed,
   * folder fsynced). Answers `conflict`, and writes nothing but a history
   * version holding `input.text`, when `baseRevision` is given and the file
   * now holds another text. (A file removed since is no conflict: there is
   * nothing on disk to lose, so the note is written again.) Rejects with a
   * "Ponder: " message naming the problem when the disk refuses; then the
   * note file is as it was.
   */
  async save(input: SaveNoteInput): Promise<SaveNoteResult> {
    if (typeof input !== 'object' || input === null) throw new Error('Ponder: a note to save must be an object.');
    assertId(input.id);
    for (const key of ['text', 'question', 'source'] as const) {
      if (typeof input[key] !== 'string') throw new Error(`Ponder: a note's ${key} must be text.`);
    }
    const base = input.baseRevision;
    if (base !== undefined && base !== null && typeof base !== 'string') {
      throw new Error("Ponder: a note's base revision must be text or null.");
    }
    return this.#serial(input.id, async () => {
      const loaded = await this.#read(input.id);
      await this.#noticeExternal(input.id, loaded);
      const disk = loaded.kind === 'note' ? loaded.note : undefined;
      const now = new Date().toISOString();
      const next: Note = {
        id: input.id,
        question: input.question || disk?.question || '',
        source: input.source || disk?.source || '',
        created: disk?.created ?? now,
        updated: now,
        text: input.text,
      };
      if (this.#isConflict(input, loaded)) {
        await this.#keep(next, 'conflict');
        this.#known.set(input.id, knownFrom(loaded));
        return { status: 'conflict', disk: toNoteLoad(loaded) };
      }
      return { status: 'saved', note: await this.#replace(loaded, next) };
    });
  }

  /** Earlier versions of the note, newest first. */
  async history(id: string): Promise<NoteVersion[]> {
    assertId(id);
    return this.#history.list(id);
  }

  /**
   * Make `version` (from `history`) the note's text again. The current text
   * goes to history first (reason 'restore'), so restoring is itself undoable.
   */
  async restore(id: string, version: string): Promise<SaveNoteResult> {
    assertId(id);
    return this.#serial(id, async () => {
      const kept = typeof version === 'string' ? await this.#history.read(id, version) : undefined;
      if (!kept) throw new Error(`Ponder: the note for story ${id} has no earlier version ${String(version)}.`);
      const loaded = await this.#read(id);
      await this.#noticeExternal(id, loaded);
      const disk = loaded.kind === 'note' ? loaded.note : undefined;
      const next: Note = {
        id,
        question: disk?.question || kept.note.question,
        source: disk?.source || kept.note.source,
        created: disk?.created ?? kept.note.created,
        updated: new Date().toISOString(),
        text: kept.note.text,
      };
      return { status: 'saved', note: await this.#replace(loaded, next, 'restore') };
    });
  }

  /**
   * Merge a note from an export or another data folder, times and all. No
   * note yet: it is written as it is. Same text: nothing to do. Other text:
   * the one with the later `updated` becomes the note and the other is kept
   * in history (reason 'import'); a text already in history counts as
   * unchanged, so importing twice changes nothing.
   */
  async importNote(incoming: Note): Promise<ImportOutcome> {
    assertId(incoming.id);
    const { id, question, source, created, updated, text } = incoming;
    const note: Note = { id, question, source, created, updated, text };
    return this.#serial(id, async () => {
      const loaded = await this.#read(note.id);
      await this.#noticeExternal(note.id, loaded);
      if (loaded.kind !== 'note') {
        await this.#replace(loaded, note, 'import');
        return loaded.kind === 'missing' ? 'added' : 'updated';
      }
      const disk = loaded.note;
      if (disk.text === note.text) return 'unchanged';
      if (Date.parse(note.updated) > Date.parse(disk.updated)) {
        const created = Date.parse(disk.created) < Date.parse(note.created) ? disk.created : note.created;
        const next = { ...note, question: note.question || disk.question, source: note.source || disk.source, created };
        await this.#replace(loaded, next, 'import');
        return 'updated';
      }
      if ((await this.#history.texts(note.id)).has(note.text)) return 'unchanged';
      await this.#keep(note, 'import');
      return 'updated';
    });
  }

  /**
   * Every note in the folder, most recently updated first, and the `.md` files
   * that could not be read. Skips other files, hidden files (our temp files)
   * and the copies kept aside (`*.corrupt-*`, and `*.conflict-*` from older
   * versions of Ponder).
   */
  async list(): Promise<{ notes: NoteView[]; unreadable: UnreadableNote[] }> {
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
    const notes: NoteView[] = [];
    const unreadable: UnreadableNote[] = [];
    await forEachLimited(candidates, LIST_CONCURRENCY, async (name) => {
      const file = path.join(this.notesDir, name);
      if (!STORY_FILE.test(name)) {
        unreadable.push({ file, reason: 'The file name is not a story id (16 lowercase hex digits and .md).' });
        return;
      }
      const loaded = await readNoteFile(file);
      if (loaded.kind === 'note') notes.push({ ...loaded.note, revision: loaded.revision });
      else if (loaded.kind === 'unreadable') unreadable.push({ file, reason: loaded.reason });
      // 'missing': deleted while we listed; nothing to report.
    });
    notes.sort((a, b) => compare(b.updated, a.updated) || compare(a.id, b.id));
    unreadable.sort((a, b) => compare(a.file, b.file));
    return { notes, unreadable };
  }

  /** Resolves once every operation started so far has finished (for quitting). */
  async flush(): Promise<void> {
    await Promise.all([...this.#queues.values()]);
  }

  #read(id: string): Promise<Loaded> {
    return readNoteFile(this.fileFor(id));
  }

  /**
   * Replace the note file by `next`, first keeping what it replaces: a damaged
   * file's bytes beside it, a readable note's text in history (`reason`, or
   * 'edit' / 'external' by who wrote the file).
   */
  async #replace(loaded: Loaded, next: Note, reason?: NoteVersionReason): Promise<NoteView> {
    const { id } = next;
    const file = this.fileFor(id);
    let extra: ExtraFrontMatter = {};
    if (loaded.kind === 'unreadable') {
      if (!loaded.bytes) {
        // We could not even read the bytes, so we cannot keep a copy: refuse rather than destroy.
        throw new Error(`Ponder: could not save the note for story ${id}. ${file}: ${loaded.reason}`);
      }
      await keepAside(id, file, loaded.bytes, this.#fs);
    } else if (loaded.kind === 'note') {
      extra = loaded.extra;
      if (loaded.note.text !== next.text) {
        const known = this.#known.get(id);
        const ours = known?.revision === loaded.revision;
        const auto = known && !ours ? 'external' : 'edit';
        await this.#keep(loaded.note, reason ?? auto, { coalesce: ours && known?.ours === true });
      }
    }
    const content = serializeNote(next, extra);
    try {
      await writeFileAtomic(file, content, this.#fs);
    } catch (error) {
      throw new Error(`Ponder: could not save the note for story ${id} to ${file}: ${describeFsError(error)}.`, {
        cause: error,
      });
    }
    const view: NoteView = { ...next, revision: revisionOf(content) };
    this.#known.set(id, { revision: view.revision, note: next, ours: true });
    return view;
  }

  /** A save's base is not what is on disk, and the file holds another text (a removed file is no conflict). */
  #isConflict(input: SaveNoteInput, loaded: Loaded): boolean {
    const base = input.baseRevision;
    if (base === undefined || base === loaded.revision || loaded.kind === 'missing') return false;
    return loaded.kind !== 'note' || loaded.note.text !== input.text;
  }

  /** If the file changed since this store last saw it, keep the text the store had then. */
  async #noticeExternal(id: string, loaded: Loaded): Promise<void> {
    const known = this.#known.get(id);
    if (!known?.note || known.revision === loaded.revision) return;
    if (loaded.kind === 'note' && loaded.note.text === known.note.text) return;
    await this.#keep(known.note, 'external');
  }

  async #keep(note: Note, reason: NoteVersionReason, options?: KeepOptions): Promise<void> {
    try {
      await this.#history.keep(note, reason, options);
    } catch (error) {
      throw new Error(
        `Ponder: could not save the note for story ${note.id}: a version of it could not be kept in ` +
          `${this.#history.dirFor(note.id)}: ${describeFsError(error)}.`,
        { cause: error },
      );
    }
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

/** First 16 hex digits of the SHA-256 of a note file's bytes. */
export function revisionOf(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------

const STORY_FILE = /^[0-9a-f]{16}\.md$/;
const ASIDE_COPY = /\.(corrupt|conflict)-[^.]*\.md$/;
/** Revision of a file whose bytes could not be read at all. */
const UNREADABLE_REVISION = 'unreadable';
/** Files read at once by `list`: enough to hide latency, far below open-file limits. */
const LIST_CONCURRENCY = 16;

interface Known {
  /** null: there was no file. */
  revision: string | null;
  /** The note in that file, when it was one. */
  note?: Note;
  /** This store wrote that revision (rather than read it). */
  ours: boolean;
}

type Loaded =
  | { kind: 'missing'; revision: null }
  | { kind: 'note'; note: Note; extra: ExtraFrontMatter; revision: string }
  /** `bytes` is absent when the file could not be read at all. */
  | { kind: 'unreadable'; file: string; reason: string; recoveredText: string; revision: string; bytes?: Uint8Array };

async function readNoteFile(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  let modified: string | undefined;
  try {
    bytes = await readFile(file);
    modified = (await stat(file)).mtime.toISOString();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing', revision: null };
    const reason = `It could not be read: ${describeFsError(error)}.`;
    return { kind: 'unreadable', file, reason, recoveredText: '', revision: UNREADABLE_REVISION };
  }
  const revision = revisionOf(bytes);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const recoveredText = salvageNoteText(new TextDecoder('utf-8').decode(bytes));
    return { kind: 'unreadable', file, reason: 'It is not UTF-8 text.', recoveredText, revision, bytes };
  }
  const parsed = parseNote(content, file, { fallbackTime: modified });
  if (!parsed.ok) {
    return { kind: 'unreadable', file, reason: parsed.reason, recoveredText: salvageNoteText(content), revision, bytes };
  }
  return { kind: 'note', note: parsed.note, extra: parsed.extra, revision };
}

function toNoteLoad(loaded: Loaded): NoteLoad {
  if (loaded.kind === 'missing') return { state: 'missing' };
  if (loaded.kind === 'note') return { state: 'ok', note: { ...loaded.note, revision: loaded.revision } };
  const { file, reason, recoveredText, revision } = loaded;
  return { state: 'unreadable', file, reason, recoveredText, revision };
}

function knownFrom(loaded: Loaded): Known {
  return { revision: loaded.revision, note: loaded.kind === 'note' ? loaded.note : undefined, ours: false };
}

/** Copy a damaged note file's bytes aside before it is replaced; if that fails, the save fails. */
async function keepAside(id: string, file: string, bytes: Uint8Array, fs: WriteFs): Promise<void> {
  try {
    await copyAside(file, bytes, { label: 'corrupt', fs });
  } catch (error) {
    throw new Error(
      `Ponder: could not save the note for story ${id}: the existing file ${file} is damaged and a copy of it ` +
        `could not be kept (${describeFsError(error)}).`,
      { cause: error },
    );
  }
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
