import { useMemo } from 'react';
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

/** Topics with their counts; recomputed only when the topics or the noted set change. */
export function useTopicRows(): TopicRow[] {
  const topics = useAppStore((state) => state.snapshot?.topics ?? NONE);
  const notedIds = useAppStore((state) => state.notedIds);
  return useMemo(
    () =>
      topics.map((topic) => {
        let noted = 0;
        for (const id of topic.storyIds) if (notedIds.has(id)) noted += 1;
        return {
          key: topicFilter(topic.name),
          name: topic.name,
          count: topic.storyIds.length,
          unanswered: topic.storyIds.length - noted,
        };
      }),
    [topics, notedIds],
  );
}

export function useSourceRows(): SourceRow[] {
  const sources = useAppStore((state) => state.snapshot?.sources ?? NONE);
  return useMemo(
    () => sources.map((source) => ({ key: sourceFilter(source.path), path: source.path, count: source.storyCount })),
    [sources],
  );
}
