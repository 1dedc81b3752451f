// Main as the store tests see it through `window.ponder`: a library of plain rows that
// answers the paged list's requests (library:view, library:rows, library:counts), searches
// and notes the way ReaderSession does, and records what was asked. The real presenter is
// tested on real files in tests/unit/library-view.test.ts; this pins down the store.
import { FIRST_ROWS } from '../../../../electron/shared/ipc-contract';
import type {
  LibrarySnapshot,
  PonderApi,
  RowsRequest,
  SearchRequest,
  SearchResponse,
  StoryFilter,
  StoryListItem,
  ViewRequest,
  ViewState,
} from '../../../../electron/shared/ipc-contract';

export function storyRow(n: number, source: string): StoryListItem {
  return { id: n.toString(16).padStart(16, '0'), source, line: n, title: `Story ${n}`, snippet: '' };
}

/** `count` stories, `perFile` to a file (f0.txt, f1.txt, …). */
export function fakeStories(count: number, perFile = 26): StoryListItem[] {
  return Array.from({ length: count }, (_, n) => storyRow(n, `f${Math.floor(n / perFile)}.txt`));
}

export function fakeMain(stories: StoryListItem[], topics: Array<{ name: string; ids: string[] }> = [], view: ViewState = {}) {
  const world = {
    generation: 1,
    noted: new Set<string>(),
    views: [] as ViewRequest[],
    rows: [] as RowsRequest[],
    searches: [] as SearchRequest[],
    counts: 0,
  };
  const idsOf = (filter: StoryFilter | null): string[] => {
    if (filter === null) return stories.map((story) => story.id);
    if (filter.startsWith('source:')) return stories.filter((story) => `source:${story.source}` === filter).map((story) => story.id);
    return topics.find((topic) => `topic:${topic.name}` === filter)?.ids ?? [];
  };
  const byId = new Map(stories.map((story) => [story.id, story]));
  const topicSummaries = () =>
    topics.map((topic) => ({ name: topic.name, storyCount: topic.ids.length, unanswered: topic.ids.filter((id) => !world.noted.has(id)).length }));
  const progress = () => ({ storyCount: stories.length, answered: world.noted.size, files: [] });
  const snapshot = (): LibrarySnapshot => ({
    folder: '/lib',
    name: 'lib',
    generation: world.generation,
    storyCount: stories.length,
    stories: stories.slice(0, FIRST_ROWS),
    topics: topicSummaries(),
    sources: [],
    diagnostics: [],
    notedIds: [...world.noted],
    index: { state: 'ready', storyCount: stories.length, millis: 1 },
    progress: progress(),
  });
  const api = {
    appInfo: async () => ({ version: 'test', dataDir: '/data', platform: 'linux' }),
    currentLibrary: async () => snapshot(),
    loadViewState: async () => view,
    notesOverview: async () => ({ orphans: [], unreadable: [] }),
    getNote: async () => ({ state: 'missing' }),
    libraryView: async (request: ViewRequest) => {
      world.views.push(request);
      const ids = idsOf(request.filter);
      const position = request.locate === undefined ? -1 : ids.indexOf(request.locate);
      return { generation: world.generation, count: ids.length, position, known: request.locate !== undefined && byId.has(request.locate) };
    },
    libraryRows: async (request: RowsRequest) => {
      world.rows.push(request);
      const ids = 'ids' in request ? request.ids : idsOf(request.filter).slice(request.start, request.end);
      return { generation: world.generation, rows: ids.flatMap((id) => byId.get(id) ?? []) };
    },
    libraryCounts: async () => {
      world.counts += 1;
      return { generation: world.generation, topics: topicSummaries(), progress: progress() };
    },
    /** Every story of the scope matches, the last one best; total is 100 more than the hits. */
    search: async (request: SearchRequest): Promise<SearchResponse> => {
      world.searches.push(request);
      const ids = request.scope === 'orphans' ? [] : request.ids ?? idsOf(request.filter ?? null);
      const hits = [...ids].reverse().map((id, i) => ({ id, score: 10 - i, highlights: { title: [], snippet: [] } }));
      return { ok: true, query: request.query, total: hits.length + 100, hits };
    },
  } as unknown as PonderApi;
  return { world, api, snapshot };
}
