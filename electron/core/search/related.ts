// Related stories: a story's most distinctive terms, run as one query.
//
// A term's weight in a story is its count in the story's fields times its
// corpus-wide idf (global-stats.ts): the words the story uses often and the
// library uses rarely. The strongest few become a Lunr OR query, boosted by
// weight, and the engine ranks the library against it as it ranks any search:
// a cosine of the query vector with each story's weighted field vectors. So a
// related list costs one search, and the matched terms of each hit say why.
//
// Only the weighing needs the statistics (any shard's replica: they are
// identical); the query runs over every shard like any other.

import type { GlobalStats } from './global-stats';
import { lunrIdf } from './lunr-internals';
import type { DistinctiveTerm, StoryInput } from './protocol';

export type { DistinctiveTerm } from './protocol';
import type { SearchHit } from '../types';
import { cachedTermOf, FIELDS, forEachToken } from './tokens';

/** A story related to another, and the words they share (most distinctive first). */
export interface RelatedHit {
  id: string;
  score: number;
  terms: string[];
}

export type RelatedOutcome = { ok: true; hits: RelatedHit[] } | { ok: false; error: string };

export interface RelatedOptions {
  /** Most related stories to answer (default RELATED_LIMIT). */
  limit?: number;
  /** Look among these stories only. */
  ids?: readonly string[];
  /**
   * Names the story is about (its topics: "North Korea", "Kursk"): their words join the
   * query at the top weight, since a name the library knows says more than a rare word.
   */
  names?: readonly string[];
}

export const RELATED_LIMIT = 5;
/** Terms of the story put in the query: enough to describe it, few enough to stay a cheap search. */
export const RELATED_TERMS = 12;

/**
 * The `count` terms of `story` with the highest tf × idf. Stop words, numbers and terms
 * no other story holds are left out: they describe nothing the story shares.
 */
export function distinctiveTerms(story: StoryInput, stats: GlobalStats, count = RELATED_TERMS): DistinctiveTerm[] {
  const found = new Map<string, { word: string; tf: number; fields: Set<number> }>();
  FIELDS.forEach((field, f) => {
    const text = story[field];
    forEachToken(text, (token, start) => {
      const term = cachedTermOf(token);
      if (!term || term.stop || !HAS_LETTER.test(term.term)) return;
      const seen = found.get(term.term);
      if (seen) {
        seen.tf++;
        seen.fields.add(f);
      } else found.set(term.term, { word: wordAt(text, token, start, term.from, term.to), tf: 1, fields: new Set([f]) });
    });
  });
  const weighed: DistinctiveTerm[] = [];
  for (const [term, { word, tf, fields }] of found) {
    const number = stats.numberOf(term);
    if (number === undefined) continue;
    const idf = stats.idf(number);
    // Held by no (story, field) pair but this story's own: it matches no other story.
    if (idf === lunrIdf(fields.size, stats.documentCount)) continue;
    weighed.push({ term, word, weight: tf * idf });
  }
  return weighed.sort(byWeight).slice(0, count);
}

/** The story's terms with the words of `names` raised to the top weight (and added when missing). */
export function withNames(terms: readonly DistinctiveTerm[], names: readonly string[], stats: GlobalStats): DistinctiveTerm[] {
  const top = terms[0]?.weight ?? 1;
  const byTerm = new Map(terms.map((term) => [term.term, { ...term }]));
  for (const name of names) {
    forEachToken(name, (token, start) => {
      const found = cachedTermOf(token);
      if (!found || found.stop || stats.numberOf(found.term) === undefined) return;
      const known = byTerm.get(found.term);
      if (known) known.weight = Math.max(known.weight, top);
      else byTerm.set(found.term, { term: found.term, word: wordAt(name, token, start, found.from, found.to), weight: top });
    });
  }
  return [...byTerm.values()].sort(byWeight);
}

/** The Lunr query of the terms: each word, escaped, boosted 1–10 by its weight. */
export function relatedQuery(terms: readonly DistinctiveTerm[]): string {
  const top = terms[0]?.weight ?? 0;
  return terms.map(({ word, weight }) => `${escapeWord(word.toLowerCase())}^${Math.max(1, Math.round((weight / top) * 10))}`).join(' ');
}

/** The hits of the query, without the story itself, up to `limit`, each with its shared words in the terms' order. */
export function relatedHits(hits: readonly SearchHit[], terms: readonly DistinctiveTerm[], self: string, limit: number): RelatedHit[] {
  const related: RelatedHit[] = [];
  for (const hit of hits) {
    if (hit.id === self) continue;
    const matched = new Set(Object.values(hit.terms).flat());
    related.push({ id: hit.id, score: hit.score, terms: terms.filter((term) => matched.has(term.term)).map((term) => term.word) });
    if (related.length >= limit) break;
  }
  return related;
}

/** The token's word in the text as written (case kept) when positions allow, else the token's. */
function wordAt(text: string, token: string, start: number, from: number, to: number): string {
  const written = text.slice(start + from, start + to);
  return written.toLowerCase() === token.slice(from, to) ? written : token.slice(from, to);
}

/** Lunr's query syntax characters, escaped so a word is always one plain term. */
function escapeWord(word: string): string {
  return word.replace(/[:~^*+\-\\"]/g, (c) => `\\${c}`);
}

function byWeight(a: DistinctiveTerm, b: DistinctiveTerm): number {
  return b.weight - a.weight || (a.term < b.term ? -1 : 1);
}

const HAS_LETTER = /\p{L}/u;
