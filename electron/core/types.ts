// Shared data shapes of Ponder's core. Plain data only: everything here can be
// serialised to JSON, sent over IPC and printed by the CLI.

/** The three fields of a story that are searched and shown. */
export type StoryField = 'summary' | 'reflection' | 'question';

export const STORY_FIELDS: readonly StoryField[] = ['summary', 'reflection', 'question'];

/** One story as read from a digest file. */
export interface Story {
  /** First 16 hex digits of SHA-256 over NFC, whitespace-collapsed `summary + "\n" + question`. */
  id: string;
  /** Path of the digest file relative to the library folder, with `/` separators. */
  source: string;
  /** 1-based line of the summary in the source file. */
  line: number;
  summary: string;
  reflection: string;
  question: string;
  /** The story's first sentence, shortened cleanly for a list row (see library/headline.ts). */
  title: string;
  /** What a list row shows under the title: the summary after its first sentence, shortened. */
  snippet: string;
  /** Names of the topics this story belongs to (see topics.ts), most specific first. */
  topics: string[];
}

/** Something in the library that could not be read as it should. Never fatal. */
export interface Diagnostic {
  /** Path relative to the library folder (`/` separators). */
  file: string;
  /** 1-based line, or 0 when the whole file is concerned. */
  line: number;
  /** A sentence the user can act on. */
  reason: string;
}

/** A topic derived from the stories: a person, place or organisation they are about. */
export interface Topic {
  name: string;
  storyIds: string[];
}

/** A digest file of the library with the number of stories read from it. */
export interface SourceFile {
  path: string;
  storyCount: number;
}

/** A whole library, loaded. */
export interface Library {
  /** Absolute path of the library folder. */
  folder: string;
  stories: Story[];
  topics: Topic[];
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** A [start, end) range of UTF-16 code units inside a string, to be highlighted. */
export type Range = [start: number, end: number];

/** Highlight ranges for each field of a story (missing field: nothing to highlight). */
export type FieldHighlights = Partial<Record<StoryField | 'title', Range[]>>;

/** A search hit, best first. */
export interface SearchHit {
  id: string;
  score: number;
  /** Index terms (after Lunr's pipeline) that matched, per field. */
  terms: Partial<Record<StoryField, string[]>>;
}

/** A note as stored in `DATA/notes/<id>.md`. */
export interface Note {
  id: string;
  question: string;
  source: string;
  /** ISO 8601 timestamps. */
  created: string;
  updated: string;
  /** The reader's answer, Markdown. */
  text: string;
}

/** A note file that could not be parsed. It is never overwritten by Ponder. */
export interface UnreadableNote {
  file: string;
  reason: string;
}

// --- What the notes store answers with. The IPC contract re-exports these shapes,
// so the app's handlers pass the store's answers through as they are.

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
