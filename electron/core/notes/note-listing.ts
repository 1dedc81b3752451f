// Listing the notes folder: every note, most recently updated first, and the
// `.md` files that could not be read. Skips other files, hidden files (temp
// files and asides of writes in progress) and the copies kept aside
// (`*.corrupt-*`, and `*.conflict-*` from older versions of Ponder).

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError, errorCode } from '../fs/errors';
import { mapLimit } from '../fs/limit';
import { readNoteFile } from './note-file';
import { isAsideCopy, isNoteFileName } from './note-format';
import type { NoteView, UnreadableNote } from '../types';

export interface NotesListing {
  notes: NoteView[];
  unreadable: UnreadableNote[];
}

/** The notes in `notesDir` (none when it does not exist); rejects with a "Ponder: " message when it cannot be listed. */
export function listNotes(notesDir: string): Promise<NotesListing> {
  return new NoteListing(notesDir).list();
}

/**
 * The notes folder listed again and again (each snapshot, count and Show filter of the app
 * asks which stories are answered): a note file is read and parsed again only when its size,
 * mtime or ctime changed, or when it was read within RACY_MS of its last change (a second write
 * in the same timestamp tick would otherwise go unseen). At 3,000 notes a listing went from
 * ~360 ms (every file read, hashed and parsed) to the cost of a readdir and a stat per file.
 */
export class NoteListing {
  /** Per file name: what it was when last read, and what it held. */
  #seen = new Map<string, Seen>();
  /** Files read (not served from `#seen`) by the last `list`: for tests. */
  reads = 0;

  /** `racyMs`: tests set 0 to see the reuse at once. */
  constructor(
    readonly notesDir: string,
    private readonly racyMs = RACY_MS,
  ) {}

  /** Every note, most recently updated first, and the `.md` files that could not be read. */
  async list(): Promise<NotesListing> {
    let names: string[];
    try {
      names = await readdir(this.notesDir);
    } catch (error) {
      this.#seen = new Map();
      if (errorCode(error) === 'ENOENT') return { notes: [], unreadable: [] };
      throw new Error(`Ponder: could not list the notes in ${this.notesDir}: ${describeFsError(error)}.`, { cause: error });
    }
    const candidates = names.filter((name) => name.endsWith('.md') && !name.startsWith('.') && !isAsideCopy(name));
    const before = this.#seen;
    const seen = new Map<string, Seen>();
    let reads = 0;
    await mapLimit(candidates, LIST_CONCURRENCY, async (name) => {
      const file = path.join(this.notesDir, name);
      if (!isNoteFileName(name)) {
        seen.set(name, { stamp: '', racy: true, unreadable: { file, reason: 'The file name is not a story id (16 lowercase hex digits and .md).' } });
        return;
      }
      const stamp = await stampOf(file);
      if (stamp === null) return; // deleted while we listed
      const known = before.get(name);
      if (known && !known.racy && known.stamp === stamp.key) {
        seen.set(name, known);
        return;
      }
      reads++;
      const loaded = await readNoteFile(file);
      const racy = Date.now() - stamp.changedMs < this.racyMs;
      if (loaded.kind === 'note') seen.set(name, { stamp: stamp.key, racy, note: { ...loaded.note, revision: loaded.revision } });
      else if (loaded.kind === 'unreadable') seen.set(name, { stamp: stamp.key, racy, unreadable: { file, reason: loaded.reason } });
    });
    this.#seen = seen;
    this.reads = reads;
    const notes: NoteView[] = [];
    const unreadable: UnreadableNote[] = [];
    for (const entry of seen.values()) {
      if (entry.note) notes.push(entry.note);
      if (entry.unreadable) unreadable.push(entry.unreadable);
    }
    notes.sort((a, b) => compare(b.updated, a.updated) || compare(a.id, b.id));
    unreadable.sort((a, b) => compare(a.file, b.file));
    return { notes, unreadable };
  }
}

interface Seen {
  /** Size, mtime and ctime when read. */
  stamp: string;
  /** Read within RACY_MS of its last change: read again next time, whatever its stamp. */
  racy: boolean;
  note?: NoteView;
  unreadable?: UnreadableNote;
}

/** A file's size, mtime and ctime (ctime changes on every write, even one that restores the mtime); null when it is gone. */
async function stampOf(file: string): Promise<{ key: string; changedMs: number } | null> {
  try {
    const info = await stat(file);
    return { key: `${info.size}:${info.mtimeMs}:${info.ctimeMs}`, changedMs: Math.max(info.mtimeMs, info.ctimeMs) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    // Not readable now: read it (readNoteFile says why), and again next time.
    return { key: '', changedMs: Date.now() };
  }
}

// ---------------------------------------------------------------------------

/** Files read at once: enough to hide latency, far below open-file limits. */
const LIST_CONCURRENCY = 16;
/** A file changed this recently may change again within the same timestamp (2 s on FAT): trust only its content. */
const RACY_MS = 3_000;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
