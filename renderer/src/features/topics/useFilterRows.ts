import { useMemo } from 'react';
import type { Topic } from '../../../../electron/shared/ipc-contract';
import { useAppStore } from '../../store/app-store';
import { sourceFilter, topicFilter } from '../../store/filter-key';
import type { FilterKey } from '../../store/types';

export interface TopicRow {
  key: FilterKey;
  name: string;
  count: number;
  unanswered: number;
}

export interface SourceRow {
  key: FilterKey;
  path: string;
  count: number;
}

const NONE: never[] = [];

/** The topics each story belongs to (as indexes into `topics`): built once per library. */
function topicsByStory(topics: readonly Topic[]): ReadonlyMap<string, readonly number[]> {
  const byStory = new Map<string, number[]>();
  topics.forEach((topic, index) => {
    for (const id of topic.storyIds) {
      const list = byStory.get(id);
      if (list) list.push(index);
      else byStory.set(id, [index]);
    }
  });
  return byStory;
}

/**
 * Topics with their counts. Story counts come with the snapshot; the unanswered
 * counts walk only the noted stories (a few hundred) through a map built once per
 * library, never every topic's 100k ids on each saved note.
 */
export function useTopicRows(): TopicRow[] {
  const topics = useAppStore((state) => state.snapshot?.topics ?? NONE);
  const notedIds = useAppStore((state) => state.notedIds);
  const membership = useMemo(() => topicsByStory(topics), [topics]);
  return useMemo(() => {
    const noted = new Array<number>(topics.length).fill(0);
    for (const id of notedIds) for (const index of membership.get(id) ?? NONE) noted[index]! += 1;
    return topics.map((topic, index) => ({
      key: topicFilter(topic.name),
      name: topic.name,
      count: topic.storyIds.length,
      unanswered: topic.storyIds.length - noted[index]!,
    }));
  }, [topics, membership, notedIds]);
}

export function useSourceRows(): SourceRow[] {
  const sources = useAppStore((state) => state.snapshot?.sources ?? NONE);
  return useMemo(
    () => sources.map((source) => ({ key: sourceFilter(source.path), path: source.path, count: source.storyCount })),
    [sources],
  );
}
