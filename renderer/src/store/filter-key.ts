// Topic and file filters are saved in the view state as `topic:<name>` or
// `source:<path>`; these helpers keep that encoding in one place.
import type { LibrarySnapshot } from '../../../electron/shared/ipc-contract';
import type { FilterKey } from './types';

export function topicFilter(name: string): FilterKey {
  return `topic:${name}`;
}

export function sourceFilter(path: string): FilterKey {
  return `source:${path}`;
}

export type ParsedFilter = { kind: 'topic'; name: string } | { kind: 'source'; path: string };

export function parseFilter(value: string | null | undefined): ParsedFilter | null {
  if (!value) return null;
  if (value.startsWith('topic:')) return { kind: 'topic', name: value.slice('topic:'.length) };
  if (value.startsWith('source:')) return { kind: 'source', path: value.slice('source:'.length) };
  return null;
}

/** Whether a saved or current filter still names something in this library. */
export function filterExists(snapshot: LibrarySnapshot | null, value: string | null | undefined): value is FilterKey {
  const parsed = parseFilter(value);
  if (!snapshot || !parsed) return false;
  return parsed.kind === 'topic'
    ? snapshot.topics.some((topic) => topic.name === parsed.name)
    : snapshot.sources.some((source) => source.path === parsed.path);
}
