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
  /** Its stories with a non-empty note (main counts them). */
  answered: number;
}

const NONE: never[] = [];

/** Topics with their story and unanswered counts, as main counts them (membership stays in main). */
export function useTopicRows(): TopicRow[] {
  const topics = useAppStore((state) => state.snapshot?.topics ?? NONE);
  return useMemo(
    () => topics.map((topic) => ({ key: topicFilter(topic.name), name: topic.name, count: topic.storyCount, unanswered: topic.unanswered })),
    [topics],
  );
}

export function useSourceRows(): SourceRow[] {
  const sources = useAppStore((state) => state.snapshot?.sources ?? NONE);
  const files = useAppStore((state) => state.snapshot?.progress.files ?? NONE);
  return useMemo(() => {
    const answered = new Map(files.map((file) => [file.path, file.answered]));
    return sources.map((source) => ({ key: sourceFilter(source.path), path: source.path, count: source.storyCount, answered: answered.get(source.path) ?? 0 }));
  }, [sources, files]);
}
