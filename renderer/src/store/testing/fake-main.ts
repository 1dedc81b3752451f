// Main as the store tests see it through `window.ponder`: a library of plain rows that
// answers the paged list's requests (library:view, library:rows, library:counts), searches,
// notes and read/star marks the way ReaderSession does (each row answered with its marks as
// they are then), and records what was asked. The real presenter is
// tested on real files in tests/unit/library-view.test.ts; this pins down the store.
import { FIRST_ROWS } from '../../../../electron/shared/ipc-contract';
import type { FindRequest } from '../../../../electron/shared/search-contract';
import type {
  LibrarySnapshot,
  PonderApi,
  ReadingMarkRequest,
  RowsRequest,
  SearchRequest,
  ShowFilter,
  SearchResponse,
  StoryFilter,
  StoryListItem,
  ViewRequest,
  ViewState,
} from '../../../../electron/shared/ipc-contract';

/** A find request as the story search it is here: without its `in` and `sort`. */
function storiesOnly(request: FindRequest): SearchRequest {
  return Object.fromEntries(Object.entries(request).filter(([key]) => key !== 'in' && key !== 'sort')) as unknown as SearchRequest;
}

export function storyRow(n: number, source: string): StoryListItem {
  return { id: n.toString(16).padStart(16, '0'), source, line: n, title: `Story ${n}`, snippet: '' };
}

/** `count` stories, `perFile` to a file (f0.txt, f1.txt, …). */
export function fakeStories(count: number, perFile = 26): StoryListItem[] {
  return Array.from({ length: count }, (_, n) => storyRow(n, `f${Math.floor(n / perFile)}.txt`));
}

/** `row` with `query` marked where its title first holds it, as main marks a search's rows. */
function marked(row: StoryListItem, query: string): StoryListItem {
  const at = row.title.toLowerCase().indexOf(query);
  return at < 0 ? row : { ...row, match: { title: [[at, at + query.length]], snippet: [] } };
}

export function fakeMain(stories: StoryListItem[], topics: Array<{ name: string; ids: string[] }> = [], view: ViewState = {}) {
  const world = {
    generation: 1,
    noted: new Set<string>(),
    read: new Set<string>(),
    starred: new Set<string>(),
    views: [] as ViewRequest[],
    rows: [] as RowsRequest[],
    searches: [] as SearchRequest[],
    marks: [] as ReadingMarkRequest[],
    counts: 0,
  };
  /** A row as main answers it: with `read` / `starred` when they are true. */
  const withMarks = (row: StoryListItem): StoryListItem => ({
    ...row,
    ...(world.read.has(row.id) && { read: true }),
    ...(world.starred.has(row.id) && { starred: true }),
  });
  const allOf = (filter: StoryFilter | null): string[] => {
    if (filter === null) return stories.map((story) => story.id);
    if (filter.startsWith('source:')) return stories.filter((story) => `source:${story.source}` === filter).map((story) => story.id);
    return topics.find((topic) => `topic:${topic.name}` === filter)?.ids ?? [];
  };
  // Show choices as main answers them, from the marks as they are now.
  const keep: Record<ShowFilter, (id: string) => boolean> = {
    all: () => true,
    unread: (id) => !world.read.has(id),
    starred: (id) => world.starred.has(id),
    unanswered: (id) => !world.noted.has(id),
    answered: (id) => world.noted.has(id),
  };
  const idsOf = (filter: StoryFilter | null, show: ShowFilter = 'all'): string[] => allOf(filter).filter(keep[show]);
  const byId = new Map(stories.map((story) => [story.id, story]));
  const topicSummaries = () =>
    topics.map((topic) => ({ name: topic.name, storyCount: topic.ids.length, unanswered: topic.ids.filter((id) => !world.noted.has(id)).length }));
  const progress = () => {
    const files = [...new Set(stories.map((story) => story.source))].map((path) => {
      const ids = allOf(`source:${path}`);
      return { path, storyCount: ids.length, answered: ids.filter((id) => world.noted.has(id)).length };
    });
    return { storyCount: stories.length, answered: stories.filter((story) => world.noted.has(story.id)).length, files };
  };
  const snapshot = (): LibrarySnapshot => ({
    folder: '/lib',
    name: 'lib',
    generation: world.generation,
    storyCount: stories.length,
    stories: stories.slice(0, FIRST_ROWS).map(withMarks),
    topics: topicSummaries(),
    sources: [],
    diagnostics: [],
    notedIds: [...world.noted],
    index: { state: 'ready', storyCount: stories.length, millis: 1 },
    progress: progress(),
  });
  /** Every story of the scope matches, the last one best; total is 100 more than the hits. */
  const search = async (request: SearchRequest): Promise<SearchResponse> => {
    world.searches.push(request);
    const ids = request.scope === 'orphans' ? [] : request.ids ?? idsOf(request.filter ?? null, request.show);
    const hits = [...ids].reverse().map((id, i) => ({ id, score: 10 - i }));
    return { ok: true, query: request.query, total: hits.length + 100, hits };
  };
  const api = {
    appInfo: async () => ({ version: 'test', dataDir: '/data', platform: 'linux' }),
    currentLibrary: async () => snapshot(),
    loadViewState: async () => view,
    notesOverview: async () => ({ orphans: [], unreadable: [] }),
    getNote: async () => ({ state: 'missing' }),
    libraryView: async (request: ViewRequest) => {
      world.views.push(request);
      const ids = idsOf(request.filter, request.show);
      const position = request.locate === undefined ? -1 : ids.indexOf(request.locate);
      return { generation: world.generation, count: ids.length, position, known: request.locate !== undefined && byId.has(request.locate) };
    },
    libraryRows: async (request: RowsRequest) => {
      world.rows.push(request);
      const ids = 'ids' in request ? request.ids : idsOf(request.filter, request.show).slice(request.start, request.end);
      const rows = ids.flatMap((id) => byId.get(id) ?? []).map(withMarks);
      // A search's rows come marked: here, the query's first place in the title.
      const query = 'ids' in request ? request.query?.toLowerCase() : undefined;
      return { generation: world.generation, rows: query ? rows.map((row) => marked(row, query)) : rows };
    },
    markRead: async (request: ReadingMarkRequest) => {
      world.marks.push(request);
      const named = 'ids' in request ? request.ids : idsOf(request.filter, request.show);
      const changed = named.filter((id) => world.read.has(id) !== request.read);
      for (const id of changed) {
        if (request.read) world.read.add(id);
        else world.read.delete(id);
      }
      return { changed };
    },
    starStory: async ({ id, starred }: { id: string; starred: boolean }) => {
      if (starred) world.starred.add(id);
      else world.starred.delete(id);
    },
    libraryCounts: async () => {
      world.counts += 1;
      return { generation: world.generation, topics: topicSummaries(), progress: progress() };
    },
    /** search:find over the stories is the list's search (its `in` and `sort` are main's concern: see tests/unit). */
    find: async (request: FindRequest): Promise<SearchResponse> => search(storiesOnly(request)),
    search,
  } as unknown as PonderApi;
  return { world, api, snapshot };
}
