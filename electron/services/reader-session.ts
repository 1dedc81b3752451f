// The app's state behind the IPC handlers: the open library, its search index,
// the notes and the remembered view. No Electron import, so the e2e host runs
// exactly this code in Node. Searches are answered by SearchService
// (search-service.ts); this file keeps the library and its index up to date.
//
// The stories are answered as soon as the files are read; the index builds in
// worker threads afterwards (or loads from the cache), reporting progress, so
// the UI never waits on it. The library folder is watched: changed files are
// re-read, the index is updated incrementally, and the renderer is told.

import path from 'node:path';
import { AppStateStore } from '../core/data/app-state';
import { dataLayout } from '../core/data/layout';
import { messageOf } from '../core/fs/errors';
import { LibraryLoader } from '../core/library/library-loader';
import { nextTurn } from '../core/time-slices';
import type { LoaderLibrary, LoadProgress } from '../core/library/library-loader';
import { watchLibrary } from '../core/library/library-watcher';
import type { LibraryWatcher } from '../core/library/library-watcher';
import { WorkerEngine } from '../core/search/worker-engine';
import type { Story } from '../core/types';
import { FIRST_ROWS } from '../shared/ipc-contract';
import type {
  CountsResponse,
  NextUnansweredRequest,
  NextUnansweredResponse,
  StoryFilter,
  ImportReport,
  IndexStatus,
  LibrarySnapshot,
  RowsRequest,
  RowsResponse,
  SearchResponse,
  ShowFilter,
  ShowRequest,
  StoryDetail,
  ViewRequest,
  ViewResponse,
  ViewState,
} from '../shared/ipc-contract';
import type { Emit } from './emit';
import { complete, emptyLoaded, grow, libraryWorkerBeside } from './loaded-library';
import type { LoadedLibrary } from './loaded-library';
import { libraryView } from './library-view';
import type { LibraryView } from './library-view';
import { NotesJournal } from './notes-journal';
import { NotesService } from './notes-service';
import { nextUnanswered, ReadingState } from './reading-state';
import { isFolder, RecentLibraries } from './recent-libraries';
import { SearchService } from './search-service';
import type { SearchRequestOptions } from './search-service';

const EMPTY: ReadonlySet<string> = new Set();

export interface ReaderSessionOptions {
  dataDir: string;
  /** Sends an event to the renderer. */
  emit: Emit;
  /** The index worker's script (`out/main/index-worker.js` in the app) and its Node options. */
  indexWorker: { script: string; execArgv?: string[] };
  /** The library worker's script and Node options; default: beside the index worker (loaded-library.ts). */
  libraryWorker?: { script: string; execArgv?: string[] };
  /** Watch the open library's folder for changes (default true). */
  watchLibrary?: boolean;
}

export class ReaderSession {
  readonly dataDir: string;
  readonly notes: NotesService;
  readonly state: AppStateStore;
  /** Read and starred stories (reading-state.ts). */
  readonly reading: ReadingState;
  /** The answered notes as a journal (notes-journal.ts). */
  readonly journal: NotesJournal;
  /** The library folders opened before (recent-libraries.ts). */
  readonly recents: RecentLibraries;
  private readonly emit: Emit;
  private readonly index: WorkerEngine;
  private readonly loader: LibraryLoader;
  readonly searching: SearchService;
  private readonly watchFolders: boolean;
  private current: LoadedLibrary | null = null;
  private status: IndexStatus = { state: 'idle' };
  private generation = 0;
  private watcher: LibraryWatcher | null = null;
  /** Library reloads run one after another. */
  private reloading: Promise<unknown> = Promise.resolve();
  private lastReadingReport = 0;
  /**
   * Stories that left the library while Ponder was open. A note being typed for one may
   * still arrive, and must be saved with its question even though no file was written yet.
   */
  private readonly departed = new Map<string, Pick<Story, 'question' | 'source' | 'title' | 'topics'>>();

