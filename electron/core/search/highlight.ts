// Highlight ranges for displayed text, from the index terms a search hit matched.
//
// The index keeps no positions, so we re-tokenise only the text on screen the
// way Lunr tokenised it when indexing (split on whitespace and hyphens, trim
// non-word characters, stem) and mark the tokens whose stem is a matched term.

import lunr from 'lunr';
import type { FieldHighlights, Range, SearchHit, Story } from '../types';

const SEPARATOR = /[\s-]+/g;

/** Ranges of `text` whose words, stemmed as Lunr stems them, are among `terms`. */
export function highlightRanges(text: string, terms: Iterable<string>): Range[] {
  const wanted = new Set(terms);
  if (wanted.size === 0 || text.length === 0) return [];
  const ranges: Range[] = [];
  let start = 0;
  for (const separator of text.matchAll(SEPARATOR)) {
    pushIfMatched(text, start, separator.index, wanted, ranges);
    start = separator.index + separator[0].length;
  }
  pushIfMatched(text, start, text.length, wanted, ranges);
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
    question: highlightRanges(story.question, hit.terms.question ?? []),
  };
}

function pushIfMatched(text: string, from: number, to: number, wanted: Set<string>, ranges: Range[]): void {
  if (to <= from) return;
  const raw = text.slice(from, to);
  // Lunr's trimmer: strip non-word characters (ASCII \W, as Lunr does) from both ends.
  const lead = /^\W+/.exec(raw)?.[0].length ?? 0;
  const trail = /\W+$/.exec(raw.slice(lead))?.[0].length ?? 0;
  const word = raw.slice(lead, raw.length - trail);
  if (word.length === 0) return;
  const stem = lunr.stemmer(new lunr.Token(word.toLowerCase(), {})).toString();
  if (wanted.has(stem)) ranges.push([from + lead, to - trail]);
}
