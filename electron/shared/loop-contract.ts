// The daily loop's part of the IPC contract (ipc-contract.ts lists the channels): reading
// state, the Show choice on list requests, reflection progress, the next unanswered question,
// search hits' passages and the Reflections journal. Types only: bundled into the sandboxed
// preload and the renderer like the rest of the contract.

import type { StoryFilter } from './story-filter';
import type { Range, StoryField } from '../core/types';
import type { ShowFilter } from './show-filter';

export type { ShowFilter } from './show-filter';

/**
 * The Show choice on a list request (library:view, library:rows, search:query,
 * library:next-unanswered, reading:mark). Absent: 'all'.
 */
export interface ShowRequest {
  show?: ShowFilter;
  /**
   * library:view only: list the stories as their marks are now (a new view on screen). Otherwise
   * main keeps the list it last made for this filter and Show, so rows, positions, "next
   * unanswered" and "mark all" agree with the rows on screen while the reader reads and answers.
   */
  fresh?: boolean;
}

/** Answered / total of one digest file (its progress bar). */
export interface FileProgress {
  path: string;
  storyCount: number;
  /** Its stories with a non-empty note. */
  answered: number;
}

/** Reflection progress of the whole library and of each file (the topics' is in TopicSummary). */
export interface LibraryProgress {
  storyCount: number;
  answered: number;
  /** Every file with stories, in library order. */
  files: FileProgress[];
}

/** Carried by LibrarySnapshot and the library:counts answer. */
export interface LoopCounts {
  progress: LibraryProgress;
}

/** Mark stories read or unread: named ones, or every story of a topic's, a file's or the whole library's list. */
export type ReadingMarkRequest = { read: boolean } & ({ ids: string[] } | { generation: number; filter: StoryFilter | null; show?: ShowFilter });

export interface ReadingMarkResponse {
  /** The ids whose mark changed: marking them back undoes exactly this. */
  changed: string[];
}

/** The next story without a note in a list (library order; with `show`, the list on screen), after `after`, wrapping round. */
export interface NextUnansweredRequest extends Pick<ShowRequest, 'show'> {
  generation: number;
  filter: StoryFilter | null;
  after: string | null;
}

export interface NextUnansweredResponse {
  generation: number;
  /** null: every story of the list has a note. */
  id: string | null;
  /** Its position in the list, or -1. */
  position: number;
}

export interface JournalRequest {
  /** ISO time: `answeredSince` counts notes first written at or after it (the renderer's "this week"). */
  since: string;
  /** Most entries to answer (0: only the counts). */
  limit: number;
  /** Lunr syntax, over the notes' questions and texts; absent or empty: every note. */
  query?: string;
}

/** One answered note in the Reflections journal. */
export interface JournalEntry {
  id: string;
  question: string;
  /** When it was first written (ISO), the journal's order. */
  created: string;
  updated: string;
  /** Its text, shortened for a row. */
  snippet: string;
  /** Its story is in the open library (else it is an orphan). */
  inLibrary: boolean;
}

export interface JournalResponse {
  /** Answered notes (matching the query, when one was given). */
  total: number;
  /** Answered notes first written since the request's `since`. */
  answeredSince: number;
  /** Newest first, at most the request's limit. */
  entries: JournalEntry[];
  /** The query could not run (a message for the reader). */
  error?: string;
}

/** Where a search hit first matches, as its row shows it. */
export interface MatchPassage {
  /** The field it is from: the row names it when it is the reflection or the question. */
  field: StoryField;
  /** The words around the first match, cut at word boundaries ("…" where cut). */
  text: string;
  /** The matches inside `text`. */
  ranges: Range[];
}

/** A search hit's row (RowMatch) shows the passage around its first match when the title does not show it (core/search/match-passage.ts). */
export interface HitPassage {
  passage?: MatchPassage;
}
