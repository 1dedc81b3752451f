// Text → index terms. The one tokenizer of Ponder: indexing (segment.ts),
// querying (query.ts, query-syntax.ts), phrase checks (phrase.ts) and
// highlighting (highlight.ts) all go through this file, and the benchmark's
// plain Lunr index is built with it too (bench/plain-lunr-index.ts), so a word
// is marked exactly when it was indexed as a term the query matched.
//
// Tokens: the text lower-cased and cut at whitespace and hyphens, as
// lunr.tokenizer cuts it; a token holding text written without spaces
// (Chinese, Japanese, Thai…) is cut again into words by Intl.Segmenter.
// Terms: a token trimmed to its letters and digits (any script), folded
// (text-fold.ts), then stemmed by script (stemmers.ts). English stop words
// are indexed in the question field only, unstemmed, so `question:how` works
// while the summary and reflection stay as lean as Lunr makes them.
//
// The pipeline only depends on a token's text, so callers memoise its output
// per distinct token: news prose repeats a small vocabulary, and stemming is
// most of the cost of indexing.

import { L } from './lunr-internals';
import { stemWord } from './stemmers';
import { foldWord } from './text-fold';

/** The three searched fields, in the order a Lunr index declares them. */
export const FIELDS = ['summary', 'reflection', 'question'] as const;
export const FIELD_COUNT = FIELDS.length;
/** The field where stop words are indexed too (questions are where "how" and "why" matter). */
export const STOP_WORD_FIELD = FIELDS.indexOf('question');

/** A token's index term and the part of the token it was made from. */
export interface TokenTerm {
  term: string;
  /** Where the word starts and ends inside the token: the trimmer strips non-word characters at both ends. */
  from: number;
  to: number;
  /** An English stop word: indexed in the question field only. */
  stop: boolean;
}

/** Ponder's index pipeline for one token. */
export class TermPipeline {
  /** The token's term and its place in the token, or null when no letter or digit is left. */
  termOf(token: string): TokenTerm | null {
    const from = wordStart(token);
    const to = wordEnd(token, from);
    if (from >= to) return null;
    const word = withoutPossessive(foldWord(from === 0 && to === token.length ? token : token.slice(from, to)));
    const stop = isStopWord(word);
    return { term: stop ? word : stemWord(word), from, to, stop };
  }
}

/**
 * The pipeline's answer for `token`, kept for the next time it is asked: for text that is
 * tokenised again and again (highlights and passages of every search's rows, phrase checks,
 * related stories). One bounded memo for all of them; emptied whole when full.
 */
export function cachedTermOf(token: string): TokenTerm | null {
  let found = TERM_MEMO.get(token);
  if (found === undefined) {
    found = MEMO_PIPELINE.termOf(token);
    if (TERM_MEMO.size >= TERM_MEMO_LIMIT) TERM_MEMO.clear();
    TERM_MEMO.set(token, found);
  }
  return found;
}

const MEMO_PIPELINE = new TermPipeline();
/** Answers are shared between callers: never changed after they are made. */
const TERM_MEMO = new Map<string, Readonly<TokenTerm> | null>();
const TERM_MEMO_LIMIT = 200_000;

/** "korea's" and "korea’s" → "korea": so "North Korea" finds "North Korea's" (Lunr's trimmer keeps the apostrophe inside). */
function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 115) return word;
  const apostrophe = word.charCodeAt(n - 2);
  return apostrophe === 39 || apostrophe === 0x2019 ? word.slice(0, n - 2) : word;
}

/** A query clause's term as the index makes it: trimmed, folded and stemmed (none when nothing word-like is left). */
export function searchTerms(term: string): string[] {
  const found = QUERY_PIPELINE.termOf(term);
  return found ? [found.term] : [];
}

/** True for an English stop word (Lunr's list), a folded word. */
export function isStopWord(word: string): boolean {
  return L.stopWordFilter(new L.Token(word, {}), 0, []) === undefined;
}

