// Topics in two steps, so a library's topics cost only the work of the files
// that changed: `topicCandidates` reads one file's stories, in a read worker,
// and the result is cached with the file; `combineTopics` then resolves, counts
// and folds the candidates of every file, which reads no text at all.
//
// A file's candidates are the names its stories give by themselves, plus the
// runs whose meaning depends on the whole library (a sentence-initial word, a
// hyphenated pair), each once per file with its stories. All evidence is judged
// at the combine step, so combining a library's files gives exactly the topics
// of its stories read as one: how the stories are split into files never
// changes a topic. The candidates are plain data (strings and typed arrays), so
// they cross threads by structured clone and are stored by v8.serialize.

import type { Topic } from '../types';
import { collectRuns } from './topic-scanner';
import type { NameEvidence, NameStats } from './topic-rules';
import { displayName, foldShortNames, isKnownStart, keyOf, mergeSorted, nameOfRun, resolveRun } from './topic-rules';

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

/** Bump when the rules or the shape below change: cached candidates are then read again. */
export const TOPIC_RULES_VERSION = 2;

/** What one file's stories say about topics. */
export interface FileTopicCandidates {
  /** Names (`entries[0 .. waitingFrom)`), then runs waiting for the library's evidence, words joined by single spaces. */
  entries: string[];
  waitingFrom: number;
  /** Per waiting run (`entries[waitingFrom + w]`): 1 when its first word starts a sentence. */
  atSentenceStart: Uint8Array;
  /** Entry e is in the file's stories `stories[ends[e - 1] ?? 0 .. ends[e])` (indexes in the file, ascending). */
  ends: Int32Array;
  stories: Int32Array;
}

/** A topic with its stories as positions in the library's story list, ascending. */
export interface IndexedTopic {
  name: string;
  stories: number[];
}

/** What one file's stories (in file order) say about topics. Linear in their text. */
export function topicCandidates(stories: readonly TopicSource[]): FileTopicCandidates {
  const names = new Map<string, number[]>();
  const atStart = new Map<string, number[]>();
  const hyphenated = new Map<string, number[]>();
  let story = 0;
  const onRun = (run: string[], atSentenceStart: boolean): void => {
    if (atSentenceStart && !isKnownStart(run)) addStory(atStart, run.join(' '), story);
    else if (run.length === 1 && run[0]!.includes('-')) addStory(hyphenated, run[0]!, story);
    else {
      const name = nameOfRun(run);
      if (name !== undefined) addStory(names, name, story);
    }
  };
  for (; story < stories.length; story++) {
    const { summary, reflection, question } = stories[story]!;
    collectRuns(summary, onRun);
    collectRuns(reflection, onRun);
    collectRuns(question, onRun);
  }

  const entries = [...names.keys(), ...atStart.keys(), ...hyphenated.keys()];
  const lists = [...names.values(), ...atStart.values(), ...hyphenated.values()];
  const ends = new Int32Array(lists.length);
  let total = 0;
  lists.forEach((list, e) => (ends[e] = total += list.length));
  const flat = new Int32Array(total);
  lists.forEach((list, e) => flat.set(list, ends[e]! - list.length));
  const startFlags = new Uint8Array(atStart.size + hyphenated.size);
  startFlags.fill(1, 0, atStart.size);
  return { entries, waitingFrom: names.size, atSentenceStart: startFlags, ends, stories: flat };
}

/**
 * The library's topics from its files' candidates. `placement[f][i]` is the position in the
 * library of file f's i-th story, or -1 when it was dropped (a duplicate). Most stories first,
 * then by name; each topic's stories ascending.
 */
