// The stories pane's list, derived from the library, the topic/file filter and
// the search results (or the orphaned notes, when that filter is chosen). Used
// by the pane and by `moveSelection`, so both agree on what "next story" means.
// Everything here is memoised on its inputs: with 100k stories a list or a map
// is built once per change, never per render or per keypress.
import type { LibrarySnapshot, NoteView, SearchHitView, StoryListItem } from '../../../electron/shared/ipc-contract';
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
  /** Library-wide number of matches for the query (before the topic/file filter and the hit limit). */
  searchTotal: number;
  /** The items are orphaned notes (title: the note's question, snippet: its text), not library stories. */
  orphans: boolean;
}

const EMPTY: VisibleStories = { items: [], highlights: null, query: null, searchTotal: 0, orphans: false };
/** Characters of an orphaned note's text shown as its row's snippet. */
const ORPHAN_SNIPPET_CHARS = 220;

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

/** A test for "is this story in the chosen topic or file", or null for all stories. */
const filterPredicate = memoLast(
  (snapshot: LibrarySnapshot, filter: FilterKey | null): ((story: StoryListItem) => boolean) | null => {
    const parsed = parseFilter(filter);
    if (!parsed || parsed.kind === 'orphans') return null;
    if (parsed.kind === 'source') return (story) => story.source === parsed.path;
    const topic = snapshot.topics.find((candidate) => candidate.name === parsed.name);
    const ids = new Set(topic?.storyIds ?? []);
    return (story) => ids.has(story.id);
  },
);

/** Orphaned notes as list rows: the question is the title, the start of the note the snippet. */
const orphanItems = memoLast((orphans: readonly NoteView[]): StoryListItem[] =>
  orphans.map((note) => ({
    id: note.id,
    source: note.source,
    line: 0,
    title: note.question.trim() || 'A note without its question',
    snippet: note.text.replace(/\s+/g, ' ').trim().slice(0, ORPHAN_SNIPPET_CHARS),
    topics: [],
  })),
);

/**
 * Orphans are not in the search index (their stories are gone), so a search among
 * them is a plain word match: every word must appear, words marked `-` must not.
 */
const orphansMatching = memoLast((items: readonly StoryListItem[], orphans: readonly NoteView[], query: string) => {
  const byId = orphanIndex(orphans);
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => ({ exclude: word.startsWith('-'), text: word.replace(/^[+-]?(\w+:)?/, '').replace(/[*~^\d]*$/, '') }))
    .filter((word) => word.text !== '');
  return items.filter((item) => {
    const haystack = `${item.title}\n${byId.get(item.id)?.text ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word.text) !== word.exclude);
  });
});

const compute = memoLast(
  (
    snapshot: LibrarySnapshot | null,
    filter: FilterKey | null,
    results: SearchResults | null,
    orphans: readonly NoteView[],
  ): VisibleStories => {
    if (!snapshot) return EMPTY;
    if (filter === ORPHANS_FILTER) {
      const all = orphanItems(orphans);
      if (!results) return { ...EMPTY, items: all, orphans: true };
      const items = orphansMatching(all, orphans, results.query);
      return { items, highlights: null, query: results.query, searchTotal: items.length, orphans: true };
    }
    const keep = filterPredicate(snapshot, filter);
    if (!results) {
      return { ...EMPTY, items: keep ? snapshot.stories.filter(keep) : snapshot.stories };
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
    return { items, highlights, query: results.query, searchTotal: results.total, orphans: false };
  },
);

const NO_ORPHANS: readonly NoteView[] = [];

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
