// The app's state behind the IPC handlers: the open library, its search index,
// the notes and the remembered view. No Electron import, so the e2e host runs
// exactly this code in Node.
//
// The stories are answered as soon as the files are read; the index builds in
// worker threads afterwards (or loads from the cache), reporting progress, so
// the UI never waits on it. The library folder is watched: changed files are
// re-read, the index is updated incrementally, and the renderer is told.

import path from 'node:path';
import { AppStateStore } from '../core/data/app-state';
import { highlightRanges, highlightStory } from '../core/search/highlight';
import { loadLibrary, withTopics } from '../core/library/load-library';
import type { FileReads } from '../core/library/load-library';
import { libraryFingerprint } from '../core/library/library-fingerprint';
import { watchLibrary } from '../core/library/library-watcher';
import type { LibraryWatcher } from '../core/library/library-watcher';
import { IndexService } from '../core/search/index-service';
import { storySnippet } from '../core/library/titles';
import type { Library, SearchHit, Story } from '../core/types';
import type {
  ImportReport,
  IndexStatus,
  LibrarySnapshot,
  SearchResponse,
  StoryDetail,
  StoryListItem,
  ViewState,
} from '../shared/ipc-contract';
import type { Emit } from './emit';
import { NotesService } from './notes-service';

const EMPTY: ReadonlySet<string> = new Set();

export interface ReaderSessionOptions {
  dataDir: string;
  /** Sends an event to the renderer. */
  emit: Emit;
  /** The index worker's script (`out/main/index-worker.js` in the app) and its Node options. */
  indexWorker: { script: string; execArgv?: string[] };
  /** Watch the open library's folder for changes (default true). */
  watchLibrary?: boolean;
}

/** One loaded state of the open library; replaced whole when files change. */
interface LoadedLibrary {
  library: Library & { files: FileReads };
  generation: number;
  stories: Map<string, Story>;
  ids: ReadonlySet<string>;
  items: StoryListItem[];
  itemsById: Map<string, StoryListItem>;
}

