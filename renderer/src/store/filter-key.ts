// Topic and file filters are saved in the view state as `topic:<name>` or
// `source:<path>`, the orphaned notes as `orphans`; these helpers keep that
// encoding in one place.
import type { LibrarySnapshot } from '../../../electron/shared/ipc-contract';
import type { FilterKey } from './types';

/** The filter that lists notes whose story is no longer in the library. */
export const ORPHANS_FILTER = 'orphans' as const satisfies FilterKey;

export function topicFilter(name: string): FilterKey {
  return `topic:${name}`;
}

export function sourceFilter(path: string): FilterKey {
  return `source:${path}`;
}

export type ParsedFilter = { kind: 'topic'; name: string } | { kind: 'source'; path: string } | { kind: 'orphans' };

export function parseFilter(value: string | null | undefined): ParsedFilter | null {
  if (!value) return null;
  if (value === ORPHANS_FILTER) return { kind: 'orphans' };
  if (value.startsWith('topic:')) return { kind: 'topic', name: value.slice('topic:'.length) };
  if (value.startsWith('source:')) return { kind: 'source', path: value.slice('source:'.length) };
  return null;
}

/**
 * Whether a saved or current filter still names something in this library. The
 * orphans filter always does while a library is open (its list may be empty for
 * a moment, until the notes overview arrives).
 */
export function filterExists(snapshot: LibrarySnapshot | null, value: string | null | undefined): value is FilterKey {
  const parsed = parseFilter(value);
  if (!snapshot || !parsed) return false;
  switch (parsed.kind) {
    case 'orphans':
      return true;
    case 'topic':
      return snapshot.topics.some((topic) => topic.name === parsed.name);
    case 'source':
      return snapshot.sources.some((source) => source.path === parsed.path);
  }
}
