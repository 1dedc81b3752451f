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

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout } from '../data/layout';
import { nodeWriteFs } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { replaceIfUnchanged } from '../fs/replace-if-unchanged';
import { describeFsError, noop } from '../fs/errors';
import { isStoryId } from '../ids';
import { NoteHistory } from './note-history';
import type { KeepOptions } from './note-history';
import { keepAside, readNoteFile, revisionOf, toNoteLoad } from './note-file';
import { keepText, recoverLeftovers } from './notes-recovery';
import { assertSaveInput, shrinksMuch } from './save-input';
import type { SaveNoteInput } from './save-input';
import type { RecoveryReport } from './notes-recovery';
import type { LoadedNote as Loaded } from './note-file';
import { isAsideCopy, serializeNote } from './note-format';
import { NoteListing } from './note-listing';
import type { NotesListing } from './note-listing';
import type { ExtraFrontMatter } from './note-format';
import type { NoteLoad, NoteVersion, NoteVersionReason, NoteView, SaveNoteResult } from '../types';
import type { Note } from '../types';

export type { SaveNoteInput } from './save-input';

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
  readonly #dataDir: string;
  readonly #fs: WriteFs;
  /** The start-up clean-up (`recover`), which every operation waits for. */
  #recovering: Promise<unknown> = Promise.resolve();
  readonly #history: NoteHistory;
  /** The folder's notes as last listed: a listing reads only the files that changed since. */
  readonly #listing: NoteListing;
  /** Per-id tail of pending operations; a key is removed once its queue drains. */
  readonly #queues = new Map<string, Promise<void>>();
  /**
   * Per id, the file as this store last read or wrote it: the one record of a
   * note's known revision. It tells our own writes from other programs' (for
   * history and for `noticeChange`) and ends a burst of typing.
   */
  readonly #known = new Map<string, Known>();

  constructor(dataDir: string, options: NotesStoreOptions = {}) {
    const layout = dataLayout(dataDir);
    this.#dataDir = layout.root;
    this.notesDir = layout.notes;
    this.historyDir = layout.history;
    this.#fs = options.fs ?? nodeWriteFs;
    this.#history = new NoteHistory(this.historyDir, this.#fs);
    this.#listing = new NoteListing(this.notesDir);
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
    return this.#serial(id, async () => toNoteLoad(await this.#loadKnown(id)));
  }

  /**
   * The note for `id` after its file changed on disk (a watcher saw it), or
   * undefined when the file holds the revision this store last handed to a
   * caller: the echo of its own save, or a change already reported. A note an
   * import wrote is news to the app (the import answers with counts), so it is
   * reported once.
   */
  async noticeChange(id: string): Promise<NoteLoad | undefined> {
    assertId(id);
    return this.#serial(id, async () => {
      const before = this.#known.get(id);
      const handed = before?.reported ? { revision: before.revision } : undefined;
      const loaded = await this.#loadKnown(id);
      return handed?.revision === loaded.revision ? undefined : toNoteLoad(loaded);
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
    assertSaveInput(input);
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
      if (this.#isConflict(input, loaded)) return this.#conflict(next, loaded);
      const view = await this.#replace(loaded, next);
      return view ? { status: 'saved', note: view } : this.#conflict(next, await this.#read(input.id));
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
      const view = await this.#replace(loaded, next, 'restore');
      return view ? { status: 'saved', note: view } : this.#conflict(next, await this.#read(id));
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
        // Raced by another program's write: the incoming text is kept in history instead.
        if (!(await this.#replace(loaded, note, 'import'))) await this.#keep(note, 'import');
        return loaded.kind === 'missing' ? 'added' : 'updated';
      }
      const disk = loaded.note;
      if (disk.text === note.text) return 'unchanged';
      if (Date.parse(note.updated) > Date.parse(disk.updated)) {
        const created = Date.parse(disk.created) < Date.parse(note.created) ? disk.created : note.created;
        const next = { ...note, question: note.question || disk.question, source: note.source || disk.source, created };
        if (!(await this.#replace(loaded, next, 'import'))) await this.#keep(next, 'import');
        return 'updated';
      }
      if ((await this.#history.texts(note.id)).has(note.text)) return 'unchanged';
      await this.#keep(note, 'import');
      return 'updated';
    });
  }

  /**
   * Every note in the folder, most recently updated first, and the `.md` files
   * that could not be read (note-listing.ts).
   */
  async list(): Promise<NotesListing> {
    await this.#recovering;
    return this.#listing.list();
  }

  /**
   * The start-up clean-up (notes-recovery.ts): leftovers of interrupted writes
   * are put back or kept in history, then removed. Every other operation waits
   * for it. Call once, before the app uses the store.
   */
  recover(): Promise<RecoveryReport> {
    const running = recoverLeftovers({ dataDir: this.#dataDir, notesDir: this.notesDir, history: this.#history, fs: this.#fs });
    this.#recovering = running.catch(noop);
    return running;
  }

  /** Delete every earlier version of the note (the reader asked, and confirmed). The note itself stays. */
  async purgeHistory(id: string): Promise<void> {
    assertId(id);
    await this.#serial(id, () => this.#history.purge(id));
  }

  /**
   * Delete the note, its history and any damaged copies kept beside it (the
   * reader wants it gone, and confirmed). A note already missing is fine.
   */
  async deleteNote(id: string): Promise<void> {
    assertId(id);
    await this.#serial(id, async () => {
      const copies = (await readdir(this.notesDir).catch(() => [])).filter((name) => name.startsWith(`${id}.`) && isAsideCopy(name));
      for (const file of [this.fileFor(id), ...copies.map((name) => path.join(this.notesDir, name))]) {
        await this.#fs.rm(file, { force: true }).catch((error: unknown) => {
          throw new Error(`Ponder: could not delete ${file}: ${describeFsError(error)}.`, { cause: error });
        });
      }
      // Its absence is this store's own doing: not a change for the watcher to report.
      this.#known.set(id, { revision: null, ours: true, reported: true });
      await this.#history.purge(id);
    });
  }

  /** Resolves once every operation started so far has finished (for quitting). */
  async flush(): Promise<void> {
    await Promise.all([...this.#queues.values()]);
  }

  #read(id: string): Promise<Loaded> {
    return readNoteFile(this.fileFor(id));
  }

  /** Read the note as `load` does: keep our older text if another program replaced it, then remember what was read. */
  async #loadKnown(id: string): Promise<Loaded> {
    const loaded = await this.#read(id);
    try {
      await this.#noticeExternal(id, loaded);
    } catch {
      // Could not keep our older text: leave `#known` as it was, so the next load or save tries again.
      return loaded;
    }
    const known = this.#known.get(id);
    // Reading back our own write (the watcher does after each save) must not end a burst of typing.
    if (known?.revision === loaded.revision) known.reported = true;
    else this.#known.set(id, knownFrom(loaded));
    return loaded;
  }

  /**
   * Replace the note file by `next`, first keeping what it replaces: a damaged
   * file's bytes beside it, a readable note's text in history (`reason`, or
   * 'edit' / 'external' by who wrote the file). Undefined, with nothing
   * written, when another program's write landed after `loaded` was read
   * (fs/replace-if-unchanged.ts): its text is on disk or in history.
   */
  async #replace(loaded: Loaded, next: Note, reason?: NoteVersionReason): Promise<NoteView | undefined> {
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
        // A save that empties the note or drops much of it ends a burst: the text it replaces is kept.
        const coalesce = ours && known?.ours === true && !shrinksMuch(loaded.note.text, next.text);
        await this.#keep(loaded.note, reason ?? auto, { coalesce });
      }
    }
    const content = serializeNote(next, extra);
    const unchanged = (bytes: Uint8Array | null) => (bytes === null ? null : revisionOf(bytes)) === loaded.revision;
    let outcome;
    try {
      outcome = await replaceIfUnchanged(file, content, unchanged, this.#fs);
    } catch (error) {
      throw new Error(`Ponder: could not save the note for story ${id} to ${file}: ${describeFsError(error)}.`, {
        cause: error,
      });
    }
    if (outcome.status === 'raced') {
      if (outcome.displaced) {
        await this.#keepOr(() => keepText(this.#history, file, outcome.displaced!.bytes, 'external'), id);
        await outcome.displaced.discard();
      }
      return undefined;
    }
    const view: NoteView = { ...next, revision: revisionOf(content) };
    // An import answers with counts only: the note it wrote is still news to the app.
    this.#known.set(id, { revision: view.revision, note: next, ours: true, reported: reason !== 'import' });
    return view;
  }

  /** Refuse a save as a conflict: `next` is kept in history, and the answer carries what is on disk. */
  async #conflict(next: Note, loaded: Loaded): Promise<SaveNoteResult> {
    await this.#keep(next, 'conflict');
    this.#known.set(next.id, knownFrom(loaded));
    return { status: 'conflict', disk: toNoteLoad(loaded) };
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
    await this.#keepOr(() => this.#history.keep(note, reason, options), note.id);
  }

  /** Run `keep` (a write to history); its failure fails the operation, in words. */
  async #keepOr(keep: () => Promise<unknown>, id: string): Promise<void> {
    try {
      await keep();
    } catch (error) {
      throw new Error(
        `Ponder: could not save the note for story ${id}: a version of it could not be kept in ` +
          `${this.#history.dirFor(id)}: ${describeFsError(error)}.`,
        { cause: error },
      );
    }
  }

  /** Run `task` after every earlier task for `key` (and the start-up clean-up), whether they succeeded or not. */
  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? this.#recovering;
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

interface Known {
  /** null: there was no file. */
  revision: string | null;
  /** The note in that file, when it was one. */
  note?: Note;
  /** This store wrote that revision (rather than read it). */
  ours: boolean;
  /** A caller was handed that revision (by load, save, restore or noticeChange); not after an import wrote it. */
  reported: boolean;
}

function knownFrom(loaded: Loaded): Known {
  return { revision: loaded.revision, note: loaded.kind === 'note' ? loaded.note : undefined, ours: false, reported: true };
}

function assertId(id: unknown): asserts id is string {
  if (!isStoryId(id)) throw new Error('Ponder: invalid story id');
}