  constructor(options: ReaderSessionOptions) {
    this.dataDir = options.dataDir;
    this.emit = options.emit;
    this.watchFolders = options.watchLibrary ?? true;
    this.notes = new NotesService({
      dataDir: options.dataDir,
      emit: options.emit,
      story: (id) => this.current?.stories.get(id) ?? this.departed.get(id),
      storyIds: () => this.current?.ids ?? EMPTY,
    });
    this.state = new AppStateStore(options.dataDir);
    this.reading = new ReadingState(this.state);
    this.recents = new RecentLibraries(this.state);
    this.journal = new NotesJournal({
      notes: async () => (await this.notes.store.list()).notes,
      storyIds: () => this.current?.ids ?? EMPTY,
    });
    this.index = new WorkerEngine({
      workerScript: options.indexWorker.script,
      execArgv: options.indexWorker.execArgv,
      cacheDir: dataLayout(options.dataDir).cache,
    });
    const libraryWorker = options.libraryWorker
      ? { workerScript: options.libraryWorker.script, execArgv: options.libraryWorker.execArgv }
      : libraryWorkerBeside(options.indexWorker);
    this.loader = new LibraryLoader({ ...libraryWorker, cacheDir: dataLayout(options.dataDir).cache });
    this.searching = new SearchService(this.index, async () => (await this.notes.overview()).orphans, { session: this, library: () => this.current });
  }

  get folder(): string | null {
    return this.current?.library.folder ?? null;
  }

