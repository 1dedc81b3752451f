// Topics: the people, places and organisations the stories are about, found as
// proper-noun phrases in their text ("North Korea", "Kim Jong Un", "Bank of
// England", "U.S."). A name becomes a topic when enough stories mention it.
//
// Hand-written and linear on purpose. A general NLP library (compromise) was
// considered: its tagging handles more odd cases, but it tags every word of
// every sentence against a full lexicon, too slow for a 100,000-story library.
// This takes about 2 s for 100,000 stories the size of the sample's (84 MB of
// text) and allocates nothing for lower-case words. The rules, in order:
//
// 1. Words are grouped into runs of capitalised words separated by single
//    spaces; "of", "the", "de", "bin"… may join two capitalised words ("Bank of
//    England"). Punctuation, a possessive ("Russia's" → "Russia"), a title
//    ("President", "Minister", "General") or a stop word ends a run, so "US
//    President Donald Trump" gives "US" and "Donald Trump".
// 2. Capitals at the start of a sentence prove nothing. A run's sentence-initial
//    word counts only if the same word is capitalised mid-sentence somewhere
//    (alone, for a one-word run), or if it never appears in lower case at all
//    ("Turkey", "Kramatorsk"); otherwise it is dropped and the rest of the run
//    kept ("The Kremlin" → "Kremlin", "Recent developments" → nothing).
// 3. Demonyms and other adjectives of nationality are not topics: a run made only
//    of them and compass words ("Russian", "North Korean", "Middle Eastern") is
//    dropped, but "European Union" or "Eastern Europe" stay. A small list, not a
//    suffix rule: "-an" also ends Iran, Sudan and Japan.
// 4. Spellings of one name share a topic: dots are ignored ("U.S." = "US") and
//    a few aliases are folded ("United States" = "U.S."); the topic shows the
//    spelling used most.
// 5. A one-word name is folded into a longer, person-like name when the stories
//    say they are the same: "Trump" into "Donald Trump" (a surname, when a third
//    of the stories naming "Trump" also name "Donald Trump", or when the bare
//    surname is the rarer), "Kim" into "Kim Jong Un" (family name first: three
//    words, two thirds). Never when two longer names qualify, and never across
//    a compass or nationality word, a joining word or an acronym: "Korea" stays
//    apart from "North Korea" and "South Korea", "UK" from "UK Foreign Office".
//
// Known limits: hyphenated names of two capitalised words are split when one
// half is a name by itself ("Russia-U.S." → "Russia", "U.S."), so a name like
// "Guinea-Bissau" may split too; a word that only ever starts sentences and is
// never written in lower case counts as a name (right for "Turkey", wrong for
// a template word in generated text); stop words and titles break names that
// contain them ("Theresa May", "UN General Assembly"); languages without
// capitals (CJK) give no topics.

import type { Topic } from '../types';

export interface DeriveTopicsOptions {
  /** A name becomes a topic only when at least this many stories mention it. Default 2. */
  minStories?: number;
  /** Keep at most this many topics, those with the most stories first. Default 60. */
  maxTopics?: number;
}

/** The fields of a story that topics are read from. */
export interface TopicSource {
  id: string;
  summary: string;
  reflection: string;
  question: string;
}

export interface DerivedTopics {
  /** Most stories first, then by name. */
  topics: Topic[];
  /** Every story id → names of its topics, most specific (fewest stories) first. */
  topicsByStory: Map<string, string[]>;
}

