// The stories pane's list, derived from the library, the topic/file filter and
// the search results. Used by the pane and by `moveSelection`, so both agree on
// what "next story" means.
import type { LibrarySnapshot, SearchHitView, StoryListItem } from '../../../electron/shared/ipc-contract';
import { parseFilter } from './filter-key';
import { memoLast } from './memo-last';
import type { AppState, FilterKey, SearchResults } from './types';

/**
 * Most rows rendered at once. The list will be virtualised later; until then
 * rendering 100k rows would freeze the window, so the rest are summarised.
 */
export const STORY_RENDER_CAP = 500;

export type HitHighlights = SearchHitView['highlights'];

export interface VisibleStories {
  /** In library order, or ranked best first while searching. */
  items: readonly StoryListItem[];
  /** Title and snippet ranges by story id, while searching. */
  highlights: ReadonlyMap<string, HitHighlights> | null;
  /** The search these items answer, if any. */
  query: string | null;
  /** Library-wide number of matches for the query (before the topic/file filter and the hit limit). */
  searchTotal: number;
}

const EMPTY: VisibleStories = { items: [], highlights: null, query: null, searchTotal: 0 };

const storyIndex = memoLast(
  (stories: readonly StoryListItem[]) => new Map(stories.map((story) => [story.id, story])),
);

/** A test for "is this story in the chosen topic or file", or null for all stories. */
const filterPredicate = memoLast(
  (snapshot: LibrarySnapshot, filter: FilterKey | null): ((story: StoryListItem) => boolean) | null => {
    const parsed = parseFilter(filter);
    if (!parsed) return null;
    if (parsed.kind === 'source') return (story) => story.source === parsed.path;
    const topic = snapshot.topics.find((candidate) => candidate.name === parsed.name);
    const ids = new Set(topic?.storyIds ?? []);
    return (story) => ids.has(story.id);
  },
);

const compute = memoLast(
  (snapshot: LibrarySnapshot | null, filter: FilterKey | null, results: SearchResults | null): VisibleStories => {
    if (!snapshot) return EMPTY;
    const keep = filterPredicate(snapshot, filter);
    if (!results) {
      return { items: keep ? snapshot.stories.filter(keep) : snapshot.stories, highlights: null, query: null, searchTotal: 0 };
    }
    const byId = storyIndex(snapshot.stories);
    const items: StoryListItem[] = [];
    const highlights = new Map<string, HitHighlights>();
    for (const hit of results.hits) {
      const story = byId.get(hit.id);
      // A hit for a story the snapshot no longer has (library reloading) is skipped, not shown broken.
      if (!story || (keep && !keep(story))) continue;
      items.push(story);
      highlights.set(hit.id, hit.highlights);
    }
    return { items, highlights, query: results.query, searchTotal: results.total };
  },
);

export function selectVisibleStories(state: AppState): VisibleStories {
  return compute(state.snapshot, state.selectedFilter, state.searchResults);
}
