// Reading one note file from disk, the same way for the store, the history and
// imports: its bytes, their revision, and the note in them — or why there is
// none (no file; a file that cannot be read, is not UTF-8, or is not a note,
// with as much of its text as could be recovered); and what the app is told
// about a note file, and the copy kept of a damaged one.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { copyAside } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { describeFsError, errorCode } from '../fs/errors';
import { parseNote, salvageNoteText } from './note-format';
import type { ExtraFrontMatter } from './note-format';
import type { Note, NoteLoad } from '../types';

/** A note file as read. */
export type LoadedNote =
  | { kind: 'missing'; revision: null }
  | { kind: 'note'; note: Note; extra: ExtraFrontMatter; revision: string }
  /** `bytes` is absent when the file could not be read at all. */
  | { kind: 'unreadable'; file: string; reason: string; recoveredText: string; revision: string; bytes?: Uint8Array };

export interface ReadNoteOptions {
  /**
   * ISO time for a missing or invalid `created`/`updated` (a hand-written
   * note). Default: the file's modification time.
   */
  fallbackTime?: string;
}

/** First 16 hex digits of the SHA-256 of a note file's bytes. */
export function revisionOf(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** Read and parse the note file `file`. Never rejects: every failure is a `LoadedNote` saying why. */
export async function readNoteFile(file: string, options: ReadNoteOptions = {}): Promise<LoadedNote> {
  let bytes: Uint8Array;
  let fallbackTime = options.fallbackTime;
  try {
    bytes = await readFile(file);
    fallbackTime ??= (await stat(file)).mtime.toISOString();
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
  const parsed = parseNote(content, file, { fallbackTime });
  if (!parsed.ok) {
    return { kind: 'unreadable', file, reason: parsed.reason, recoveredText: salvageNoteText(content), revision, bytes };
  }
  return { kind: 'note', note: parsed.note, extra: parsed.extra, revision };
}

/** A note file as the app is told about it. */
export function toNoteLoad(loaded: LoadedNote): NoteLoad {
  if (loaded.kind === 'missing') return { state: 'missing' };
  if (loaded.kind === 'note') return { state: 'ok', note: { ...loaded.note, revision: loaded.revision } };
  const { file, reason, recoveredText, revision } = loaded;
  return { state: 'unreadable', file, reason, recoveredText, revision };
}

/** Copy a damaged note file's bytes aside before it is replaced; if that fails, the save fails. */
export async function keepAside(id: string, file: string, bytes: Uint8Array, fs: WriteFs): Promise<void> {
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

// ---------------------------------------------------------------------------

/** Revision of a file whose bytes could not be read at all. */
const UNREADABLE_REVISION = 'unreadable';