/**
 * Call `each` with the tokens of `text`: the text lower-cased, cut at every
 * character matching lunr.tokenizer.separator (/[\s\-]+/), empty pieces
 * dropped, and a piece holding text written without spaces cut into its words
 * (Intl.Segmenter; punctuation between them dropped). `start` and `end` locate
 * the token in `text` itself. Scans the string rather than splitting it.
 */
export function forEachToken(text: string | undefined | null, each: (token: string, start: number, end: number) => void): void {
  if (text === undefined || text === null) return;
  const source = String(text);
  const lower = source.toLowerCase();
  // Lower-casing can lengthen a string (İ → i̇): then positions in `lower` are not
  // positions in `text`, and each token is lower-cased on its own instead. Both
  // give the same tokens, since separators are not letters and are never changed.
  const scan = lower.length === source.length ? lower : source;
  const lowered = scan === lower;
  const length = scan.length;
  let start = 0;
  let unspaced = false;
  for (let i = 0; i < length; i++) {
    const c = scan.charCodeAt(i);
    if (c > 127 && !unspaced && isUnspaced(c)) unspaced = true;
    const separator = c === 32 || c === 45 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(scan[i]!));
    if (!separator) continue;
    if (i > start) emit(scan, start, i, lowered, unspaced, each);
    start = i + 1;
    unspaced = false;
  }
  if (length > start) emit(scan, start, length, lowered, unspaced, each);
}

function emit(scan: string, start: number, end: number, lowered: boolean, unspaced: boolean, each: (token: string, start: number, end: number) => void): void {
  const token = scan.slice(start, end);
  if (!unspaced) {
    each(lowered ? token : token.toLowerCase(), start, end);
    return;
  }
  for (const { segment, index, isWordLike } of segmenter().segment(token)) {
    if (isWordLike) each(lowered ? segment : segment.toLowerCase(), start + index, start + index + segment.length);
  }
}

/** The words Intl.Segmenter finds in `text` (written without spaces), lower-cased. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter().segment(text)) if (isWordLike) words.push(segment.toLowerCase());
  return words;
}

/** True when `text` holds a character of a script written without spaces between words. */
export function hasUnspacedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 && isUnspaced(c)) return true;
  }
  return false;
}

/**
 * UTF-16 units of scripts written without spaces: Thai, Lao, Myanmar, Khmer,
 * kana, CJK ideographs (and the surrogates of their supplementary planes).
 */
function isUnspaced(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0eff) ||
    (c >= 0x1000 && c <= 0x109f) ||
    (c >= 0x1780 && c <= 0x17ff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0xd840 && c <= 0xd8bf)
  );
}

/** Where the word starts: the first letter or digit (any script). */
function wordStart(token: string): number {
  let i = 0;
  while (i < token.length) {
    const c = token.charCodeAt(i);
    if (c < 128) {
      if (isAsciiWordChar(c)) return i;
      i++;
      continue;
    }
    const point = token.codePointAt(i)!;
    if (WORD_START.test(String.fromCodePoint(point))) return i;
    i += point > 0xffff ? 2 : 1;
  }
  return i;
}

/** Where the word ends: after the last letter, digit or mark (a mark may follow its letter, as in NFD text). */
function wordEnd(token: string, from: number): number {
  let i = token.length;
  while (i > from) {
    const c = token.charCodeAt(i - 1);
    if (c < 128) {
      if (isAsciiWordChar(c)) return i;
      i--;
      continue;
    }
    const width = c >= 0xdc00 && c <= 0xdfff && i - 2 >= from ? 2 : 1;
    if (WORD_END.test(token.slice(i - width, i))) return i;
    i -= width;
  }
  return i;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_END = /^[\p{L}\p{N}\p{M}]$/u;
/** Non-ASCII characters JavaScript's \s matches (what lunr.tokenizer.separator splits on). */
const SPACE = /\s/;
/**
 * Word boundaries for text without spaces; a fixed locale, so every machine cuts
 * the same way. Made on first use: it takes ~70 ms, which a library in Latin or
 * Cyrillic script (and every worker's start) need not pay.
 */
let wordSegmenter: Intl.Segmenter | null = null;
function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  return wordSegmenter;
}
const QUERY_PIPELINE = new TermPipeline();
