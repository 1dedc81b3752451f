// Which topics a story belongs to. Main sends topic membership one way only —
// each topic with its stories' ids (`LibrarySnapshot.topics`) — and the topic
// counts and a story's chips are both derived from it here.
import type { Topic } from '../../../electron/shared/ipc-contract';
import { memoLast } from './memo-last';
import type { AppState } from './types';

const NONE: readonly number[] = [];
const NO_NAMES: readonly string[] = [];

/** Story id → indexes into `topics` of the topics it belongs to, ascending: built once per library. */
export const topicIndexesByStory = memoLast((topics: readonly Topic[]): ReadonlyMap<string, readonly number[]> => {
  const byStory = new Map<string, number[]>();
  topics.forEach((topic, index) => {
    for (const id of topic.storyIds) {
      const list = byStory.get(id);
      if (list) list.push(index);
      else byStory.set(id, [index]);
    }
  });
  return byStory;
});

/** The indexes of story `id`'s topics (none when it has none). */
export function topicIndexesOf(topics: readonly Topic[], id: string): readonly number[] {
  return topicIndexesByStory(topics).get(id) ?? NONE;
}

/**
 * Names of story `id`'s topics, most specific (fewest stories) first: topics come
 * most stories first, so that is their reverse order. A new array: select with `useShallow`.
 */
export function selectStoryTopics(state: Pick<AppState, 'snapshot'>, id: string): readonly string[] {
  const topics = state.snapshot?.topics;
  if (!topics) return NO_NAMES;
  const indexes = topicIndexesOf(topics, id);
  const names: string[] = [];
  for (let i = indexes.length - 1; i >= 0; i--) names.push(topics[indexes[i]!]!.name);
  return names;
}
