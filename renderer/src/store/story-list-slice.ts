// The stories list, paged: the renderer holds the view (its size, a search's hit ids) and the
// pages of rows near the viewport; main answers sizes, positions and rows (library:view,
// library:rows). The view is built again whenever the library, filter, search or (for their
// filter) the orphaned notes change — one subscription below, so no action has to remember it.
// Keyboard moves read the neighbour from the held pages (prefetch keeps the selection's
// neighbours there), so `j` costs no request; a missing row is fetched first.
import type { SearchHitView, StoryFilter, StoryListItem } from '../../../electron/shared/ipc-contract';
import { isAnswered } from './disk-version';
import { errorMessage } from './error-message';
import { ORPHANS_FILTER } from './filter-key';
import { LIST_PAGE_ROWS, findHeld, pageOf, pagesAround, pagesOf, rowAt, withPage } from './list-pages';
import type { AppState, ListPage, ListView, SliceCreator, StoryListSlice } from './types';
import { orphanRows, showPart } from './visible-stories';

export const EMPTY_VIEW: ListView = {
  seq: 0,
  generation: 0,
  filter: null,
  show: 'all',
  kind: 'library',
  count: 0,
  ids: null,
  notes: null,
  query: null,
  searchTotal: 0,
};
const NO_PAGES: ReadonlyMap<number, ListPage> = new Map();
/** Unanswered counts change in bursts (an import, a sync): ask main once they settle. */
const COUNTS_DELAY_MS = 300;

