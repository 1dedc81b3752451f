// Highlight ranges for displayed text, from the index terms a search hit matched.
//
// The index keeps no positions, so the text on screen is tokenised again with
// the index's own tokenizer and pipeline (tokens.ts), and a word is marked
// when the term it was indexed as is among the terms the hit matched.

import { cachedTermOf, forEachToken } from './tokens';
import type { FieldHighlights, Range, SearchHit, Story } from '../types';

/**
 * Ranges of `text` whose words, made into terms as the index makes them, are
 * among `terms`. Stop words are marked only in the question (`stopWords`),
 * the one field that indexes them.
 */
export function highlightRanges(text: string, terms: Iterable<string>, stopWords = false): Range[] {
  const wanted = new Set(terms);
  if (wanted.size === 0 || text.length === 0) return [];
  const ranges: Range[] = [];
  forEachToken(text, (token, start, end) => {
    const found = cachedTermOf(token);
    if (!found || (found.stop && !stopWords) || !wanted.has(found.term)) return;
    // A token lower-cased to another length (rare: İ): mark it whole rather than guess.
    const exact = token.length === end - start;
    ranges.push(exact ? [start + found.from, start + found.to] : [start, end]);
  });
  return ranges;
}

/** Highlights for every field of a story, plus its title and snippet (which come from the summary). */
export function highlightStory(
  story: Pick<Story, 'summary' | 'reflection' | 'question' | 'title'> & { snippet?: string },
  hit: Pick<SearchHit, 'terms'>,
): FieldHighlights & { snippet?: Range[] } {
  const summaryTerms = hit.terms.summary ?? [];
  return {
    title: highlightRanges(story.title, summaryTerms),
    snippet: story.snippet === undefined ? undefined : highlightRanges(story.snippet, summaryTerms),
    summary: highlightRanges(story.summary, summaryTerms),
    reflection: highlightRanges(story.reflection, hit.terms.reflection ?? []),
    question: highlightRanges(story.question, hit.terms.question ?? [], true),
  };
}