export class ReaderSession {
  readonly dataDir: string;
  readonly notes: NotesService;
  readonly state: AppStateStore;
  private readonly emit: Emit;
  private readonly index: IndexService;
  private readonly watchFolders: boolean;
  private current: LoadedLibrary | null = null;
  private status: IndexStatus = { state: 'idle' };
  private generation = 0;
  private watcher: LibraryWatcher | null = null;
  /** Library reloads run one after another. */
  private reloading: Promise<unknown> = Promise.resolve();
  /**
   * Stories that left the library while Ponder was open. A note being typed for one may
   * still arrive, and must be saved with its question even though no file was written yet.
   */
  private readonly departed = new Map<string, Pick<Story, 'question' | 'source' | 'title' | 'topics'>>();
  /** Hits of the last query, so opening one of its stories does not search again. */
  private lastSearch: { query: string; generation: number; hits: Map<string, SearchHit> } | null = null;

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
    this.index = new IndexService({
      workerScript: options.indexWorker.script,
      execArgv: options.indexWorker.execArgv,
      cacheDir: path.join(options.dataDir, 'cache'),
    });
  }

  get folder(): string | null {
    return this.current?.library.folder ?? null;
  }

  /** Load a library folder, remember it, and start indexing it in the background. */
  async open(folder: string): Promise<LibrarySnapshot> {
    // Topics are the largest part of reading a library: the stories are answered without
    // them, and the topics follow in a `library:changed` a moment later.
    const library = await loadLibrary(path.resolve(folder), { topics: false });
    const loaded = this.adopt(library);
    this.status = { state: 'building', done: 0, total: library.stories.length }; // sent with the snapshot
    await this.state.update({ lastLibrary: library.folder });
    await this.watch(library.folder);
    const snapshot = await this.snapshot(loaded);
    // Answer with the stories first; derive topics and index after this call has answered.
    setImmediate(() => {
      void this.addTopics(loaded);
      void this.buildIndex(loaded);
    });
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

  async search(query: string, limit = 500): Promise<SearchResponse> {
    const loaded = this.current;
    if (!loaded) return { ok: false, query, error: 'Ponder: no library is open.' };
    if (this.status.state === 'failed') return { ok: false, query, error: this.status.error };
    if (!this.index.ready) return { ok: 'pending', query, index: this.status };
    if (query.trim() === '') return { ok: true, query, total: 0, hits: [] };
    const outcome = await this.index.search(query, { limit });
    if (!outcome.ok) return { ok: false, query, error: outcome.error };
    this.lastSearch = { query, generation: loaded.generation, hits: new Map(outcome.hits.map((hit) => [hit.id, hit])) };
    return {
      ok: true,
      query,
      total: outcome.total,
      hits: outcome.hits.map((hit) => {
        const item = loaded.itemsById.get(hit.id);
        const summaryTerms = hit.terms.summary ?? [];
        return {
          id: hit.id,
          score: hit.score,
          highlights: {
            title: item ? highlightRanges(item.title, summaryTerms) : [],
            snippet: item ? highlightRanges(item.snippet, summaryTerms) : [],
          },
        };
      }),
    };
  }

  async getStory(id: string, query?: string): Promise<StoryDetail | null> {
    const loaded = this.current;
    const story = loaded?.stories.get(id);
    const item = loaded?.itemsById.get(id);
    if (!loaded || !story || !item) return null;
    const detail: StoryDetail = { ...item, summary: story.summary, reflection: story.reflection, question: story.question };
    if (query && query.trim() !== '' && this.index.ready) {
      const hit = await this.hitFor(loaded, id, query);
      if (hit) {
        const { summary, reflection, question, title } = highlightStory(story, hit);
        detail.highlights = { summary, reflection, question, title };
      }
    }
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
    await this.watcher?.close();
    this.watcher = null;
    await this.notes.close();
    await this.index.dispose();
  }

  /** The terms a story matched for `query`: from the last search when it was this query. */
  private async hitFor(loaded: LoadedLibrary, id: string, query: string): Promise<SearchHit | undefined> {
    const last = this.lastSearch;
    const cached = last?.query === query && last.generation === loaded.generation ? last.hits.get(id) : undefined;
    if (cached) return cached;
    const outcome = await this.index.search(query, { ids: [id], supersede: false });
    return outcome.ok ? outcome.hits.find((hit) => hit.id === id) : undefined;
  }

  private adopt(library: Library & { files: FileReads }): LoadedLibrary {
    const items = library.stories.map(toListItem);
    const loaded: LoadedLibrary = {
      library,
      generation: ++this.generation,
      stories: new Map(library.stories.map((story) => [story.id, story])),
      ids: new Set(library.stories.map((story) => story.id)),
      items,
      itemsById: new Map(items.map((item) => [item.id, item])),
    };
    this.current = loaded;
    this.lastSearch = null;
    return loaded;
  }

  private async snapshot(loaded: LoadedLibrary): Promise<LibrarySnapshot> {
    const { library } = loaded;
    return {
      folder: library.folder,
      name: path.basename(library.folder),
      generation: loaded.generation,
      stories: loaded.items,
      topics: library.topics,
      sources: library.sources,
      diagnostics: library.diagnostics,
      notedIds: await this.notes.notedIds(),
      index: this.status,
    };
  }

  /** Derive the topics of a library shown without them, and tell the renderer (same generation: same stories). */
  private async addTopics(loaded: LoadedLibrary): Promise<void> {
    if (this.current !== loaded || loaded.library.topics.length > 0 || loaded.library.stories.length === 0) return;
    const library = withTopics(loaded.library);
    if (this.current !== loaded) return;
    loaded.library = library;
    loaded.stories = new Map(library.stories.map((story) => [story.id, story]));
    loaded.items = library.stories.map(toListItem);
    loaded.itemsById = new Map(loaded.items.map((item) => [item.id, item]));
    this.emit('library:changed', await this.snapshot(loaded));
  }

  private setStatus(status: IndexStatus): void {
    this.status = status;
    this.emit('index:status', status);
  }

  private async buildIndex(loaded: LoadedLibrary): Promise<void> {
    if (this.current !== loaded) return; // a newer library replaced this one
    const { stories, files } = loaded.library;
    this.setStatus({ state: 'building', done: 0, total: stories.length });
    try {
      const result = await this.index.build(stories, {
        fingerprint: libraryFingerprint(files, stories),
        onProgress: (done, total) => {
          if (this.current === loaded) this.setStatus({ state: 'building', done, total });
        },
      });
      if (this.current === loaded) this.setStatus({ state: 'ready', storyCount: stories.length, millis: Math.round(result.millis), fromCache: result.fromCache });
    } catch (error) {
      if (this.current !== loaded) return; // superseded by a newer build: not a failure
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ state: 'failed', error: `Ponder: the search index could not be built: ${message}` });
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
      const library = await loadLibrary(before.library.folder, { reuse: before.library.files });
      if (this.current !== before) return; // another library was opened meanwhile
      const loaded = this.adopt(library);
      const added = library.stories.filter((story) => !before.ids.has(story.id));
      const removed = [...before.ids].filter((id) => !loaded.ids.has(id));
      for (const id of removed) this.departed.set(id, before.stories.get(id)!);
      this.emit('library:changed', await this.snapshot(loaded));
      if (!this.index.ready) {
        // Still building the old content: start over on the new one.
        setImmediate(() => void this.buildIndex(loaded));
      } else if (added.length > 0 || removed.length > 0) {
        await this.index.update({ added, removed }, { fingerprint: libraryFingerprint(library.files, library.stories) });
        this.setStatus({ state: 'ready', storyCount: library.stories.length, millis: 0 });
      }
    };
    const next = this.reloading.then(run, run);
    this.reloading = next.catch(() => undefined);
    return next;
  }
}

function reportRefreshError(error: unknown): void {
  console.error('Ponder: could not reload the library after it changed:', error);
}

function toListItem(story: Story): StoryListItem {
  return {
    id: story.id,
    source: story.source,
    line: story.line,
    title: story.title,
    snippet: storySnippet(story.summary, story.title),
    topics: story.topics,
  };
}