export const createStoryListSlice: SliceCreator<StoryListSlice> = (api) => (set, get, store) => {
  let seq = 0;
  /** Pages asked for and not answered yet, as `seq:page`. */
  const inFlight = new Set<string>();
  /** The rows last on screen, to fetch again for a new view. */
  let window = { start: 0, end: LIST_PAGE_ROWS - 1 };
  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  /** A story to select once the view says where it is (the view state restored at startup). */
  let restoring: string | null = null;
  /** The story open before a search whose results it is not among: open again when the search is cleared. */
  let beforeSearch: string | null = null;

  /** The newest view asked for (shown, or waiting for its first rows): answers for older ones are dropped. */
  const isLatest = (view: ListView) => view.seq === seq;
  const isShown = (view: ListView) => get().listView.seq === view.seq;

  /** The view is known: keep the selection when it is in it, else select its first row. */
  const settle = (view: ListView, position: number, known: boolean, reloaded: boolean) => {
    if (!isShown(view)) return;
    const restore = restoring;
    restoring = null;
    if (restore !== null && position >= 0) return get().selectStory(restore, position);
    const { selectedStoryId: selected, pinnedStoryId, notes } = get();
    if (selected !== null && position >= 0) return set({ selectedPosition: position });
    set({ selectedPosition: -1 });
    if (selected !== null && selected === pinnedStoryId) return;
    // A story that left the library while its note was being written stays on screen (its note is now an orphan).
    if (selected !== null && reloaded && !known && isAnswered(notes[selected]?.text ?? '')) return set({ pinnedStoryId: selected });
    if (view.kind === 'search') {
      // Best hits first with none chosen for the reader (the first is, when they move into the results);
      // a story that is not among them leaves the reading pane, and comes back when the search is cleared.
      // (One chosen while the rows were on their way, as by ↓ from the search box, is among them: it stays.)
      const at = selected === null ? -1 : view.ids!.indexOf(selected);
      if (at >= 0) return set({ selectedPosition: at });
      if (selected !== null) {
        beforeSearch = selected;
        get().selectStory(null);
      }
      return;
    }
    if ((view.count ?? 0) > 0) get().selectAt(0);
    else if (selected !== null && reloaded && !known) get().selectStory(null);
  };

  /** One page of a view's rows from main; null when main holds another generation by now. */
  const fetchRows = async (view: ListView, page: number): Promise<ListPage | null> => {
    const start = page * LIST_PAGE_ROWS;
    const end = Math.min(view.count ?? 0, start + LIST_PAGE_ROWS);
    if (view.kind === 'search') {
      const ids = view.ids!.slice(start, end);
      // With the query: the rows come marked (only the rows asked for are, not every hit).
      const answer = await api.libraryRows({ generation: view.generation, ids, ...(view.query !== null && { query: view.query }) });
      if (answer.generation !== view.generation) return null;
      const byId = new Map(answer.rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }
    const answer = await api.libraryRows({ generation: view.generation, filter: view.filter as StoryFilter | null, start, end, ...showPart(view.show) });
    return answer.generation === view.generation ? answer.rows : null;
  };

  /** Adds a page to the view on show, dropping far ones (never the selection's). */
  const fetchPage = async (view: ListView, page: number) => {
    const key = `${view.seq}:${page}`;
    if (inFlight.has(key) || view.kind === 'orphans' || view.count === null) return;
    inFlight.add(key);
    try {
      const rows = await fetchRows(view, page);
      if (!rows || !isShown(view)) return;
      const near = pageOf((window.start + window.end) / 2);
      const selected = get().selectedPosition;
      set({ listPages: withPage(get().listPages, page, rows, near, selected >= 0 ? pageOf(selected) : near) });
    } catch {
      // The rows stay placeholders; the next scroll asks again.
    } finally {
      inFlight.delete(key);
    }
  };

  /**
   * Shows a new view once the rows around `around` are here, so a filter or search swaps one
   * list for the next without a screen of placeholders. False when a newer view came first.
   */
  const publish = async (view: ListView, around: number, onShown?: () => void): Promise<boolean> => {
    const wanted = pagesAround(around, around + LIST_PAGE_ROWS - 1, view.count ?? 0);
    const fetched = await Promise.all(wanted.map((page) => fetchRows(view, page).catch(() => null)));
    if (!isLatest(view)) return false;
    const pages = new Map<number, ListPage>();
    wanted.forEach((page, index) => fetched[index] && pages.set(page, fetched[index]));
    set({ listView: view, listPages: pages });
    // Before anything waiting for the list runs (↓ from the search box selects the first hit after this).
    onShown?.();
    return true;
  };

  /** Fetches the page holding `position` (if missing) and resolves with its row. */
  const rowFor = async (view: ListView, position: number): Promise<StoryListItem | undefined> => {
    const held = rowAt(get().listPages, position);
    if (held) return held;
    await fetchPage(view, pageOf(position));
    return isShown(view) ? rowAt(get().listPages, position) : undefined;
  };

  /** Asks main for a library view's size and the selection's place in it, then shows it. */
  const locate = async (view: ListView, target: string | null, reloaded: boolean) => {
    try {
      // `fresh`: a Show choice lists the stories as they are marked now, and main keeps that list for this view's rows.
      const shown = view.show === 'all' ? {} : { show: view.show, fresh: true };
      const answer = await api.libraryView({ generation: view.generation, filter: view.filter as StoryFilter | null, ...(target ? { locate: target } : {}), ...shown });
      if (!isLatest(view) || answer.generation !== view.generation) return;
      const counted = { ...view, count: answer.count };
      if (view.count === answer.count && isShown(view)) set({ listView: counted });
      else if (!(await publish(counted, Math.max(0, answer.position)))) return;
      // Chosen meanwhile (a click): that choice stands, and found its own place.
      if (target !== (restoring ?? get().selectedStoryId)) return;
      settle(counted, answer.position, answer.known, reloaded);
    } catch (error) {
      if (isLatest(view)) get().showNotice(`Could not list the stories: ${errorMessage(error)}`);
    }
  };

  // The view follows its inputs: the library, the filter, the search, and the orphans while they are shown.
  // New topic counts alone (refreshCounts) change no list.
  store.subscribe((state, previous) => {
    if (
      listedContent(state) !== listedContent(previous) ||
      state.selectedFilter !== previous.selectedFilter ||
      state.listShow !== previous.listShow ||
      state.searchResults !== previous.searchResults ||
      (state.selectedFilter === ORPHANS_FILTER && state.notesOverview !== previous.notesOverview)
    ) {
      get().refreshList();
    }
  });

  return {
    listView: EMPTY_VIEW,
    listPages: NO_PAGES,
    listShow: 'all',

    setListShow(show) {
      if (show === get().listShow) return;
      set({ listShow: show });
      // A search is ranked within the Show choice too: ask again (the list follows the answer).
      if (get().searchInput.trim()) void get().runSearch();
    },

    refreshList() {
      const { snapshot, selectedFilter: filter, searchResults: results, listView: before, listShow } = get();
      if (!snapshot) return set({ listView: { ...EMPTY_VIEW, seq: ++seq }, listPages: NO_PAGES, selectedPosition: -1 });
      // Results ranked for another filter or Show choice: the answer for this one is on its way; the list stays meanwhile.
      if (results && (results.filter !== filter || results.show !== listShow)) return;
      const generation = snapshot.generation;
      const reloaded = before.generation !== 0 && before.generation !== generation;
      const show = filter === ORPHANS_FILTER ? 'all' : listShow;
      const base = { ...EMPTY_VIEW, seq: ++seq, generation, filter, show };
      // Back from a search that closed the story open before it: open it again, where it still is.
      if (!results && beforeSearch !== null && restoring === null && get().selectedStoryId === null) restoring = beforeSearch;
      if (!results) beforeSearch = null;
      const selectedStoryId = restoring ?? get().selectedStoryId;

      if (filter === ORPHANS_FILTER) {
        const all = orphanRows(get().notesOverview.orphans);
        const rows = results ? rankedOrphans(all, results.hits) : all;
        const view: ListView = { ...base, kind: 'orphans', count: rows.length, query: results?.query ?? null, searchTotal: results?.total ?? 0 };
        set({ listView: view, listPages: pagesOf(rows) });
        const position = selectedStoryId === null ? -1 : rows.findIndex((row) => row.id === selectedStoryId);
        return settle(view, position, position >= 0, false);
      }
      if (results) {
        const ids = results.hits.map((hit) => hit.id);
        const notes = new Map(results.hits.flatMap((hit) => (hit.note ? [[hit.id, hit.note] as const] : [])));
        const view: ListView = { ...base, kind: 'search', count: ids.length, ids, notes: notes.size > 0 ? notes : null, query: results.query, searchTotal: results.total };
        const position = selectedStoryId === null ? -1 : ids.indexOf(selectedStoryId);
        void publish(view, Math.max(0, position), () => settle(view, position, position >= 0, reloaded));
        return;
      }
      // The whole library: its size and first page came with the snapshot, so it shows at once.
      const whole = filter === null && show === 'all';
      if (whole) {
        const keep = before.kind === 'library' && before.filter === null && before.show === 'all' && before.generation === generation;
        const pages = new Map(keep ? get().listPages : NO_PAGES);
        pages.set(0, snapshot.stories);
        set({ listView: { ...base, count: snapshot.storyCount }, listPages: pages });
      }
      void locate({ ...base, count: whole ? snapshot.storyCount : null }, selectedStoryId, reloaded);
    },

    restoreSelection(id) {
      restoring = id;
      get().refreshList();
    },

    showRows(start, end) {
      window = { start, end };
      const view = get().listView;
      if (view.count === null) return;
      for (const page of pagesAround(start, end, view.count)) {
        if (!get().listPages.has(page)) void fetchPage(view, page);
      }
    },

    selectAt(position) {
      const view = get().listView;
      const selectedBefore = get().selectedStoryId;
      void rowFor(view, position).then((row) => {
        // Only if nothing else was chosen meanwhile.
        if (row && isShown(view) && get().selectedStoryId === selectedBefore) get().selectStory(row.id, position);
      });
    },

    refreshCounts() {
      clearTimeout(countsTimer);
      countsTimer = setTimeout(() => {
        const snapshot = get().snapshot;
        if (!snapshot) return;
        api.libraryCounts({ generation: snapshot.generation }).then(
          ({ generation, topics, progress }) => {
            const current = get().snapshot;
            if (current && current.generation === generation) set({ snapshot: { ...current, topics, progress } });
          },
          () => undefined, // the counts stay as they were; the next change asks again
        );
      }, COUNTS_DELAY_MS);
    },
  };
};

/** The orphaned notes' rows in the ranked order of their hits. */
function rankedOrphans(rows: readonly StoryListItem[], hits: readonly SearchHitView[]): StoryListItem[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return hits.flatMap((hit) => byId.get(hit.id) ?? []);
}

/** What the list is made of in a snapshot: not the topics' unanswered counts, which change with every answered note. */
function listedContent(state: AppState): unknown {
  const snapshot = state.snapshot;
  return snapshot && `${snapshot.generation}:${snapshot.storyCount}:${snapshot.topics.length}:${snapshot.stories.length}`;
}

/** Where `id` is in the view on show: held rows first, then the search's ids; -1 when only main knows. */
export function positionOf(state: AppState, id: string): number {
  const held = findHeld(state.listPages, id);
  if (held >= 0) return held;
  return state.listView.ids?.indexOf(id) ?? -1;
}
