// What the stories pane shows, read from the paged list (story-list-slice.ts): its size,
// the rows held near the viewport (a search's rows carry what they mark), and the passages of
// the notes a search found. Also the search scope of
// the filter on show, and the orphaned notes as rows (held whole: they are the reader's
// own notes, a few hundred at most).
import type { NoteView, OrphanNote, SearchRequest, ShowFilter, StoryFilter, StoryListItem } from '../../../electron/shared/ipc-contract';
import type { NotePassage } from '../../../electron/shared/search-contract';
import { ORPHANS_FILTER } from './filter-key';
import { memoLast } from './memo-last';
import type { AppState, ListPage } from './types';

export interface VisibleStories {
  /** Rows in the list (0 while main is still counting: see `counting`). */
  count: number;
  counting: boolean;
  /** Held pages of rows; a row not here yet is shown as a placeholder. */
  pages: ReadonlyMap<number, ListPage>;
  /** The passages of the notes a search found, by story id. */
  notes: ReadonlyMap<string, NotePassage> | null;
  /** The search these rows answer, if any. */
  query: string | null;
  /** Matches for the query within the filter (before the hit limit). */
  searchTotal: number;
  /** The rows are orphaned notes (title: the note's question, snippet: its text), not library stories. */
  orphans: boolean;
  /** The Show choice the rows answer. */
  show: ShowFilter;
}

const visible = memoLast((view: AppState['listView'], pages: ReadonlyMap<number, ListPage>): VisibleStories => ({
  count: view.count ?? 0,
  counting: view.count === null,
  pages,
  notes: view.notes,
  query: view.query,
  searchTotal: view.searchTotal,
  orphans: view.kind === 'orphans',
  show: view.show,
}));

export function selectVisibleStories(state: AppState): VisibleStories {
  return visible(state.listView, state.listPages);
}

/** Orphaned notes by id. */
export const orphanIndex = memoLast((orphans: readonly NoteView[]) => new Map(orphans.map((note) => [note.id, note])));

/** Orphaned notes as list rows: the question is the title, the snippet main made of the note. */
export const orphanRows = memoLast((orphans: readonly OrphanNote[]): StoryListItem[] =>
  orphans.map((note) => ({
    id: note.id,
    source: note.source,
    line: 0,
    title: note.question.trim() || 'A note without its question',
    snippet: note.snippet,
  })),
);

/**
 * What a search must be ranked within: the topic or file and the Show choice (main knows their
 * stories and the marks), or the orphaned notes (which Show does not narrow).
 */
export function searchScope(state: Pick<AppState, 'selectedFilter' | 'listShow'>): Pick<SearchRequest, 'filter' | 'scope' | 'show'> {
  const filter = state.selectedFilter;
  if (filter === ORPHANS_FILTER) return { scope: 'orphans' };
  return { ...(filter === null ? {} : { filter: filter as StoryFilter }), ...showPart(state.listShow) };
}

/** The `show` of a request: left out for 'all', as main takes it. */
export function showPart(show: ShowFilter): { show?: ShowFilter } {
  return show === 'all' ? {} : { show };
}

/** The orphaned note shown for `id`: notes whose story is not in the library (null otherwise). */
export function selectOrphan(state: AppState, id: string): NoteView | null {
  return orphanIndex(state.notesOverview.orphans).get(id) ?? null;
}
