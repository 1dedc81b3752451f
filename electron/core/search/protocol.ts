// Messages between WorkerEngine (main thread) and its index workers, and the
// plain data they carry. Types only.

import type { QueryLimits } from './query-budget';
import type { SearchHit } from '../types';

/** One of a story's distinctive terms. */
export interface DistinctiveTerm {
  /** The index term (folded and stemmed). */
  term: string;
  /** The word as the story first writes it ("Kursk"): what the reader is shown. */
  word: string;
  weight: number;
}

/** A story as the index needs it: its id and the three searched fields. */
export interface StoryInput {
  id: string;
  summary: string;
  reflection: string;
  question: string;
  /** Not indexed; accepted so callers can pass stories as they are. */
  source?: string;
}

/** A story on its way to a worker, with its place in the library (ties in ranking go to the earlier story). */
export interface OrderedStory {
  id: string;
  summary: string;
  reflection: string;
  question: string;
  ord: number;
}

/**
 * Term statistics of a set of stories: how many there are, the sum of their
 * field lengths (in index terms), and for each term the number of (story, field)
 * pairs that hold it — the count lunr.idf uses. Terms are joined with "\n"
 * (index terms never contain whitespace) in the order they first appear.
 */
export interface PackedStats {
  docs: number;
  lengths: number[];
  terms: string;
  termCount: number;
  counts: Int32Array;
}

/** A change to the corpus-wide statistics: stories added (+1) or removed (-1). */
export interface StatsDelta {
  sign: 1 | -1;
  stats: PackedStats;
}

/** A hit as a worker returns it: with its sort keys, so the main thread can merge lists from all workers. */
export interface RankedHit extends SearchHit {
  /** Step of the query at which the story first matched (Lunr's order for equal scores). */
  step: number;
  /** Place of the story in the library. */
  ord: number;
}

/**
 * Ranked hits as a worker sends them: sort keys in typed arrays and ids with
 * terms in one JSON string — several times cheaper to pass between threads
 * than an array of objects.
 */
export interface PackedHits {
  /** JSON of `[id, terms][]`, best first. */
  json: string;
  scores: Float64Array;
  steps: Int32Array;
  ords: Float64Array;
}

export type WorkerRequest =
  | { type: 'reset'; id: number }
  | { type: 'docs'; id: number; segment: number; docs: OrderedStory[]; last: boolean }
  | { type: 'stats'; id: number; deltas: StatsDelta[] }
  | { type: 'search'; id: number; query: string; limit: number | null; ids: string[] | null }
  | { type: 'cancel'; id: number; search: number }
  | { type: 'remove'; id: number; ids: string[] }
  | { type: 'add'; id: number; docs: OrderedStory[] }
  | { type: 'load'; id: number; files: string[] }
  | { type: 'save'; id: number; files: string[] }
  | { type: 'merge'; id: number }
  | { type: 'terms'; id: number; story: StoryInput; count: number; names: string[] };

export type WorkerReply =
  | { type: 'done'; id: number }
  | { type: 'stats'; id: number; stats: PackedStats[] }
  | { type: 'saved'; id: number; bytes: number[] }
  | { type: 'result'; id: number; ok: true; hits: PackedHits; total: number }
  | { type: 'result'; id: number; ok: false; error: string; cancelled?: true }
  | { type: 'failed'; id: number; error: string }
  | { type: 'progress'; done: number }
  | { type: 'terms'; id: number; terms: DistinctiveTerm[] };

/** What a worker is started with (`workerData`). */
export interface WorkerSetup {
  /** Version stamped into and checked in every segment file. */
  format: number;
  /** What one query may cost (query-budget.ts); defaults for the fields omitted. */
  queryLimits?: Partial<QueryLimits>;
}
