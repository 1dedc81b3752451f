import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import { sourceFilter, topicFilter } from '../../store/filter-key';
import { topicIndexesOf } from '../../store/topic-membership';
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

/**
 * Topics with their counts. Story counts come with the snapshot; the unanswered
 * counts walk only the noted stories (a few hundred) through a map built once per
 * library, never every topic's 100k ids on each saved note.
 */
export function useTopicRows(): TopicRow[] {
  const topics = useAppStore((state) => state.snapshot?.topics ?? NONE);
  const notedIds = useAppStore((state) => state.notedIds);
  return useMemo(() => {
    const noted = new Array<number>(topics.length).fill(0);
    for (const id of notedIds) for (const index of topicIndexesOf(topics, id)) noted[index]! += 1;
    return topics.map((topic, index) => ({
      key: topicFilter(topic.name),
      name: topic.name,
      count: topic.storyIds.length,
      unanswered: topic.storyIds.length - noted[index]!,
    }));
  }, [topics, notedIds]);
}

export function useSourceRows(): SourceRow[] {
  const sources = useAppStore((state) => state.snapshot?.sources ?? NONE);
  return useMemo(
    () => sources.map((source) => ({ key: sourceFilter(source.path), path: source.path, count: source.storyCount })),
    [sources],
  );
}
