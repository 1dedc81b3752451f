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
import { loadLibrary, withTopics } from '../core/library/load-library';
import type { FileReads } from '../core/library/load-library';
import { libraryFingerprint } from '../core/library/library-fingerprint';
import { watchLibrary } from '../core/library/library-watcher';
import type { LibraryWatcher } from '../core/library/library-watcher';
import { WorkerEngine } from '../core/search/worker-engine';
import type { Library, Story } from '../core/types';
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
import { SearchService } from './search-service';
import type { SearchRequestOptions } from './search-service';

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
  private readonly index: WorkerEngine;
  private readonly searching: SearchService;
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
    this.index = new WorkerEngine({
      workerScript: options.indexWorker.script,
      execArgv: options.indexWorker.execArgv,
      cacheDir: dataLayout(options.dataDir).cache,
    });
    this.searching = new SearchService(this.index, async () => (await this.notes.overview()).orphans);
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

  /** Search the library (within `ids` when given), or the orphaned notes (`scope: 'orphans'`). */
  async search(query: string, options: SearchRequestOptions = {}): Promise<SearchResponse> {
    if (options.scope === 'orphans') return this.searching.searchOrphans(query, options);
    const loaded = this.current;
    if (!loaded) return { ok: false, query, error: 'Ponder: no library is open.' };
    if (this.status.state === 'failed') return { ok: false, query, error: this.status.error };
    if (!this.index.ready) return { ok: 'pending', query, index: this.status };
    return this.searching.searchLibrary(loaded, query, options);
  }

  async getStory(id: string, query?: string): Promise<StoryDetail | null> {
    const loaded = this.current;
    const story = loaded?.stories.get(id);
    const item = loaded?.itemsById.get(id);
    if (!loaded || !story || !item) return null;
    const detail: StoryDetail = { ...item, summary: story.summary, reflection: story.reflection, question: story.question };
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
    await this.watcher?.close();
    this.watcher = null;
    await this.notes.close();
    await this.searching.close();
    await this.index.dispose();
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
    this.searching.forgetLastSearch();
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
    snippet: story.snippet,
  };
}
