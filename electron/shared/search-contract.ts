// IPC types of search beyond the story list's own (issue 12): searching the
// reader's notes too, sorting the hits, related stories and saved searches.
// Types and small constants only: bundled into the preload and the renderer.

import type { Range } from '../core/types';
import type { IndexStatus, SearchHitView, SearchRequest } from './library-contract';
import type { StoryFilter } from './story-filter';

/** What a search looks in: the stories' text, the reader's notes, or both. */
export type SearchIn = 'stories' | 'notes' | 'all';
export const SEARCH_IN: readonly SearchIn[] = ['stories', 'notes', 'all'];

/** How hits are listed: best first, in the library's (file) order, or stories without a note first. */
export type SearchSort = 'relevance' | 'file' | 'unanswered';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'file', 'unanswered'];

export interface FindRequest extends Omit<SearchRequest, 'scope'> {
  /** Default 'stories'. */
  in?: SearchIn;
  /** Default 'relevance'. Main sorts the hits (at most the limit, best first before sorting). */
  sort?: SearchSort;
}

/** The passage of a story's note that matched, with the ranges to mark in it. */
export interface NotePassage {
  text: string;
  ranges: Range[];
}

export interface FoundHit extends SearchHitView {
  /** Set when the story's note matched: the passage to show under its row. */
  note?: NotePassage;
}

export type FindResponse =
  | { ok: true; query: string; total: number; hits: FoundHit[] }
  | { ok: false; query: string; error: string }
  | { ok: 'pending'; query: string; index: IndexStatus };

export interface RelatedRequest {
  id: string;
  /** Default 5, at most 20. */
  limit?: number;
}

/** A related story and why: the topics and the words it shares with the story asked about. */
export interface RelatedStory {
  id: string;
  title: string;
  source: string;
  topics: string[];
  terms: string[];
}

export interface RelatedResponse {
  id: string;
  stories: RelatedStory[];
  /** Why there are none: the index is still building, or failed. */
  error?: string;
}

/** A query pinned in the topics pane, with the topic or file it was made in. */
export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  filter: StoryFilter | null;
  in: SearchIn;
}

/** At most this many saved searches are kept, each name and query at most MAX_SAVED_TEXT characters. */
export const MAX_SAVED_SEARCHES = 50;
export const MAX_SAVED_TEXT = 500;
export const MAX_RELATED = 20;
