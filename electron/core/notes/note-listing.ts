// Listing the notes folder: every note, most recently updated first, and the
// `.md` files that could not be read. Skips other files, hidden files (temp
// files and asides of writes in progress) and the copies kept aside
// (`*.corrupt-*`, and `*.conflict-*` from older versions of Ponder).

import { readdir } from 'node:fs/promises';
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
export async function listNotes(notesDir: string): Promise<NotesListing> {
  let names: string[];
  try {
    names = await readdir(notesDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { notes: [], unreadable: [] };
    throw new Error(`Ponder: could not list the notes in ${notesDir}: ${describeFsError(error)}.`, { cause: error });
  }
  const candidates = names.filter((name) => name.endsWith('.md') && !name.startsWith('.') && !isAsideCopy(name));
  const notes: NoteView[] = [];
  const unreadable: UnreadableNote[] = [];
  await mapLimit(candidates, LIST_CONCURRENCY, async (name) => {
    const file = path.join(notesDir, name);
    if (!isNoteFileName(name)) {
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

// ---------------------------------------------------------------------------

/** Files read at once: enough to hide latency, far below open-file limits. */
const LIST_CONCURRENCY = 16;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
