// What the notes store answers with. The IPC contract re-exports these shapes
// (NoteView, NoteLoad, NoteVersion, ImportReport), so the app's handlers pass
// the store's answers through as they are. Plain data types only: this file is
// also compiled into the renderer's view of the contract.

import type { Note } from './types';

/** A note plus the revision of its file. */
export interface NoteView extends Note {
  /** First 16 hex digits of the SHA-256 of the file's bytes; a save names it as its base. */
  revision: string;
}

/** What `NotesStore.load` finds for a story. */
export type NoteLoad =
  | { state: 'missing' }
  | { state: 'ok'; note: NoteView }
  /** The file exists but is not a readable note. It is kept as it is; `recoveredText` is what could be salvaged. */
  | { state: 'unreadable'; file: string; reason: string; recoveredText: string; revision: string };

/** Why an earlier text of a note was kept in its history. */
export type NoteVersionReason = 'edit' | 'restore' | 'external' | 'conflict' | 'import';

/** One earlier version of a note, from `DATA/history/<id>/<version>.md`. */
export interface NoteVersion {
  /** The file name without `.md`: a UTC timestamp like `20261124T214456123Z`, `-2`, `-3`… when taken. */
  version: string;
  /** When this text was saved (the `updated` time it had as a note). */
  savedAt: string;
  text: string;
  /** Why it was kept. */
  reason: NoteVersionReason;
}

/** What `NotesStore.save` and `restore` answer. */
export type SaveNoteResult =
  | { status: 'saved'; note: NoteView }
  /** The file changed since `baseRevision`: it was left alone, and the text to save was kept in history. */
  | { status: 'conflict'; disk: NoteLoad };

/** What `importNotes` did. */
export interface ImportReport {
  /** Notes that did not exist and were added. */
  added: number;
  /** Notes that existed with other text: the newer text won, the other is kept in history. */
  updated: number;
  /** Notes identical to what was there. */
  unchanged: number;
  /** Entries that could not be read, with why. */
  problems: string[];
}
