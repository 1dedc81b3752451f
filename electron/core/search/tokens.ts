// Text → index terms, exactly as a Lunr index built with `lunr()` makes them:
// lunr.tokenizer (lower-case, split on whitespace and hyphens), then the index
// pipeline (trimmer, stop-word filter, stemmer). The one tokenizer of Ponder:
// indexing (segment.ts), querying (query.ts) and highlighting (highlight.ts)
// all go through this file, so a word is marked exactly when it was indexed as
// a term the query matched.
//
// The pipeline only depends on a token's text, so callers memoise its output
// per distinct token: news prose repeats a small vocabulary, and stemming is
// most of the cost of indexing.

import { L } from './lunr-internals';

/** The three searched fields, in the order a Lunr index declares them. */
export const FIELDS = ['summary', 'reflection', 'question'] as const;
export const FIELD_COUNT = FIELDS.length;

/** A token's index term and the part of the token it was made from. */
export interface TokenTerm {
  term: string;
  /** Where the word starts and ends inside the token: the trimmer strips non-word characters at both ends. */
  from: number;
  to: number;
}

/** Lunr's index pipeline for one token. */
export class TermPipeline {
  /** The stages after the trimmer, which is run apart to learn where the word lies in the token. */
  private readonly afterTrim = new L.Pipeline();

  constructor() {
    this.afterTrim.add(L.stopWordFilter, L.stemmer);
  }

  /** The token's terms as lunr.Pipeline#run makes them: none for a stop word, else one. */
  run(token: string): string[] {
    const found = this.termOf(token);
    return found ? [found.term] : [];
  }

  /** The token's term and its place in the token, or null for a stop word. */
  termOf(token: string): TokenTerm | null {
    // lunr.trimmer: strip ASCII non-word characters (\W) from both ends. A token of
    // punctuation becomes "", which Lunr indexes as a term like any other.
    const word = String(L.trimmer(new L.Token(token, {}), 0, []));
    const terms = this.afterTrim.run([new L.Token(word, {})]).map(String);
    if (terms.length === 0) return null;
    // Lunr's default pipeline makes at most one term of a token.
    if (terms.length > 1) throw new Error(`the index pipeline made ${terms.length} terms of one token`);
    // The leading characters stripped are all \W and the word starts with \w (or is
    // empty), so its first occurrence is where the trimmer cut.
    const from = word === '' ? 0 : token.indexOf(word);
    return { term: terms[0]!, from, to: from + word.length };
  }
}

/** A query clause's terms, as lunr.Index#query makes them with the search pipeline (the stemmer alone). */
export function searchTerms(term: string, fields: string[]): string[] {
  return SEARCH_PIPELINE.runString(term, { fields });
}

/**
 * Call `each` with the tokens of `text` as lunr.tokenizer makes them: the text
 * lower-cased, cut at every character matching lunr.tokenizer.separator
 * (/[\s\-]+/), empty pieces dropped. `start` and `end` locate the token in
 * `text` itself. Scans the string rather than splitting it.
 */
export function forEachToken(text: string | undefined | null, each: (token: string, start: number, end: number) => void): void {
  if (text === undefined || text === null) return;
  const source = String(text);
  const lower = source.toLowerCase();
  // Lower-casing can lengthen a string (İ → i̇): then positions in `lower` are not
  // positions in `text`, and each token is lower-cased on its own instead. Both
  // give the same tokens, since separators are not letters and are never changed.
  const scan = lower.length === source.length ? lower : source;
  const length = scan.length;
  let start = 0;
  for (let i = 0; i < length; i++) {
    const c = scan.charCodeAt(i);
    const separator = c === 32 || c === 45 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(scan[i]!));
    if (!separator) continue;
    if (i > start) each(tokenAt(scan, start, i, scan === lower), start, i);
    start = i + 1;
  }
  if (length > start) each(tokenAt(scan, start, length, scan === lower), start, length);
}

function tokenAt(scan: string, start: number, end: number, lowered: boolean): string {
  const token = scan.slice(start, end);
  return lowered ? token : token.toLowerCase();
}

/** Non-ASCII characters JavaScript's \s matches (what lunr.tokenizer.separator splits on). */
const SPACE = /\s/;

const SEARCH_PIPELINE = new L.Pipeline();
SEARCH_PIPELINE.add(L.stemmer);
