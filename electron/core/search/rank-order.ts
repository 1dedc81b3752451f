// Lunr's order of results, written once: best score first, then the story that
// matched at the earliest step of the query, then the earlier story in the
// library. Used by a segment's ranking (ranking.ts), the merge of the workers'
// lists (merge-results.ts) and the tests.

/** The keys a ranked hit is ordered by. */
export interface RankKeys {
  score: number;
  /** Step of the query at which the story first matched. */
  step: number;
  /** Place of the story in the library. */
  ord: number;
}

/** Negative when `a` comes before `b` in Lunr's order. */
export function compareRanked(a: RankKeys, b: RankKeys): number {
  return rankOrder(a.score, a.step, a.ord, b.score, b.step, b.ord);
}

/** compareRanked over bare keys, for hot loops over typed arrays. */
export function rankOrder(scoreA: number, stepA: number, ordA: number, scoreB: number, stepB: number, ordB: number): number {
  return scoreB - scoreA || stepA - stepB || ordA - ordB;
}