/** Find the topics of a set of stories. Linear in the length of their text. */
export function deriveTopics(stories: readonly TopicSource[], options: DeriveTopicsOptions = {}): DerivedTopics {
  const minStories = options.minStories ?? DEFAULT_MIN_STORIES;
  const maxTopics = options.maxTopics ?? DEFAULT_MAX_TOPICS;

  let chars = 0;
  for (const story of stories) chars += story.summary.length + story.reflection.length + story.question.length;
  const words = newEvidence(chars);
  const names = new Map<string, NameStats>();

  // Pass 1: read every story once. Runs whose meaning depends on the evidence of
  // the whole text (a sentence-initial word, a hyphenated pair) wait for pass 2;
  // the others are counted at once, so that little is kept in memory.
  const waiting: Run[] = [];
  let story = 0;
  const onRun = (run: string[], atSentenceStart: boolean): void => {
    if (atSentenceStart || (run.length === 1 && run[0]!.includes('-'))) waiting.push({ story, words: run, atSentenceStart });
    else {
      const name = nameOfRun(run);
      if (name) countName(names, name, story, false);
    }
  };
  for (; story < stories.length; story++) {
    const { summary, reflection, question } = stories[story]!;
    collectRuns(summary, onRun, words);
    collectRuns(reflection, onRun, words);
    collectRuns(question, onRun, words);
  }

  // Pass 2: the waiting runs, in story order (counted apart, then merged, to keep story lists sorted).
  for (const run of waiting) {
    for (const part of resolveRun(run, words)) {
      const name = nameOfRun(part);
      if (name) countName(names, name, run.story, true);
    }
  }
  for (const stats of names.values()) {
    if (stats.late) stats.stories = mergeSorted(stats.stories, stats.late);
    stats.late = undefined;
  }

  foldShortNames(names);

  const kept: Array<{ name: string; stories: number[] }> = [];
  for (const [key, stats] of names) {
    if (stats.stories.length >= minStories) kept.push({ name: displayName(key, stats), stories: stats.stories });
  }
  kept.sort((a, b) => b.stories.length - a.stories.length || compareNames(a.name, b.name));
  kept.length = Math.min(kept.length, maxTopics);

  const byStory: string[][] = stories.map(() => []);
  // Walk from the smallest topic up, so each list is most specific first.
  for (let t = kept.length - 1; t >= 0; t--) {
    const topic = kept[t]!;
    for (const i of topic.stories) byStory[i]!.push(topic.name);
  }
  return {
    topics: kept.map((topic) => ({ name: topic.name, storyIds: topic.stories.map((i) => stories[i]!.id) })),
    topicsByStory: new Map(stories.map((story, i) => [story.id, byStory[i]!])),
  };
}

/** A run of capitalised words that waits for pass 2. */
interface Run {
  /** Index of the story it was read from. */
  story: number;
  words: string[];
  /** The first word starts a sentence, so its capital proves nothing. */
  atSentenceStart: boolean;
}

/**
 * What the whole text says about words, as sets of `hashWord` hashes in bit
 * maps: much faster than sets of strings, and a collision (rare at the sizes
 * chosen) can only make one sentence-initial word count or not count.
 */
interface WordEvidence {
  /** Words seen capitalised somewhere other than at a sentence start… */
  midSentence: HashBits;
  /** …and there forming a one-word run by themselves. */
  midSentenceAlone: HashBits;
  /** Words forming a one-word run anywhere, sentence starts included. */
  alone: HashBits;
  /** Lower-case words. */
  lowerCase: HashBits;
}

interface NameStats {
  /** Indexes of the stories naming it, ascending, no repeats. */
  stories: number[];
  /** Stories found in pass 2, ascending, no repeats; merged into `stories` after it. */
  late: number[] | undefined;
  /** How often the key itself was the spelling. */
  asKey: number;
  /** Other spellings ("U.S." for "US") → how often each was seen. Most names have none. */
  spellings: Map<string, number> | undefined;
}

/**
 * Split one field into runs of capitalised words, handing each to `onRun`, and
 * record word evidence on the way. A hand-rolled scanner rather than a regular
 * expression: most words are lower case, and for them it allocates nothing.
 */
