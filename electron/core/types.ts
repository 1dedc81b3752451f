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
  /** The story's first sentence, shortened cleanly for a list row. */
  title: string;
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
