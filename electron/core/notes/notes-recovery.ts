// What an interrupted write leaves behind, dealt with at start-up (issue 8,
// item 8; issue 9, item 7: temp files never outlive a start-up):
//   DATA/notes/.<id>.md.<random>.tmp        a text being saved, whole or cut short
//   DATA/notes/.<id>.md.<random>.aside      the text a save was replacing (fs/replace-if-unchanged.ts)
//   DATA/notes/.<other>.<random>.tmp        a copy kept aside (`<id>.corrupt-…`) being written
//   DATA/history/<id>/.<version>.md.<random>.tmp   a version being written
//   DATA/.state.json.<random>.tmp           app state being written (not the reader's text)
// Every leftover is read before it goes. An aside whose note is missing is
// put back as the note. Any other text that is not on disk already (as the
// note or one of its versions) is kept in history first. Nothing is deleted
// unread, and nothing with text in it is deleted before that text is kept.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { copyAside, placeExclusive } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { errorCode } from '../fs/errors';
import { ASIDE_SUFFIX } from '../fs/replace-if-unchanged';
import type { NoteHistory } from './note-history';
import { readNoteFile } from './note-file';
import { isNoteFileName, parseNote, salvageNoteText } from './note-format';
import type { NoteVersionReason } from '../types';

/** What `recoverLeftovers` did, for the log and for tests. */
export interface RecoveryReport {
  /** Notes put back from the aside an interrupted save left. */
  restored: number;
  /** Texts found only in a leftover, now kept in history. */
  kept: number;
  /** Leftover files removed (after the above). */
  removed: number;
}

/** Paths `recoverLeftovers` works in. */
export interface RecoveryPlaces {
  dataDir: string;
  notesDir: string;
  history: NoteHistory;
  fs: WriteFs;
}

/** Deal with every leftover of an interrupted write, as described at the top of this file. */
export async function recoverLeftovers(places: RecoveryPlaces): Promise<RecoveryReport> {
  const report: RecoveryReport = { restored: 0, kept: 0, removed: 0 };
  const { notesDir, history, fs } = places;
  for (const name of await hiddenLeftovers(notesDir)) {
    const leftover = path.join(notesDir, name);
    const target = path.join(notesDir, targetOf(name));
    const bytes = await fs.readFile(leftover);
    if (!isNoteFileName(path.basename(target))) {
      // A copy kept aside, being written: finish it, or keep it under another name.
      if (!(await placeExclusive(fs, leftover, target, bytes))) await copyAside(target, bytes, { label: 'recovered', fs });
    } else if (name.endsWith(ASIDE_SUFFIX) && (await readNoteFile(target)).kind === 'missing') {
      if (await placeExclusive(fs, leftover, target, bytes)) report.restored++;
      else report.kept += await keepText(history, target, bytes, 'external');
    } else {
      report.kept += await keepText(history, target, bytes, 'edit');
    }
    await fs.rm(leftover, { force: true });
    report.removed++;
  }
  for (const id of await namesIn(history.root)) {
    const dir = history.dirFor(id);
    for (const name of await hiddenLeftovers(dir)) {
      const leftover = path.join(dir, name);
      report.kept += await keepText(history, path.join(notesDir, `${id}.md`), await fs.readFile(leftover), 'edit');
      await fs.rm(leftover, { force: true });
      report.removed++;
    }
  }
  for (const name of await hiddenLeftovers(places.dataDir)) {
    // App state being written: not the reader's text, and state.json itself is whole.
    await fs.rm(path.join(places.dataDir, name), { force: true });
    report.removed++;
  }
  return report;
}

/**
 * Keep the text in `bytes` (a note file's bytes, possibly cut short) as a
 * version of the note at `noteFile`, unless it is empty or already on disk
 * as the note or one of its versions. Returns 1 when a version was written.
 */
export async function keepText(
  history: NoteHistory,
  noteFile: string,
  bytes: Uint8Array,
  reason: NoteVersionReason,
): Promise<number> {
  const id = path.basename(noteFile, '.md');
  const content = new TextDecoder('utf-8').decode(bytes);
  const parsed = parseNote(content, noteFile);
  const now = new Date().toISOString();
  const note = parsed.ok
    ? parsed.note
    : { id, question: '', source: '', created: now, updated: now, text: salvageNoteText(content) };
  if (note.text === '') return 0;
  const current = await readNoteFile(noteFile);
  if (current.kind === 'note' && current.note.text === note.text) return 0;
  if ((await history.texts(id)).has(note.text)) return 0;
  await history.keep({ ...note, id }, reason);
  return 1;
}

// ---------------------------------------------------------------------------

/** `.<target>.<12 hex digits>.tmp` or `.aside`. */
const LEFTOVER = /^\.(.+)\.[0-9a-f]{12}\.(tmp|aside)$/;

function targetOf(name: string): string {
  return LEFTOVER.exec(name)![1]!;
}

async function hiddenLeftovers(dir: string): Promise<string[]> {
  return (await namesIn(dir)).filter((name) => LEFTOVER.test(name)).sort();
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}
