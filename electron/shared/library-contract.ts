// The library and search half of the IPC contract: what the stories pane, the topics pane
// and the search box ask main, and what main answers. Re-exported by ipc-contract.ts.

import type { Diagnostic, FieldHighlights, Range, SourceFile } from '../core/types';
import type { HitPassage, LoopCounts, ShowRequest } from './loop-contract';
import type { StoryFilter } from './story-filter';

export type { StoryFilter } from './story-filter';

/** A story as listed in the stories pane: enough for a row, not the whole text. */
export interface StoryListItem {
  id: string;
  source: string;
  line: number;
  title: string;
  snippet: string;
  /**
   * The reader has read it / starred it (absent: not, which keeps a row small). Set by main
   * whenever a row or story is answered, from the marks as they are then: the renderer holds
   * no read or starred set, only its own changes since (which main's answers include).
   */
  read?: true;
  starred?: true;
  /**
   * What the row marks for a search: set on rows asked for by id with a `query` (`library:rows`)
   * whose story matches it. Made only for the rows the renderer asks for, never for every hit.
   */
  match?: RowMatch;
}

/** Where a search hit's row matches: ranges in its title and snippet, and the passage around its first match the title does not show. */
export interface RowMatch extends HitPassage {
  title: Range[];
  snippet: Range[];
}

/** A story shown whole in the reading pane. */
export interface StoryDetail extends StoryListItem {
  summary: string;
  reflection: string;
  question: string;
  /** Names of the story's topics, most specific first (its chips). */
  topics: string[];
  /** Present when the request named a query: ranges to mark in each field. */
  highlights?: FieldHighlights;
}

/** State of the search index, which builds after the stories are shown. */
export type IndexStatus =
  | { state: 'idle' }
  /** `phase: 'reading'`: the library's files are being read (done/total count files); otherwise stories indexed. */
  | { state: 'building'; done: number; total: number; phase?: 'reading' }
  | { state: 'ready'; storyCount: number; millis: number; fromCache?: boolean }
  | { state: 'failed'; error: string };

/** A topic as the topics pane lists it: membership stays in main (`library:view`, `library:rows`). */
export interface TopicSummary {
  name: string;
  storyCount: number;
  /** Its stories without a non-empty note. */
  unanswered: number;
}

/**
 * What the renderer needs to open a library: counts and the first screen of rows, never the
 * whole list (a 100k-story library opens with well under 1 MB). Further rows, filters and
 * positions are asked for as the reader scrolls (`library:view`, `library:rows`).
 */
export interface LibrarySnapshot extends LoopCounts {
  folder: string;
  /** Folder's base name, for the title bar. */
  name: string;
  /** Bumps whenever a different or reloaded library replaces this one. */
  generation: number;
  /** Every story of the library (of those read so far, while it is still being read). */
  storyCount: number;
  /** The first rows of "all stories", in library order (at most FIRST_ROWS): the first screen, with no second request. */
  stories: StoryListItem[];
  /** Most stories first. */
  topics: TopicSummary[];
  sources: SourceFile[];
  diagnostics: Diagnostic[];
  /** Ids of stories that have a non-empty note. */
  notedIds: string[];
  index: IndexStatus;
}

/** Rows of "all stories" in a snapshot, and the most `library:rows` answers at once. */
export const FIRST_ROWS = 60;
export const MAX_ROWS_PER_REQUEST = 1_000;

export interface ViewRequest extends ShowRequest {
  /** The snapshot's generation the renderer shows: an answer for another one is dropped there. */
  generation: number;
  filter: StoryFilter | null;
  /** A story whose position in the view to answer (the selection). */
  locate?: string;
}

export interface ViewResponse {
  generation: number;
  /** Stories in the view (0 when the filter names nothing in this library). */
  count: number;
  /** Position of `locate` in the view, or -1 (also when no `locate` was asked). */
  position: number;
  /** `locate` is a story of the library (in this view or not). */
  known: boolean;
}

/**
 * A window of a view by position, or rows by id (a search's hits); ids unknown to the library are
 * left out. With `query` (the search the ids are hits of), each row that matches it carries its `match`.
 */
export type RowsRequest =
  | ({ generation: number; filter: StoryFilter | null; start: number; end: number } & Pick<ShowRequest, 'show'>)
  | { generation: number; ids: string[]; query?: string };

export interface RowsResponse {
  generation: number;
  rows: StoryListItem[];
}

export interface CountsResponse extends LoopCounts {
  generation: number;
  topics: TopicSummary[];
}

export interface SearchRequest extends Pick<ShowRequest, 'show'> {
  query: string;
  /** Most hits to return. */
  limit?: number;
  /** Search this topic's or file's stories only (main resolves them; the renderer holds no membership). */
  filter?: StoryFilter;
  /**
   * Search these library stories only (the topic or file on screen): hits are
   * ranked among them and `total` counts the matches among them.
   */
  ids?: string[];
  /** What to search: the library's stories (default), or the orphaned notes (question, and note text as reflection). */
  scope?: SearchScope;
}

export type SearchScope = 'library' | 'orphans';

/** A hit, ranked: its row, with what it marks, is asked for by id with the query (`library:rows`). */
export interface SearchHitView {
  id: string;
  score: number;
}

export type SearchResponse =
  /** `total`: every match in the scope searched (the hits stop at the limit). */
  | { ok: true; query: string; total: number; hits: SearchHitView[] }
  | { ok: false; query: string; error: string }
  | { ok: 'pending'; query: string; index: IndexStatus };

export interface StoryRequest {
  id: string;
  query?: string;
}
