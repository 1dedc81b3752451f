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
//
// Rule 1 is the scanner in topic-scanner.ts; the word lists (joining words,
// titles, stop words, nationalities, aliases) are data in topic-words.json.

import type { Topic } from '../types';
import { collectRuns, hashWord, INITIAL, isAcronym, isCapitalised, newEvidence } from './topic-scanner';
import type { WordEvidence } from './topic-scanner';
import { ADJECTIVES, ALIASES, COMPASS, JOINERS, NATIONALITIES } from './topic-words';

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

function isNationality(word: string): boolean {
  const lower = word.toLowerCase();
  return NATIONALITIES.has(lower) || (lower.endsWith('s') && NATIONALITIES.has(lower.slice(0, -1)));
}

// ——— Defaults ———

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
