// The daily loop's part of the IPC contract (ipc-contract.ts lists the channels): reading
// state, the next unanswered question, and the Reflections journal. Types only: bundled into
// the sandboxed preload and the renderer like the rest of the contract.

import type { StoryFilter } from './ipc-contract';

/** Stories the reader has read and starred, by id (`reading:get`). */
export interface ReadingSets {
  read: string[];
  starred: string[];
}

/** Mark stories read or unread: named ones, or every story of a topic's, a file's or the whole library's list. */
export type ReadingMarkRequest = { read: boolean } & ({ ids: string[] } | { generation: number; filter: StoryFilter | null });

export interface ReadingMarkResponse {
  /** The ids whose mark changed: marking them back undoes exactly this. */
  changed: string[];
}

/** The next story without a note in a list (library order), after `after`, wrapping round. */
export interface NextUnansweredRequest {
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
