// Notes into Ponder: a JSON export (notes-export.ts), a folder of note files
// (another data folder, a backup, a synced copy) or one note file. Merging is
// the store's (`NotesStore.importNote`: by id, newest wins, the other text
// kept in history); this module reads the sources and reports what it could
// not use, entry by entry.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DATA_ENTRIES } from '../data/layout';
import { describeFsError, messageOf } from '../fs/errors';
import { isStoryId } from '../ids';
import { readNoteFile } from './note-file';
import { isAsideCopy, notAStoryId, toIso } from './note-format';
import type { ImportReport } from '../types';
import type { NotesStore } from './notes-store';
import type { Note } from '../types';

/**
 * Merge the notes found at `from` into `store`. `from` is a JSON export, a
 * `.md` note file, or a folder of note files (a data folder: its `notes/`).
 * Entries that cannot be read, or not saved, are listed in `problems`; the
 * rest are imported. Throws a "Ponder: " message when `from` itself cannot be
 * read or is not something Ponder exported.
 */
export async function importNotes(store: NotesStore, from: string): Promise<ImportReport> {
  const source = path.resolve(from);
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, problems: [] };
  const entries = await readEntries(source, report.problems);
  for (const { label, note } of entries) {
    try {
      report[await store.importNote(note)]++;
    } catch (error) {
      report.problems.push(`${label}: ${messageOf(error)}`);
    }
  }
  return report;
}

// ---------------------------------------------------------------------------

interface Entry {
  /** Where the note came from, for a problem's message. */
  label: string;
  note: Note;
}

async function readEntries(source: string, problems: string[]): Promise<Entry[]> {
  const info = await stat(source).catch((error: unknown) => {
    throw new Error(`Ponder: cannot import notes from ${source}: ${describeFsError(error)}.`, { cause: error });
  });
  if (info.isDirectory()) return readFolder(source, problems);
  if (source.toLowerCase().endsWith('.md')) return readNoteFiles([source], problems);
  return readJsonExport(source, problems);
}

/** The note files of a folder, or of its `notes/` subfolder when it is a data folder. */
async function readFolder(folder: string, problems: string[]): Promise<Entry[]> {
  const notesDir = path.join(folder, DATA_ENTRIES.notes);
  const dir = (await stat(notesDir).catch(() => null))?.isDirectory() ? notesDir : folder;
  const names = await readdir(dir).catch((error: unknown) => {
    throw new Error(`Ponder: cannot import notes from ${dir}: ${describeFsError(error)}.`, { cause: error });
  });
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !isAsideCopy(name))
    .sort()
    .map((name) => path.join(dir, name));
  return readNoteFiles(files, problems);
}

async function readNoteFiles(files: string[], problems: string[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of files) {
    const loaded = await readNoteFile(file);
    if (loaded.kind === 'note') entries.push({ label: file, note: loaded.note });
    else if (loaded.kind === 'unreadable') problems.push(`${file}: ${loaded.reason}`);
    else problems.push(`${file}: It was removed before it could be read.`);
  }
  return entries;
}

async function readJsonExport(file: string, problems: string[]): Promise<Entry[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) data = undefined;
    else throw new Error(`Ponder: cannot import notes from ${file}: ${describeFsError(error)}.`, { cause: error });
  }
  if (!isRecord(data) || data.format !== 'ponder-notes' || !Array.isArray(data.notes)) {
    throw new Error(
      `Ponder: ${file} is not a Ponder notes export (a JSON file with "format": "ponder-notes"), ` +
        'a note file (.md) or a folder of note files.',
    );
  }
  if (data.version !== 1) {
    throw new Error(`Ponder: ${file} is a notes export of version ${String(data.version)}, which this Ponder cannot read; update Ponder.`);
  }
  const fallback = toIso(data.exportedAt) ?? new Date().toISOString();
  const entries: Entry[] = [];
  data.notes.forEach((value: unknown, index: number) => {
    const label = `${file}, note ${index + 1}`;
    const checked = checkNote(value, fallback);
    if (typeof checked === 'string') problems.push(`${label}: ${checked}`);
    else entries.push({ label: `${label} (${checked.id})`, note: checked });
  });
  return entries;
}

/** A note from a JSON export, or why it is not one. Times are normalised like a note file's. */
function checkNote(value: unknown, fallbackTime: string): Note | string {
  if (!isRecord(value)) return 'It is not an object with the fields of a note.';
  const { id, text, question = '', source = '' } = value;
  if (!isStoryId(id)) return notAStoryId(id);
  if (typeof text !== 'string') return `The note ${id} has no text.`;
  if (typeof question !== 'string' || typeof source !== 'string') return `The note ${id} has a question or source that is not text.`;
  const created = toIso(value.created);
  const updated = toIso(value.updated);
  return {
    id,
    question,
    source,
    created: created ?? updated ?? fallbackTime,
    updated: updated ?? created ?? fallbackTime,
    text,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
