// The stories pane's list, derived from the library, the topic/file filter and
// the search results (or the orphaned notes, when that filter is chosen). Used
// by the pane and by `moveSelection`, so both agree on what "next story" means.
// A search is ranked by main within the filter (`searchScope`): here its hits
// are only put in order, never filtered again.
// Everything here is memoised on its inputs: with 100k stories a list or a map
// is built once per change, never per render or per keypress.
import type { LibrarySnapshot, NoteView, OrphanNote, SearchHitView, SearchRequest, StoryListItem } from '../../../electron/shared/ipc-contract';
import { ORPHANS_FILTER, parseFilter } from './filter-key';
import { memoLast } from './memo-last';
import type { AppState, FilterKey, SearchResults } from './types';

export type HitHighlights = SearchHitView['highlights'];

export interface VisibleStories {
  /** In library order, or ranked best first while searching. */
  items: readonly StoryListItem[];
  /** Title and snippet ranges by story id, while searching. */
  highlights: ReadonlyMap<string, HitHighlights> | null;
  /** The search these items answer, if any. */
  query: string | null;
  /** Matches for the query within the filter (before the hit limit). */
  searchTotal: number;
  /** The items are orphaned notes (title: the note's question, snippet: its text), not library stories. */
  orphans: boolean;
}

const EMPTY: VisibleStories = { items: [], highlights: null, query: null, searchTotal: 0, orphans: false };

/** The library's stories by id. */
export const storyIndex = memoLast(
  (stories: readonly StoryListItem[]) => new Map(stories.map((story) => [story.id, story])),
);

/** Orphaned notes by id. */
export const orphanIndex = memoLast((orphans: readonly NoteView[]) => new Map(orphans.map((note) => [note.id, note])));

/** Each listed story's position, for the selection and keyboard moves. */
export const positionIndex = memoLast(
  (items: readonly StoryListItem[]) => new Map(items.map((story, index) => [story.id, index])),
);

/** The ids of the stories in the chosen topic or file, in library order; null for all stories (or the orphans). */
const filterStoryIds = memoLast((snapshot: LibrarySnapshot | null, filter: FilterKey | null): readonly string[] | null => {
  const parsed = parseFilter(filter);
  if (!snapshot || !parsed || parsed.kind === 'orphans') return null;
  if (parsed.kind === 'source') return snapshot.stories.filter((story) => story.source === parsed.path).map((story) => story.id);
  return snapshot.topics.find((candidate) => candidate.name === parsed.name)?.storyIds ?? [];
});

/** A test for "is this story in the chosen topic or file", or null for all stories. */
const filterPredicate = memoLast((ids: readonly string[] | null): ((story: StoryListItem) => boolean) | null => {
  if (!ids) return null;
  const set = new Set(ids);
  return (story) => set.has(story.id);
});

/** What a search must be ranked within for the current filter: the topic's or file's stories, or the orphaned notes. */
export function searchScope(state: Pick<AppState, 'snapshot' | 'selectedFilter'>): Pick<SearchRequest, 'ids' | 'scope'> {
  if (state.selectedFilter === ORPHANS_FILTER) return { scope: 'orphans' };
  const ids = filterStoryIds(state.snapshot, state.selectedFilter);
  return ids ? { ids: [...ids] } : {};
}

/** Orphaned notes as list rows: the question is the title, the snippet main made of the note. */
const orphanItems = memoLast((orphans: readonly OrphanNote[]): StoryListItem[] =>
  orphans.map((note) => ({
    id: note.id,
    source: note.source,
    line: 0,
    title: note.question.trim() || 'A note without its question',
    snippet: note.snippet,
  })),
);

/** Orphaned notes' rows by id. */
const orphanItemIndex = memoLast((items: readonly StoryListItem[]) => new Map(items.map((item) => [item.id, item])));

/** Hits in their ranked order, as rows of `byId`; a hit with no row (the list is reloading) is skipped, not shown broken. */
function rankedRows(hits: readonly SearchHitView[], byId: ReadonlyMap<string, StoryListItem>, keep: ((story: StoryListItem) => boolean) | null) {
  const items: StoryListItem[] = [];
  const highlights = new Map<string, HitHighlights>();
  for (const hit of hits) {
    const story = byId.get(hit.id);
    if (!story || (keep && !keep(story))) continue;
    items.push(story);
    highlights.set(hit.id, hit.highlights);
  }
  return { items, highlights };
}

const compute = memoLast(
  (
    snapshot: LibrarySnapshot | null,
    filter: FilterKey | null,
    results: SearchResults | null,
    orphans: readonly OrphanNote[],
  ): VisibleStories => {
    if (!snapshot) return EMPTY;
    // Results ranked for another filter: the answer for this one is on its way.
    const current = results !== null && results.filter === filter;
    if (filter === ORPHANS_FILTER) {
      const all = orphanItems(orphans);
      if (!results) return { ...EMPTY, items: all, orphans: true };
      const { items } = current ? rankedRows(results.hits, orphanItemIndex(all), null) : { items: [] };
      return { items, highlights: null, query: results.query, searchTotal: current ? results.total : 0, orphans: true };
    }
    const keep = filterPredicate(filterStoryIds(snapshot, filter));
    if (!results) {
      return { ...EMPTY, items: keep ? snapshot.stories.filter(keep) : snapshot.stories };
    }
    // Until then, the earlier hits that are in this filter stand in for its answer.
    const { items, highlights } = rankedRows(results.hits, storyIndex(snapshot.stories), current ? null : keep);
    return { items, highlights, query: results.query, searchTotal: current ? results.total : items.length, orphans: false };
  },
);

const NO_ORPHANS: readonly OrphanNote[] = [];

export function selectVisibleStories(state: AppState): VisibleStories {
  // Orphans only matter to their own filter: a refreshed overview must not rebuild a topic's list.
  const orphans = state.selectedFilter === ORPHANS_FILTER ? state.notesOverview.orphans : NO_ORPHANS;
  return compute(state.snapshot, state.selectedFilter, state.searchResults, orphans);
}

/** Index of the selected story in the visible list, or -1. */
export function selectSelectedPosition(state: AppState): number {
  const id = state.selectedStoryId;
  if (id === null) return -1;
  return positionIndex(selectVisibleStories(state).items).get(id) ?? -1;
}

/** The orphaned note shown for `id`, when its story is not in the library (null otherwise). */
export function selectOrphan(state: AppState, id: string): NoteView | null {
  if (state.snapshot && storyIndex(state.snapshot.stories).has(id)) return null;
  return orphanIndex(state.notesOverview.orphans).get(id) ?? null;
}

/** Whether `id` is a story of the library or an orphaned note: something the panes can show. */
export function isKnownStory(state: AppState, id: string): boolean {
  return (state.snapshot !== null && storyIndex(state.snapshot.stories).has(id)) || orphanIndex(state.notesOverview.orphans).has(id);
}
