// The topic finder's scanner (see topics.ts): reads a field of a story once,
// handing on each run of capitalised words — words separated by single spaces,
// joined by "of", "the", "de"… ("Bank of England"), ended by punctuation, a
// possessive, a title or a stop word — with whether its first word starts a
// sentence. A run may end with a lower-case tail ("Zaporizhzhia nuclear power
// plant"); topic-candidates.ts keeps it whole only where it recurs.

import { JOINERS, NOT_NAMES, PARTICLES, TAILS } from './topic-words';

/**
 * Split one field into runs of capitalised words, handing each to `onRun`. A
 * hand-rolled scanner rather than a regular expression: most words are lower
 * case, and for them it allocates nothing.
 */
export function collectRuns(text: string, onRun: (run: string[], atSentenceStart: boolean) => void): void {
  const classes = charClasses();
  let run: string[] = [];
  let runAtStart = false;
  let joiners: string[] = [];
  const endRun = (): void => {
    if (run.length > 0) {
      onRun(run, runAtStart);
      run = [];
    }
    if (joiners.length > 0) joiners = [];
  };

  const n = text.length;
  let sentenceStart = true;
  let gapSpaces = 0;
  let gapOther = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (classes[c] === OTHER) {
      if (c === 0x20) gapSpaces++;
      else {
        gapOther = true;
        if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) sentenceStart = true; // . ! ? …
      }
      i++;
      continue;
    }
    // Words in a run are separated by exactly one space.
    if (gapOther || gapSpaces > 1) endRun();
    gapSpaces = 0;
    gapOther = false;

    // A word: word characters, with inner - ' ’ . between them ("al-Assad", "O'Brien", "U.S").
    const start = i;
    let hasCapital = classes[c] === CAPITAL;
    let hasHyphen = false;
    let hash = c;
    let end = i + 1;
    while (end < n) {
      const d = text.charCodeAt(end);
      const kind = classes[d];
      if (kind === OTHER) {
        const inner = (d === 0x2d || d === 0x27 || d === 0x2019 || d === 0x2e) && end + 1 < n && classes[text.charCodeAt(end + 1)] !== OTHER;
        if (!inner) break;
        if (d === 0x2d) hasHyphen = true;
      } else if (kind === CAPITAL) hasCapital = true;
      hash = (hash * 31 + d) & HASH_MASK;
      end++;
    }

    if (!hasCapital) {
      // The common case: a lower-case word (or a number). Only a joining word keeps the run open.
      if (run.length > 0 && joiners.length === 0) {
        const tail = tailAt(text, start, hash, classes);
        if (tail !== undefined) {
          run.push(tail);
          endRun();
          sentenceStart = false;
          i = start + tail.length;
          continue;
        }
      }
      let joiner = run.length > 0 && joiners.length < 2 ? JOINER_HASHES.get(hash) : undefined;
      // "the" only after another joiner ("Republic of the Congo"), not "…told Russia the Kremlin…".
      if (joiner === 'the' && joiners.length === 0) joiner = undefined;
      if (joiner !== undefined && text.startsWith(joiner, start) && end - start === joiner.length) joiners.push(joiner);
      else if (run.length > 0) endRun(); // Joiners only wait after a word of a run.
      sentenceStart = false;
      i = end;
      continue;
    }

    let word = text.slice(start, end);
    // "U.S.", "J.", "Russia-U.S." — the dot belongs to the word, and does not end the sentence.
    const dotted = text.charCodeAt(end) === 0x2e && DOTTED.test(hasHyphen ? word.slice(word.lastIndexOf('-') + 1) : word);
    if (dotted) {
      word += '.';
      end++;
    }
    i = end;
    const possessive = !dotted && isPossessive(word);
    if (possessive) word = word.slice(0, -2);

    const parts = hasHyphen ? splitHyphenated(word) : undefined;
    const count = parts ? parts.length : 1;
    for (let p = 0; p < count; p++) {
      const part = parts ? parts[p]! : word;
      if (parts && !isCapitalised(part)) {
        endRun();
      } else if (NOT_NAMES.has(part) && !isAcronym(part)) {
        endRun();
      } else {
        if (run.length === 0) runAtStart = sentenceStart;
        for (const joiner of joiners) run.push(joiner);
        if (joiners.length > 0) joiners = [];
        run.push(part);
      }
      sentenceStart = false;
      // Parts of a hyphenated word are names of their own ("Russia-held" → "Russia").
      if (p < count - 1) endRun();
    }
    if (possessive) endRun();
    // After "U.S." a capital may start a new sentence: "…aid from the U.S. Ukraine's army…".
    if (dotted && word.length > 2) {
      endRun();
      sentenceStart = true;
    }
  }
  endRun();
}

