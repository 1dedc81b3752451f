// Text → index terms, exactly as a Lunr index built with `lunr()` makes them:
// lunr.tokenizer (lower-case, split on whitespace and hyphens), then the index
// pipeline (trimmer, stop-word filter, stemmer). The pipeline only depends on a
// token's text, so callers memoise its output per distinct token: news prose
// repeats a small vocabulary, and stemming is most of the cost of indexing.

import { L } from './lunr-internals';

/** The three searched fields, in the order a Lunr index declares them. */
export const FIELDS = ['summary', 'reflection', 'question'] as const;
export const FIELD_COUNT = FIELDS.length;

/** Lunr's index pipeline for one token: its terms (none for a stop word, else one). */
export class TermPipeline {
  private readonly pipeline = new L.Pipeline();

  constructor() {
    this.pipeline.add(L.trimmer, L.stopWordFilter, L.stemmer);
  }

  run(token: string): string[] {
    return this.pipeline.run([new L.Token(token, {})]).map(String);
  }
}

/**
 * Call `each` with the tokens of `text` as lunr.tokenizer makes them: the text
 * lower-cased, cut at every character matching lunr.tokenizer.separator
 * (/[\s\-]+/), empty pieces dropped. Scans the string rather than splitting it.
 */
export function forEachToken(text: string | undefined | null, each: (token: string) => void): void {
  if (text === undefined || text === null) return;
  const lower = String(text).toLowerCase();
  const length = lower.length;
  let start = 0;
  for (let i = 0; i < length; i++) {
    const c = lower.charCodeAt(i);
    const separator = c === 32 || c === 45 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(lower[i]!));
    if (!separator) continue;
    if (i > start) each(lower.slice(start, i));
    start = i + 1;
  }
  if (length > start) each(lower.slice(start));
}

/** Non-ASCII characters JavaScript's \s matches (what lunr.tokenizer.separator splits on). */
const SPACE = /\s/;
