// The words a search hit's row shows under its title: the passage around the hit's first
// match that the title does not show already. A row holds two lines of title and two of
// snippet, and the snippet is the summary's second sentence: a match later in the summary,
// or in the reflection or the question, was invisible there. Matches are found as
// highlight.ts finds them (the index's own tokenizer and pipeline), so the passage marks
// exactly the words the story page marks.

import type { MatchPassage } from '../../shared/loop-contract';
import type { Range, SearchHit, Story, StoryField } from '../types';
import { highlightRanges } from './highlight';

export interface PassageOptions {
  /** Most characters of the passage, "…" included. Default 160 (a snippet's length). */
  max?: number;
  /** Characters kept before the first match, so it reads in context and stays on the first line. Default 30. */
  before?: number;
}

/**
 * The passage around the first match of `hit` in `story` that its row's `title` does not show:
 * in the summary after the title's words, else in the reflection, else in the question (the
 * order a story is read). Whitespace is collapsed. null when the title shows every match.
 */
export function matchPassage(
  story: Pick<Story, 'summary' | 'reflection' | 'question'>,
  title: string,
  hit: Pick<SearchHit, 'terms'>,
  options: PassageOptions = {},
): MatchPassage | null {
  for (const field of PASSAGE_FIELDS) {
    const text = collapse(story[field]);
    let ranges = highlightRanges(text, hit.terms[field] ?? [], field === 'question');
    if (field === 'summary') {
      const shown = titleLength(text, title);
      ranges = ranges.filter(([start]) => start >= shown);
    }
    if (ranges.length > 0) return around(field, text, ranges, options.max ?? MAX_CHARS, options.before ?? BEFORE_CHARS);
  }
  return null;
}

const PASSAGE_FIELDS: readonly StoryField[] = ['summary', 'reflection', 'question'];
const MAX_CHARS = 160;
const BEFORE_CHARS = 30;
const ELLIPSIS = '…';

/** How much of the summary the title shows: its first sentence, up to the title's own cut. */
function titleLength(summary: string, title: string): number {
  const shown = title.endsWith(ELLIPSIS) ? title.slice(0, -ELLIPSIS.length) : title;
  return summary.startsWith(shown) ? shown.length : 0;
}

/** `text` cut to at most `max` characters around the first range, at word boundaries, with "…" where cut. */
function around(field: StoryField, text: string, ranges: Range[], max: number, before: number): MatchPassage {
  const first = ranges[0]![0];
  let start = Math.max(0, first - before);
  if (start > 0) {
    // Start on a word: after the space at or following `start` (unless that passes the match).
    const space = text.indexOf(' ', start - 1);
    start = space >= 0 && space < first ? space + 1 : start;
    if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  let end = text.length;
  if (end - start + prefix.length > max) {
    end = start + max - prefix.length - ELLIPSIS.length;
    const space = text.lastIndexOf(' ', end);
    if (space > ranges[0]![1]) end = space;
    if (isLowSurrogate(text.charCodeAt(end))) end -= 1;
  }
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const inside = ranges
    .filter(([from]) => from < end)
    .map(([from, to]): Range => [from + shift, Math.min(to, end) + shift]);
  return { field, text: `${prefix}${text.slice(start, end).trimEnd()}${suffix}`, ranges: inside };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