  /**
   * Load a library folder, remember it, and start indexing it in the background. Answers as
   * soon as the first screen of stories is read (worker threads read the library); the rest of
   * the stories, the counts, the topics and the index follow in `library:changed` and
   * `index:status` events, the progress bar covering reading (`phase: 'reading'`) and indexing.
   */
  async open(folder: string): Promise<LibrarySnapshot> {
    const loaded = emptyLoaded(path.resolve(folder));
    let firstScreen: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (firstScreen = resolve));
    const reading = this.loader.load(loaded.library.folder, {
      onProgress: (progress) => {
        if (loaded.generation === 0) this.adopt(loaded, true); // the folder could be read: it replaces the open one
        if (this.current !== loaded) return;
        grow(loaded, progress);
        this.reportReading(progress);
        if (progress.stories.length >= FIRST_ROWS || progress.filesDone === progress.filesTotal) firstScreen();
      },
    });
    await Promise.race([shown, reading]);
    const [snapshot] = await Promise.all([this.snapshot(loaded), this.recents.opened(loaded.library.folder), this.watch(loaded.library.folder)]);
    // After this call has answered: the rest of the stories, then topics and index.
    setImmediate(() => void reading.then((library) => this.finishReading(loaded, library)).catch(reportRefreshError));
    return snapshot;
  }

  /** Re-read the open library from disk, as after File ▸ Reload Library. */
  async reload(): Promise<LibrarySnapshot | null> {
    await this.refresh();
    return this.currentSnapshot();
  }

  async currentSnapshot(): Promise<LibrarySnapshot | null> {
    return this.current ? this.snapshot(this.current) : null;
  }

  /** Search the library (within `ids` when given), or the orphaned notes (`scope: 'orphans'`). */
  async search(query: string, options: SearchRequestOptions & Pick<ShowRequest, 'show'> = {}): Promise<SearchResponse> {
    if (options.scope === 'orphans') return this.searching.searchOrphans(query, options);
    const loaded = this.current;
    if (!loaded) return { ok: false, query, error: 'Ponder: no library is open.' };
    if (this.status.state === 'failed') return { ok: false, query, error: this.status.error };
    if (!this.index.ready) return { ok: 'pending', query, index: this.status };
    const { filter, show = 'all', ...rest } = options;
    // The renderer names the topic or file and the Show choice; their stories are resolved here, where membership and marks live.
    return this.searching.searchLibrary(loaded, query, filter || show !== 'all' ? { ...rest, ids: await this.presenter(loaded).listIds(filter ?? null, show, true) } : rest);
  }

  /** The size of a topic's, a file's or the whole library's list, and where a story is in it. */
  async view(request: ViewRequest): Promise<ViewResponse> {
    const loaded = this.current;
    if (!loaded) return { generation: 0, count: 0, position: -1, known: false };
    return { generation: loaded.generation, ...(await this.presenter(loaded).answerView(request)) };
  }

  /** A window of rows, or the rows of named stories (a search's hits, marked for its `query`). */
  async rows(request: RowsRequest): Promise<RowsResponse> {
    const loaded = this.current;
    if (!loaded) return { generation: 0, rows: [] };
    const rows = await this.presenter(loaded).answerRows(request);
    // Rows for another generation are dropped by the renderer: not worth marking.
    const query = 'ids' in request && request.generation === loaded.generation ? request.query : undefined;
    return { generation: loaded.generation, rows: query ? await this.searching.markRows(loaded, rows, query) : rows };
  }

  /** The topics', files' and library's story and unanswered counts as they are now. */
  async counts(): Promise<CountsResponse> {
    const loaded = this.current;
    if (!loaded) return { generation: 0, topics: [], progress: { storyCount: 0, answered: 0, files: [] } };
    const noted = await this.notes.notedIds();
    return { generation: loaded.generation, topics: this.presenter(loaded).topicSummaries(noted), progress: this.presenter(loaded).progress(noted) };
  }

  /** Ids of a topic's, a file's or the whole library's list (as on screen under `show`), in order (none for another `generation`). */
  async viewIds(filter: StoryFilter | null, generation?: number, show?: ShowFilter): Promise<readonly string[]> {
    const loaded = this.current;
    if (!loaded || (generation !== undefined && generation !== loaded.generation)) return [];
    return this.presenter(loaded).listIds(filter, show);
  }

  /** The next story of a list without a note, after `after` (wrapping round). */
  async nextUnanswered({ generation, filter, after, show }: NextUnansweredRequest): Promise<NextUnansweredResponse> {
    const loaded = this.current;
    if (!loaded || loaded.generation !== generation) return { generation: loaded?.generation ?? 0, id: null, position: -1 };
    const ids = await this.viewIds(filter, generation, show);
    const id = nextUnanswered(ids, new Set(await this.notes.notedIds()), after);
    return { generation, id, position: id === null ? -1 : ids.indexOf(id) };
  }

  async getStory(id: string, query?: string): Promise<StoryDetail | null> {
    const loaded = this.current;
    const story = loaded?.stories.get(id);
    const item = loaded?.itemsById.get(id);
    if (!loaded || !story || !item) return null;
    // With its read and starred marks (the Star button's state), as they are now.
    const detail = await this.reading.withMarks<StoryDetail>({ ...item, summary: story.summary, reflection: story.reflection, question: story.question, topics: [...story.topics] });
    const highlights = query ? await this.searching.storyHighlights(loaded, story, query) : undefined;
    if (highlights) detail.highlights = highlights;
    return detail;
  }

  /** Import notes, then tell the renderer which stories are answered now. */
  async importNotes(from: string): Promise<ImportReport> {
    const report = await this.notes.import(from);
    if (this.current) this.emit('library:changed', await this.snapshot(this.current));
    return report;
  }

  async loadView(): Promise<ViewState> {
    return (await this.state.load()).view;
  }

  async saveView(view: ViewState): Promise<void> {
    const state = await this.state.load();
    await this.state.update({ view: { ...state.view, ...view } });
  }

  /** Stop watching and indexing; the cache write in progress finishes first. */
  async close(): Promise<void> {
    this.current = null;
    await this.loader.dispose();
    await this.watcher?.close();
    this.watcher = null;
    await this.notes.close();
    await this.reading.flush();
    await this.journal.close();
    await this.searching.close();
    await this.index.dispose();
  }

  /** Make `loaded` the open library, under a new generation; `opening`: its cached index loads as its files are read (kept if the fingerprint matches). */
  private adopt(loaded: LoadedLibrary, opening = false): void {
    loaded.generation = ++this.generation;
    this.current = loaded;
    this.searching.forgetLastSearch();
    if (opening) void this.index.preload(loaded.library.folder);
  }

  /** Reading progress on the progress bar, at most every READING_INTERVAL_MS. */
  private reportReading(progress: LoadProgress): void {
    this.status = { state: 'building', phase: 'reading', done: progress.filesDone, total: progress.filesTotal };
    const now = performance.now();
    if (now - this.lastReadingReport < READING_INTERVAL_MS) return;
    this.lastReadingReport = now;
    this.emit('index:status', this.status);
  }

  /** Every file is read: send the whole library, then index it and add its topics. */
  private async finishReading(loaded: LoadedLibrary, library: LoaderLibrary): Promise<void> {
    if (this.current !== loaded) return;
    complete(loaded, library);
    this.emit('library:changed', await this.snapshot(loaded));
    await nextTurn(); // index and topics start in a turn of their own: with the snapshot, they would hold the main thread too long
    void this.buildIndex(loaded);
    await this.addTopics(loaded);
  }

  private async snapshot(loaded: LoadedLibrary): Promise<LibrarySnapshot> {
    const { library } = loaded;
    const notedIds = await this.notes.notedIds();
    const view = this.presenter(loaded);
    return {
      folder: library.folder,
      name: path.basename(library.folder),
      generation: loaded.generation,
      // Counts and the first screen: the rest is paged (library:view, library:rows).
      storyCount: view.count(null),
      stories: await view.marked(view.rows(null, 0, FIRST_ROWS)),
      topics: view.topicSummaries(notedIds),
      progress: view.progress(notedIds),
      sources: library.sources,
      diagnostics: library.diagnostics,
      notedIds,
      index: this.status,
    };
  }

  /** The list presenter of a loaded state (library-view.ts). */
  private readonly marks = async () => ({ read: await this.reading.readIds(), starred: await this.reading.starredIds(), noted: new Set(await this.notes.notedIds()) });

  private presenter(loaded: LoadedLibrary): LibraryView {
    return libraryView({ items: loaded.items, itemsById: loaded.itemsById, stories: loaded.stories, topics: loaded.library.topics, marks: this.marks });
  }

  /** Combine the topics of a library shown without them (in a worker), and tell the renderer (same generation: same stories). */
  private async addTopics(loaded: LoadedLibrary): Promise<void> {
    if (this.current !== loaded || loaded.library.topics.length > 0 || loaded.library.stories.length === 0) return;
    const topics = await this.loader.topics(loaded.library);
    if (this.current !== loaded) return;
    loaded.library.topics = topics;
    this.emit('library:changed', await this.snapshot(loaded));
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    this.emit('index:status', status);
  }

  private async buildIndex(loaded: LoadedLibrary): Promise<void> {
    if (this.current !== loaded) return; // a newer library replaced this one
    const { stories, fingerprint } = loaded.library;
    this.setStatus({ state: 'building', done: 0, total: stories.length });
    try {
      const result = await this.index.build(stories, {
        fingerprint,
        onProgress: (done, total) => {
          if (this.current === loaded) this.setStatus({ state: 'building', done, total });
        },
      });
      if (this.current === loaded) this.setStatus({ state: 'ready', storyCount: stories.length, millis: Math.round(result.millis), fromCache: result.fromCache });
    } catch (error) {
      if (this.current !== loaded) return; // superseded by a newer build: not a failure
      this.setStatus({ state: 'failed', error: `Ponder: the search index could not be built: ${messageOf(error)}` });
    }
  }

  private async watch(folder: string): Promise<void> {
    await this.watcher?.close();
    this.watcher = this.watchFolders ? watchLibrary(folder, () => void this.refresh().catch(reportRefreshError)) : null;
  }

  /**
   * Re-read changed files and bring the index up to date incrementally: a story
   * whose text changed has a new id, so every change is stories added and removed.
   */
  private refresh(): Promise<void> {
    const run = async () => {
      const before = this.current;
      if (!before) return;
      if (!(await isFolder(before.library.folder))) return this.vanished(before);
      // Only changed files are read again (the workers know what this thread holds);
      // the new state is built aside and replaces the old one whole, with its topics.
      const loaded = emptyLoaded(before.library.folder);
      const library = await this.loader.load(loaded.library.folder, { onProgress: (progress) => grow(loaded, progress) });
      if (this.current !== before) return; // another library was opened meanwhile
      complete(loaded, library);
      if (library.stories.length > 0) library.topics = await this.loader.topics(library);
      if (this.current !== before) return;
      this.adopt(loaded);
      const added = library.stories.filter((story) => !before.ids.has(story.id));
      const removed = [...before.ids].filter((id) => !loaded.ids.has(id));
      for (const id of removed) this.departed.set(id, before.stories.get(id)!);
      this.emit('library:changed', await this.snapshot(loaded));
      if (!this.index.ready) {
        // Still building the old content: start over on the new one.
        setImmediate(() => void this.buildIndex(loaded));
      } else if (added.length > 0 || removed.length > 0) {
        await this.index.update({ added, removed }, { fingerprint: library.fingerprint });
        this.setStatus({ state: 'ready', storyCount: library.stories.length, millis: 0 });
      }
    };
    const next = this.reloading.then(run, run);
    this.reloading = next.catch(() => undefined);
    return next;
  }

  /** The open library's folder is gone: close it (a note still being typed saves with its departed story) and say so. */
  private async vanished(loaded: LoadedLibrary): Promise<void> {
    for (const [id, story] of loaded.stories) this.departed.set(id, story);
    this.current = null;
    await this.watcher?.close();
    this.watcher = null;
    this.emit('library:missing', { folder: loaded.library.folder });
    this.recents.changed();
  }
}

function reportRefreshError(error: unknown): void {
  console.error('Ponder: could not reload the library after it changed:', error);
}

/** Reading progress is sent at most this often. */
const READING_INTERVAL_MS = 100;
