// The rules that turn runs of capitalised words into names and names into
// topics (topics.ts lists them): which run is a name, which first word of a
// sentence counts, which spellings share a topic, and which one-word names fold
// into longer ones. The word lists they read are data (topic-words.ts).

import { INITIAL, isAcronym, isCapitalised } from './topic-scanner';
import { ADJECTIVES, ALIASES, COMPASS, DEMONYMS, JOINERS, KNOWN } from './topic-words';

/** Names of the whole library that vouch for a sentence-initial word. */
export interface NameEvidence {
  /** One-word names read where a capital proves something (mid-sentence, or known). */
  alone: ReadonlySet<string>;
  /** Every word of those names. */
  words: ReadonlySet<string>;
}

/** The stories naming a name, and how it is written. */
export interface NameStats {
  /** Indexes of the stories naming it, ascending, no repeats. */
  stories: number[];
  /** Spellings seen ("U.S.", "US", "United States") → number of stories; a place reached by a demonym only counts 0. */
  spellings: Map<string, number>;
}

/** A sentence-initial run whose first word is a known name needs no evidence ("Turkey has…", "NATO armies…"). */
export function isKnownStart(run: readonly string[]): boolean {
  const first = run[0]!;
  return KNOWN.has(first) || isAcronym(first) || DEMONYMS.has(first) || (run.length > 1 && KNOWN.has(run.join(' ')));
}

/**
 * A waiting run, resolved against the whole library: a sentence-initial word counts only if it is
 * a name elsewhere ("Quiet story…" gives nothing; "The Kremlin" → "Kremlin"), or starts a run of
 * capitalised words that `recurs` at the start of sentences of two stories, and a hyphenated
 * pair splits when a half is a name by itself ("Russia-U.S." → "Russia", "U.S.").
 */
export function resolveRun(run: readonly string[], atSentenceStart: boolean, evidence: NameEvidence, recurs = false): string[][] {
  const isName = (word: string): boolean => evidence.alone.has(word) || KNOWN.has(word);
  if (run.length === 1 && run[0]!.includes('-')) {
    const halves = run[0]!.split('-');
    if (halves.every(isCapitalised) && halves.some(isName)) {
      return halves.filter((half, i) => i > 0 || !atSentenceStart || isName(half)).map((half) => [half]);
    }
  }
  let list = run;
  if (atSentenceStart) {
    const first = list[0]!;
    // Two capitalised words that start sentences of two stories are a name too ("Christine Lagarde said…").
    const proven = evidence.alone.has(first) || (list.length > 1 && (evidence.words.has(first) || (recurs && isCapitalised(list[1]!))));
    if (!proven) {
      let i = 1;
      while (i < list.length && JOINERS.has(list[i]!)) i++;
      list = list.slice(i);
    }
  }
  return [list as string[]];
}

/** The name a run stands for, or `undefined` for adjectives ("Western"), initials and over-long runs. */
export function nameOfRun(run: readonly string[]): string | undefined {
  if (run.length === 0 || run.length > MAX_NAME_WORDS) return undefined;
  const name = run.length === 1 ? run[0]! : run.join(' ');
  if (KNOWN.has(name)) return name; // A place ("Middle East") or a demonym, folded into its place by `keyOf`.
  // A tail after an adjective is no name: "Russian nuclear plant" is Russia.
  if (run.length > 1 && !isCapitalised(run.at(-1)!) && run.slice(0, -1).every((w) => ADJECTIVES.has(w))) return nameOfRun(run.slice(0, -1));
  let adjectives = 0;
  let initials = 0;
  for (const word of run) {
    if (ADJECTIVES.has(word)) adjectives++;
    else if (word.length === 2 && INITIAL.test(word)) initials++;
  }
  if (adjectives === run.length || initials === run.length) return undefined;
  return name;
}

/**
 * The identity of a name and the spelling it shows: dots dropped ("U.S." = "US"), demonyms
 * folded into their place ("Ukrainians" → "Ukraine", shown only if nothing else is), aliases
 * ("United States" = "US").
 */
