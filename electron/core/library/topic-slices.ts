// Topics applied to a whole library on the main thread, a slice at a time
// (time-slices.ts): a topic may hold most of a 100,000-story library.

import type { Topic } from '../types';
import { inSlices } from '../time-slices';

/**
 * Put each story in its topics (`story.topics` most specific — smallest — first, as
 * `applyTopics` does) and name the topics' stories by id; `topics[t].stories` are
 * positions in `stories`. A step is one (topic, story) pair, not one topic: a topic may
 * hold most of a 100,000-story library.
 */
export async function applyTopicsInSlices(
  stories: readonly { id: string; topics: string[] }[],
  topics: readonly { name: string; stories: ArrayLike<number> }[],
): Promise<Topic[]> {
  await inSlices(stories.length, (i) => {
    if (stories[i]!.topics.length > 0) stories[i]!.topics = [];
  }, PAIRS_PER_CLOCK);
  // Largest topics come first: pushing from the last gives each story its smallest topic first.
  const fromLast = [...topics].reverse();
  await eachPair(fromLast, (topic, position) => stories[position]!.topics.push(topic.name));
  const named: Topic[] = topics.map((topic) => ({ name: topic.name, storyIds: [] }));
  await eachPair(topics, (_, position, t) => named[t]!.storyIds.push(stories[position]!.id));
  return named;
}

/** Calls `visit` for every (topic, story position) pair, topic by topic, in slices. */
function eachPair<T extends { stories: ArrayLike<number> }>(topics: readonly T[], visit: (topic: T, position: number, t: number) => void): Promise<void> {
  let t = 0;
  let j = 0;
  const pairs = topics.reduce((sum, topic) => sum + topic.stories.length, 0);
  return inSlices(pairs, () => {
    while (j >= topics[t]!.stories.length) [t, j] = [t + 1, 0];
    visit(topics[t]!, topics[t]!.stories[j++]!, t);
  }, PAIRS_PER_CLOCK);
}

/** Pairs handled between two reads of the clock: each costs well under a microsecond. */
const PAIRS_PER_CLOCK = 256;