export function combineTopics(
  perFile: readonly FileTopicCandidates[],
  placement: readonly ArrayLike<number>[],
  options: DeriveTopicsOptions = {},
): IndexedTopic[] {
  const minStories = options.minStories ?? DEFAULT_MIN_STORIES;
  const maxTopics = options.maxTopics ?? DEFAULT_MAX_TOPICS;

  // Every spelling with its stories, in library positions; waiting runs apart, merged across files.
  const spellings = new Map<string, number[]>();
  const waiting = new Map<string, number[]>();
  perFile.forEach((file, f) => {
    const places = placement[f]!;
    for (let e = 0; e < file.entries.length; e++) {
      const atStart = e >= file.waitingFrom && file.atSentenceStart[e - file.waitingFrom] === 1;
      const key = e < file.waitingFrom ? file.entries[e]! : `${atStart ? '^' : '-'}${file.entries[e]!}`;
      const into = e < file.waitingFrom ? spellings : waiting;
      for (let s = e === 0 ? 0 : file.ends[e - 1]!; s < file.ends[e]!; s++) {
        const story = places[file.stories[s]!];
        if (story !== undefined && story >= 0) addStory(into, key, story);
      }
    }
  });

  // Hyphenated words read mid-sentence vouch too ("Rolls-Royce").
  const evidence = evidenceOf([...spellings.keys(), ...[...waiting.keys()].filter((key) => key.startsWith('-')).map((key) => key.slice(1))]);
  for (const [key, stories] of waiting) {
    for (const part of resolveRun(key.slice(1).split(' '), key.startsWith('^'), evidence, new Set(stories).size >= 2)) {
      const name = nameOfRun(part);
      if (name !== undefined) addStories(spellings, name, stories);
    }
  }
  foldRareTails(spellings, minStories);

  const names = new Map<string, NameStats>();
  for (const [spelling, unsorted] of spellings) {
    const stories = ascending(unsorted);
    const { key, spelling: shown, counts } = keyOf(spelling);
    const stats = names.get(key);
    if (!stats) names.set(key, { stories, spellings: new Map([[shown, counts ? stories.length : 0]]) });
    else {
      stats.stories = mergeSorted(stats.stories, stories);
      stats.spellings.set(shown, (stats.spellings.get(shown) ?? 0) + (counts ? stories.length : 0));
    }
  }
  foldShortNames(names);

  const kept: IndexedTopic[] = [];
  for (const [key, stats] of names) {
    if (stats.stories.length >= minStories) kept.push({ name: displayName(key, stats), stories: stats.stories });
  }
  kept.sort((a, b) => b.stories.length - a.stories.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  kept.length = Math.min(kept.length, maxTopics);
  return kept;
}

/**
 * Put each story in its topics (most specific, i.e. fewest stories, first), in place, and
 * return the topics with story ids. `stories` is the library's list the positions refer to.
 */
export function applyTopics(stories: readonly { id: string; topics: string[] }[], topics: readonly IndexedTopic[]): Topic[] {
  for (const story of stories) if (story.topics.length > 0) story.topics = [];
  for (let t = topics.length - 1; t >= 0; t--) {
    const topic = topics[t]!;
    for (const i of topic.stories) stories[i]!.topics.push(topic.name);
  }
  return topics.map((topic) => ({ name: topic.name, storyIds: topic.stories.map((i) => stories[i]!.id) }));
}

export const DEFAULT_MIN_STORIES = 2;
export const DEFAULT_MAX_TOPICS = 60;

/** The names that vouch for sentence-initial words: those read mid-sentence or known. */
function evidenceOf(names: Iterable<string>): NameEvidence {
  const alone = new Set<string>();
  const words = new Set<string>();
  for (const name of names) {
    if (!name.includes(' ')) alone.add(name);
    else for (const word of name.split(' ')) words.add(word);
  }
  for (const word of alone) words.add(word);
  return { alone, words };
}

/** A name with a tail ("Zaporizhzhia nuclear power plant") stays whole where it recurs; elsewhere it is its name. */
function foldRareTails(spellings: Map<string, number[]>, minStories: number): void {
  for (const [spelling, stories] of spellings) {
    const words = spelling.split(' ');
    const last = words.at(-1)!;
    if (last.charAt(0) === last.charAt(0).toUpperCase() || new Set(stories).size >= minStories) continue;
    let base = words.length - 1;
    while (base > 0 && words[base - 1]!.charAt(0) === words[base - 1]!.charAt(0).toLowerCase()) base--;
    const name = nameOfRun(words.slice(0, base));
    spellings.delete(spelling);
    if (name !== undefined) addStories(spellings, name, stories);
  }
}

function addStory(map: Map<string, number[]>, key: string, story: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [story]);
  else if (list.at(-1) !== story) list.push(story);
}

function addStories(map: Map<string, number[]>, key: string, stories: readonly number[]): void {
  const list = map.get(key);
  if (!list) map.set(key, [...stories]);
  else for (const story of stories) list.push(story);
}

/** The list sorted, without repeats (already so, unless files were placed out of order or runs merged). */
function ascending(list: number[]): number[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i]! <= list[i - 1]!) return [...new Set(list)].sort((a, b) => a - b);
  }
  return list;
}
