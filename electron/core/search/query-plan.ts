// What a compiled query is (query.ts makes it), and what one segment's run of
// it leaves behind for ranking.ts to describe its hits. Types only.

import type { Segment } from './segment';

/** What to do at one step of a query, in Lunr's order of work. */
export type Step =
  | { kind: 'match'; term: string; number: number; field: number; presence: number; collect: boolean; idf: number }
  | { kind: 'nothing-required'; fields: number[] }
  | { kind: 'end-required'; fields: number[] };

export interface QueryPlan {
  steps: Step[];
  /** The query has only prohibited terms: every other story matches, with score 0. */
  negated: boolean;
  /** Per field: term number → summed boost (Lunr's query vector). */
  vectors: Map<number, number>[];
  /** Per field: the query vector's norm. */
  norms: number[];
  /** Per field: the distinct matched terms with their summed boost, in term-number order (for the dot products). */
  byNumber: { term: string; number: number; idf: number; boost: number }[][];
  averageLengths: number[];
}

/** One segment's answer to a plan: what `matchedTerms` needs to describe its hits later. */
export interface SegmentRun {
  segment: Segment;
  plan: QueryPlan;
  /** Per field: 1 + the step at which a story first matched in that field (0: never). */
  fieldSteps: Int32Array[];
}