function collectRuns(text: string, onRun: (run: string[], atSentenceStart: boolean) => void, words: WordEvidence): void {
  const classes = charClasses();
  let run: string[] = [];
  let runAtStart = false;
  let joiners: string[] = [];
  const endRun = (): void => {
    if (run.length > 0) {
      if (run.length === 1) {
        const hash = hashWord(run[0]!);
        words.alone.add(hash);
        if (!runAtStart) words.midSentenceAlone.add(hash);
      }
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
      words.lowerCase.add(hash);
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
        words.lowerCase.add(hashWord(part));
        endRun();
      } else if (NOT_NAMES.has(part) && !isAcronym(part)) {
        endRun();
      } else {
        if (!sentenceStart) words.midSentence.add(hashWord(part));
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

/** Pass 2: apply the sentence-start rule (2) and split hyphenated pairs. */
function resolveRun(run: Run, words: WordEvidence): string[][] {
  let list = run.words;
  if (run.atSentenceStart) {
    const first = list[0]!;
    const evidence = list.length === 1 ? words.midSentenceAlone : words.midSentence;
    const proven = evidence.has(hashWord(first)) || !words.lowerCase.has(hashWord(first.toLowerCase()));
    if (!proven) {
      let i = 1;
      while (i < list.length && JOINERS.has(list[i]!)) i++;
      list = list.slice(i);
    }
  }
  if (list.length === 1 && list[0]!.includes('-')) {
    const halves = list[0]!.split('-');
    if (halves.every(isCapitalised) && halves.some((h) => words.alone.has(hashWord(h)))) return halves.map((h) => [h]);
  }
  return [list];
}

/** The name a run stands for, or `undefined` for nationality words, initials and over-long runs (rule 3). */
function nameOfRun(run: string[]): string | undefined {
  if (run.length === 0 || run.length > MAX_NAME_WORDS) return undefined;
  let adjectives = 0;
  let initials = 0;
  for (const word of run) {
    if (ADJECTIVES.has(word)) adjectives++;
    else if (word.length === 2 && INITIAL.test(word)) initials++;
  }
  if (adjectives === run.length || initials === run.length) return undefined;
  return run.length === 1 ? run[0] : run.join(' ');
}

function countName(names: Map<string, NameStats>, name: string, story: number, late: boolean): void {
  const key = keyOf(name);
  let stats = names.get(key);
  if (!stats) names.set(key, (stats = { stories: [], late: undefined, asKey: 0, spellings: undefined }));
  if (name === key) stats.asKey++;
  else (stats.spellings ??= new Map()).set(name, (stats.spellings.get(name) ?? 0) + 1);
  const list = late ? (stats.late ??= []) : stats.stories;
  if (list.at(-1) !== story) list.push(story);
}

/** The spelling used most ("U.S." over "US"); the longer one on a tie. */
function displayName(key: string, stats: NameStats): string {
  let best = key;
  let bestCount = stats.asKey;
  for (const [spelling, count] of stats.spellings ?? []) {
    if (count > bestCount || (count === bestCount && spelling.length > best.length)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Fold one-word names into the longer name they stand for (rule 5 above), merging their stories. */
function foldShortNames(names: Map<string, NameStats>): void {
  // One-word key → longer keys that end with it (surnames) or start with it.
  const longer = new Map<string, Array<{ key: string; asSurname: boolean }>>();
  for (const key of names.keys()) {
    if (!key.includes(' ')) continue;
    const parts = key.split(' ');
    if (parts.length > MAX_FOLD_WORDS) continue;
    const first = parts[0]!;
    const last = parts.at(-1)!;
    // Only person-like names: never across a compass or nationality word ("North Korea",
    // "European Union", "Eastern Europe"), a joining word ("Bank of England") or an acronym ("UK Foreign Office").
    if (parts.some((p) => COMPASS.has(p.toLowerCase()) || isNationality(p) || JOINERS.has(p) || isAcronym(p))) continue;
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

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Number of values two ascending lists share. */
function countCommon(a: number[], b: number[]): number {
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

/** Union of two ascending lists, ascending, no repeats. */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) {
      if (out.at(-1) !== x) out.push(x);
      i++;
    } else {
      if (out.at(-1) !== y) out.push(y);
      j++;
    }
  }
  return out;
}

/** The identity of a name: dots dropped ("U.S." = "US"), then aliases. */
function keyOf(name: string): string {
  const key = name.includes('.') ? name.replace(/\./gu, '') : name;
  return ALIASES.get(key) ?? key;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(word) || (word.includes('-') && PARTICLES.has(word.slice(0, word.indexOf('-')).toLowerCase()));
}

/** "NATO", "EU", "U.S." — all capitals, so never a stop word ("US" is not "us"). An initial ("W.") is not one. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && !/\p{Ll}/u.test(word) && !INITIAL.test(word);
}

function isPossessive(word: string): boolean {
  const quote = word.charCodeAt(word.length - 2);
  return word.length > 2 && word.charCodeAt(word.length - 1) === 0x73 && (quote === 0x27 || quote === 0x2019); // 's ’s
}

function isNationality(word: string): boolean {
  const lower = word.toLowerCase();
  return NATIONALITIES.has(lower) || (lower.endsWith('s') && NATIONALITIES.has(lower.slice(0, -1)));
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// ——— Scanner internals ———

/** A set of 30-bit hashes as a bit map: no allocation per word, a small chance of collision. */
class HashBits {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  constructor(log2Size: number) {
    this.bits = new Uint32Array(2 ** (log2Size - 5));
    this.mask = 2 ** log2Size - 1;
  }
  add(hash: number): void {
    const bit = hash & this.mask;
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  has(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** Bit maps of about 8 bits per character of text, from 64 Kbit to 64 Mbit (8 MB): under 1 % collisions. */
function newEvidence(chars: number): WordEvidence {
  const log2Size = Math.min(26, Math.max(16, Math.ceil(Math.log2(Math.max(1, chars) * 8))));
  const bits = (): HashBits => new HashBits(log2Size);
  return { midSentence: bits(), midSentenceAlone: bits(), alone: bits(), lowerCase: bits() };
}

/** The scanner's hash of a word. */
function hashWord(word: string): number {
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
const INITIAL = /^\p{Lu}\.$/u;

// ——— Defaults and word lists ———

const DEFAULT_MIN_STORIES = 2;
const DEFAULT_MAX_TOPICS = 60;
/** Longer runs are title-case headlines or quotes, not names. */
const MAX_NAME_WORDS = 6;
/** Only names this short take in a one-word name ("Democratic Republic of the Congo" does not take "Congo"). */
const MAX_FOLD_WORDS = 4;
/** Share of the stories naming "Trump" that must also name "Donald Trump" for the fold. */
const SURNAME_SHARE = 1 / 3;
/** Share of the stories naming "Kim" that must also name "Kim Jong Un" (first words are riskier: "Gaza", "Gaza Strip"). */
const FIRST_WORD_SHARE = 2 / 3;

/** Lower-case words that may join capitalised words inside a name. */
const JOINERS: ReadonlySet<string> = new Set(['of', 'the', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el']);
const JOINER_HASHES = new Map([...JOINERS].map((w) => [hashWord(w), w]));

/** Lower-case prefixes that make a hyphenated word a name ("al-Assad"). */
const PARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'bin', 'ibn', 'abu']);

const COMPASS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'central', 'middle', 'upper', 'lower', 'far', 'near',
]);

/** Titles end a run and are never topics themselves: "President Donald Trump" → "Donald Trump". */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'premier', 'governor', 'mayor', 'senator',
  'congressman', 'congresswoman', 'representative', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson',
  'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'sheikh', 'ayatollah', 'cardinal', 'archbishop', 'bishop',
  'general', 'colonel', 'lieutenant', 'major', 'captain', 'admiral', 'commander', 'sergeant', 'marshal', 'brigadier',
  'chairman', 'chairwoman', 'chair', 'director', 'chief', 'ceo', 'leader', 'judge', 'justice',
  'former', 'acting', 'deputy', 'interim', 'late',
]);

/** Capitalised words that are not names: sentence starters, days, months. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'your', 'them', 'him', 'us', 'me',
  'what', 'which', 'who', 'whom', 'whose', 'why', 'how', 'when', 'where', 'whether',
  'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'has', 'have', 'had',
  'in', 'on', 'at', 'as', 'by', 'for', 'from', 'to', 'of', 'with', 'without', 'within', 'into', 'onto', 'over', 'under',
  'after', 'before', 'during', 'since', 'until', 'while', 'amid', 'amidst', 'among', 'amongst', 'against', 'despite',
  'following', 'according', 'across', 'along', 'around', 'through', 'throughout', 'between', 'beyond', 'toward',
  'towards', 'upon', 'about', 'above', 'below', 'via', 'per',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'then', 'than', 'though', 'although', 'because', 'unless', 'once',
  'also', 'still', 'now', 'today', 'tonight', 'yesterday', 'tomorrow', 'meanwhile', 'however', 'moreover',
  'furthermore', 'nevertheless', 'nonetheless', 'instead', 'indeed', 'thus', 'therefore', 'hence', 'otherwise',
  'all', 'any', 'both', 'each', 'every', 'either', 'neither', 'few', 'many', 'more', 'most', 'much', 'other', 'another',
  'some', 'several', 'such', 'no', 'not', 'none', 'only', 'just', 'even', 'recent', 'recently', 'latest', 'further',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundreds', 'thousands', 'millions',
  'first', 'second', 'third', 'last', 'next', 'final',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'yes', 'oh', 'ok', 'okay', 'please', 'thanks', 'dear', 'hello',
]);

/** Nationality and religion adjectives (and their plurals): not topics by themselves. */
const NATIONALITIES = new Set([
  'afghan', 'african', 'albanian', 'algerian', 'american', 'arab', 'arabian', 'argentine', 'argentinian', 'armenian',
  'asian', 'australian', 'austrian', 'azerbaijani', 'azeri', 'bangladeshi', 'belarusian', 'belgian', 'bolivian',
  'bosnian', 'brazilian', 'british', 'bulgarian', 'burmese', 'cambodian', 'canadian', 'chechen', 'chilean', 'chinese',
  'colombian', 'congolese', 'croatian', 'cuban', 'cypriot', 'czech', 'danish', 'dutch', 'ecuadorian', 'egyptian',
  'emirati', 'english', 'eritrean', 'estonian', 'ethiopian', 'european', 'filipino', 'finnish', 'french', 'georgian',
  'german', 'ghanaian', 'greek', 'haitian', 'hungarian', 'icelandic', 'indian', 'indonesian', 'iranian', 'iraqi',
  'irish', 'israeli', 'italian', 'jamaican', 'japanese', 'jordanian', 'kazakh', 'kenyan', 'korean', 'kosovar',
  'kurdish', 'kuwaiti', 'kyrgyz', 'latvian', 'lebanese', 'libyan', 'lithuanian', 'malaysian', 'malian', 'mexican',
  'moldovan', 'mongolian', 'moroccan', 'nigerian', 'nigerien', 'norwegian', 'pakistani', 'palestinian', 'panamanian',
  'peruvian', 'polish', 'portuguese', 'qatari', 'romanian', 'russian', 'rwandan', 'saudi', 'scottish', 'senegalese',
  'serbian', 'slovak', 'slovenian', 'somali', 'soviet', 'spanish', 'sudanese', 'swedish', 'swiss', 'syrian',
  'taiwanese', 'tajik', 'thai', 'tibetan', 'tunisian', 'turkish', 'turkmen', 'ugandan', 'ukrainian', 'uzbek',
  'venezuelan', 'vietnamese', 'welsh', 'yemeni', 'zambian', 'zimbabwean', 'latin', 'nordic', 'baltic', 'balkan',
  'western', 'eastern', 'northern', 'southern', 'atlantic', 'pacific', 'transatlantic',
  'islamic', 'islamist', 'muslim', 'christian', 'jewish', 'catholic', 'orthodox', 'protestant', 'sunni', 'shia',
  'shiite', 'hindu', 'buddhist',
]);

/** Other spellings of one name (dots already dropped) → the key they share. */
const ALIASES = new Map([
  ['USA', 'US'],
  ['United States', 'US'],
  ['United States of America', 'US'],
  ['UK', 'UK'],
  ['United Kingdom', 'UK'],
  ['United Nations', 'UN'],
  ['European Union', 'EU'],
]);

/** Stop words and titles as they appear capitalised ("The", "President"), for a lookup without lower-casing. */
const NOT_NAMES: ReadonlySet<string> = new Set([...STOP_WORDS, ...TITLES].map(titleCase));

/** Nationality and compass words as they appear capitalised, with plurals ("Russian", "Russians", "North"). */
const ADJECTIVES: ReadonlySet<string> = new Set(
  [...NATIONALITIES, ...[...NATIONALITIES].map((w) => `${w}s`), ...COMPASS].flatMap((w) => [titleCase(w), w.toUpperCase()]),
);
