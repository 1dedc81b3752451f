// Saved searches as kept in DATA/state.json (`savedSearches`): whatever the file holds,
// only well-formed entries survive, each id once, at most MAX_SAVED_SEARCHES, in the
// reader's order. A damaged entry is dropped alone; the others stay.

import { MAX_SAVED_SEARCHES, MAX_SAVED_TEXT, SEARCH_IN } from '../../shared/search-contract';
import type { SavedSearch } from '../../shared/search-contract';
import type { StoryFilter } from '../../shared/ipc-contract';

export function sanitizeSavedSearches(data: unknown): SavedSearch[] {
  if (!Array.isArray(data)) return [];
  const seen = new Set<string>();
  const kept: SavedSearch[] = [];
  for (const entry of data) {
    const search = savedSearchOf(entry);
    if (!search || seen.has(search.id)) continue;
    seen.add(search.id);
    kept.push(search);
    if (kept.length >= MAX_SAVED_SEARCHES) break;
  }
  return kept;
}

function savedSearchOf(entry: unknown): SavedSearch | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
  const { id, name, query, filter, in: where } = entry as Record<string, unknown>;
  if (typeof id !== 'string' || !ID.test(id)) return null;
  if (typeof query !== 'string' || query.trim() === '' || query.length > MAX_SAVED_TEXT) return null;
  const title = typeof name === 'string' && name.trim() !== '' ? name.slice(0, MAX_SAVED_TEXT) : query;
  const scope = SEARCH_IN.find((value) => value === where) ?? 'stories';
  return { id, name: title, query, filter: isFilter(filter) ? filter : null, in: scope };
}

function isFilter(value: unknown): value is StoryFilter {
  return typeof value === 'string' && /^(topic|source):./.test(value) && value.length <= 4_096;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;