/**
 * "al-Assad", "Jong-un" and "Rolls-Royce" stay one word; "Russia-held" →
 * ["Russia", "held"]. Two capitalised halves are split later, in pass 2, when
 * one half is a name by itself ("Russia-U.S." → "Russia", "U.S.").
 */
function splitHyphenated(word: string): string[] {
  const parts = word.split('-');
  if (parts.length === 2 && PARTICLES.has(parts[0]!.toLowerCase()) && isCapitalised(parts[1]!)) return [word];
  if (parts.length === 2 && isCapitalised(parts[0]!) && /^\p{Ll}{1,2}$/u.test(parts[1]!)) return [word];
  if (parts.every(isCapitalised)) return [word];
  return parts.filter((p) => p.length > 0);
}

export function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(word) || (word.includes('-') && PARTICLES.has(word.slice(0, word.indexOf('-')).toLowerCase()));
}

/** "NATO", "EU", "U.S." — all capitals, so never a stop word ("US" is not "us"). An initial ("W.") is not one. */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && !/\p{Ll}/u.test(word) && !INITIAL.test(word);
}

function isPossessive(word: string): boolean {
  const quote = word.charCodeAt(word.length - 2);
  return word.length > 2 && word.charCodeAt(word.length - 1) === 0x73 && (quote === 0x27 || quote === 0x2019); // 's ’s
}

// ——— Scanner internals ———

/** The scanner's hash of a word. */
export function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (hash * 31 + word.charCodeAt(i)) & HASH_MASK;
  return hash;
}

const OTHER = 0;
const WORD_CHAR = 1;
const CAPITAL = 2;
/** 30 bits: small integers stay unboxed in V8. */
const HASH_MASK = 0x3fffffff;

let classTable: Uint8Array | undefined;

/** OTHER, WORD_CHAR (letter, mark, digit) or CAPITAL for each UTF-16 code unit; built once, in ~10 ms. */
function charClasses(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (/[\p{Lu}\p{Lt}]/u.test(ch)) table[c] = CAPITAL;
    // Surrogates: letters outside the BMP are rare in news; count them as lower-case word characters.
    else if (/[\p{L}\p{M}\p{N}]/u.test(ch) || (c >= 0xd800 && c <= 0xdfff)) table[c] = WORD_CHAR;
  }
  return (classTable = table);
}

/** Letters with dots, before the final dot: "U.S", "J", "e.g". */
const DOTTED = /^(?:\p{L}\.)*\p{L}$/u;
export const INITIAL = /^\p{Lu}\.$/u;

/** The joining words by their scanner hash, so a lower-case word is recognised without slicing it out. */
const JOINER_HASHES = new Map([...JOINERS].map((w) => [hashWord(w), w]));

/** The tails by the scanner hash of their first word. */
const TAIL_HASHES = new Map([...TAILS].map(([first, tails]) => [hashWord(first), tails]));

/** The tail phrase starting at `start` (a whole-word match), if any. */
function tailAt(text: string, start: number, hash: number, classes: Uint8Array): string | undefined {
  const tails = TAIL_HASHES.get(hash);
  if (tails === undefined) return undefined;
  for (const tail of tails) {
    const end = start + tail.length;
    if (text.startsWith(tail, start) && (end >= text.length || classes[text.charCodeAt(end)] === OTHER)) return tail;
  }
  return undefined;
}
