// A story has no headline, so its list row shows the summary's first sentence
// (the title) and a little of what follows (the snippet). Computed once per
// story at load (see load-library.ts); the app and the CLI show what it gives.
//
// Sentence splitting is a short hand-written rule rather than a library
// (Intl.Segmenter's sentence mode breaks after "U.S." and "Dr."): a sentence
// ends at `.`, `!`, `?` or `…` (plus closing quotes) followed by a space and a
// capital, digit or opening quote — except after an abbreviation ("Dr.",
// "Gen.", "e.g.") or letters with dots ("U.S.", the initials in "J. K.
// Rowling"). Decimals ("3.5") have no space after the dot, so never break.
// CJK full stops end a sentence without a space.

/** What a story's list row shows. */
export interface Headline {
  /** The summary's first sentence, without its full stop, cut at a word boundary with "…" when too long. */
  title: string;
  /**
   * The summary after its first sentence, shortened like the title. For a one-sentence
   * summary, the rest of the sentence after the title's cut ("…" first), or `''` when the
   * title holds it all.
   */
  snippet: string;
}

export interface HeadlineLimits {
  /** Most characters of the title. Default 90. */
  title?: number;
  /** Most characters of the snippet. Default 160. */
  snippet?: number;
}

/** The title and snippet of a story with this `summary`, finding its first sentence once. */
export function headline(summary: string, limits: HeadlineLimits = {}): Headline {
  const text = collapse(summary);
  const end = firstSentenceEnd(text);
  let sentence = text.slice(0, end).trim();
  // Headline style: no final full stop — unless it belongs to "U.S." and the like.
  if (/[^.]\.$/u.test(sentence) && !isAbbreviation(lastWord(sentence))) sentence = sentence.slice(0, -1);
  const title = shorten(sentence, limits.title ?? TITLE_MAX);
  const snippetMax = limits.snippet ?? SNIPPET_MAX;
  const rest = text.slice(end).trim();
  if (rest) return { title, snippet: shorten(rest, snippetMax) };
  // One sentence: what the title's cut left out, if anything.
  const shown = title.endsWith(ELLIPSIS) ? title.slice(0, -ELLIPSIS.length) : null;
  const remainder = shown !== null && text.startsWith(shown) ? text.slice(shown.length).trim() : '';
  return { title, snippet: remainder ? shorten(ELLIPSIS + remainder, snippetMax) : '' };
}

/**
 * A snippet of any text — an orphaned note's row shows its note this way: whitespace
 * collapsed, cut at a word boundary with "…" when longer than `max`.
 */
export function textSnippet(text: string, max = SNIPPET_MAX): string {
  return shorten(collapse(text), max);
}

const TITLE_MAX = 90;
const SNIPPET_MAX = 160;
const ELLIPSIS = '…';

/**
 * Index just after the first sentence of `text` (its length when there is one sentence).
 * `text` is collapsed (single spaces, trimmed). Linear: it looks at the text around each
 * candidate stop without copying the rest, which matters for 100,000 titles at start.
 */
function firstSentenceEnd(text: string): number {
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (CJK_STOP.test(m[0])) return end;
    if (end >= text.length) return end;
    NEXT_SENTENCE.lastIndex = end;
    if (!NEXT_SENTENCE.test(text)) continue;
    if (m[0].startsWith('.') && isAbbreviation(wordEndingAt(text, m.index + 1))) continue;
    return end;
  }
  return text.length;
}

/** Cut `text` to at most `max` characters at a word boundary, ending with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(1, max - ELLIPSIS.length));
  // Back off to a word boundary in the second half of the cut (unless the cut
  // already ends a word); otherwise (CJK, one huge word) keep the hard cut.
  const space = cut.lastIndexOf(' ');
  if (text[cut.length] !== ' ' && space > cut.length / 2) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/[\s,;:(\-–—]+$/u, '') + ELLIPSIS;
}

/** The last whitespace-separated word of `text`, without opening quotes or brackets. */
function lastWord(text: string): string {
  return wordEndingAt(text, text.length);
}

/** The space-separated word of collapsed `text` that ends at `end`, without opening quotes or brackets. */
function wordEndingAt(text: string, end: number): string {
  const start = text.lastIndexOf(' ', end - 1) + 1;
  return text.slice(start, end).replace(/^["'“‘«([]+/u, '');
}

/** "U.S.", "J.", "e.g.", "Dr." and the other abbreviations after which a dot does not end a sentence. */
function isAbbreviation(word: string): boolean {
  if (/^(?:\p{L}\.)+$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.replace(/\.$/u, '').toLowerCase());
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Sentence-ending punctuation, closing quotes, then a space, the end, or a CJK stop. */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s|$)|[。！？]+[」』）]*/gu;

/** What the next sentence may start with, after the space: a capital, a digit, an opening quote or bracket. */
const NEXT_SENTENCE = /\s*[\p{Lu}\p{Lt}\p{Lo}\p{N}"'“‘«([¿¡]/uy;

const CJK_STOP = /[。！？]/u;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft',
  'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig', 'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb',
  'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn',
  // Not "etc." or "no.": they end sentences more often than they abbreviate.
  'vol', 'fig', 'approx', 'vs', 'al', 'cf',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e',
]);