export function keyOf(name: string): { key: string; spelling: string; counts: boolean } {
  const dotless = name.includes('.') ? name.replace(/\./gu, '') : name;
  const place = DEMONYMS.get(dotless);
  if (place !== undefined) return { key: ALIASES.get(place) ?? place, spelling: place, counts: false };
  return { key: ALIASES.get(dotless) ?? dotless, spelling: name, counts: true };
}

/** The spelling used in most stories ("U.S." over "US"); on a tie the key's own ("Iran", not "Islamic Republic"), then the longer. */
export function displayName(key: string, stats: NameStats): string {
  let best = key;
  let bestCount = -1;
  let bestOwn = false;
  for (const [spelling, count] of stats.spellings) {
    const own = spelling.replace(/\./gu, '') === key;
    if (count > bestCount || (count === bestCount && (own > bestOwn || (own === bestOwn && spelling.length > best.length)))) {
      bestOwn = own;
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Fold one-word names into the longer, person-like name the stories say they stand for,
 * merging their stories: "Trump" into "Donald Trump" (a surname, when a third of the stories
 * naming "Trump" also name "Donald Trump", or when the bare surname is the rarer), "Kim" into
 * "Kim Jong Un" (family name first: three words, two thirds). Never when two longer names
 * qualify, and never across a compass or nationality word, a joining word or an acronym:
 * "Korea" stays apart from "North Korea", "UK" from "UK Foreign Office".
 */
export function foldShortNames(names: Map<string, NameStats>): void {
  // One-word key → longer keys that end with it (surnames) or start with it.
  const longer = new Map<string, Array<{ key: string; asSurname: boolean }>>();
  for (const key of names.keys()) {
    if (!key.includes(' ')) continue;
    const parts = key.split(' ');
    if (parts.length > MAX_FOLD_WORDS) continue;
    const first = parts[0]!;
    const last = parts.at(-1)!;
    if (parts.some((p) => COMPASS.has(p.toLowerCase()) || ADJECTIVES.has(p) || JOINERS.has(p) || isAcronym(p) || !isCapitalised(p))) continue;
    if (names.has(last)) push(longer, last, { key, asSurname: true });
    // Family name first ("Kim Jong Un", "Kim Jong-un"); two-word names starting with a place are too common ("Gaza Strip").
    if (names.has(first) && (parts.length === 3 || (parts.length === 2 && parts[1]!.includes('-')))) {
      push(longer, first, { key, asSurname: false });
    }
  }

  for (const [short, candidates] of longer) {
    const shortStats = names.get(short)!;
    const passing = candidates.filter(({ key, asSurname }) => {
      const longStats = names.get(key)!;
      const share = countCommon(shortStats.stories, longStats.stories) / shortStats.stories.length;
      if (!asSurname) return share >= FIRST_WORD_SHARE;
      // A bare surname that is rarer than the full name is that person ("Zelenskiy").
      return share >= SURNAME_SHARE || shortStats.stories.length <= longStats.stories.length;
    });
    if (passing.length !== 1) continue; // None, or ambiguous ("Kim Jong Un" and "Kim Yo Jong").
    const target = names.get(passing[0]!.key)!;
    target.stories = mergeSorted(target.stories, shortStats.stories);
    // The longer name's spellings stay the only ones shown: "Donald Trump", not "Trump".
    names.delete(short);
  }
}

/** Union of two ascending lists, ascending, no repeats. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const next = x <= y ? x : y;
    if (x <= y) i++;
    else j++;
    if (out.at(-1) !== next) out.push(next);
  }
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Number of values two ascending lists share. */
function countCommon(a: readonly number[], b: readonly number[]): number {
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      common++;
      i++;
      j++;
    }
  }
  return common;
}

/** Longer runs are title-case headlines or quotes, not names. */
const MAX_NAME_WORDS = 6;
/** Only names this short take in a one-word name ("Democratic Republic of the Congo" does not take "Congo"). */
const MAX_FOLD_WORDS = 4;
/** Share of the stories naming "Trump" that must also name "Donald Trump" for the fold. */
const SURNAME_SHARE = 1 / 3;
/** Share of the stories naming "Kim" that must also name "Kim Jong Un" (first words are riskier: "Gaza", "Gaza Strip"). */
const FIRST_WORD_SHARE = 2 / 3;
