// The app's state behind the IPC handlers: the open library, its search index,
// the notes store and the remembered view. No Electron import, so the e2e host
// runs exactly this code in Node.

import path from 'node:path';
import { AppStateStore } from '../core/app-state';
import { highlightRanges, highlightStory } from '../core/highlight';
import { loadLibrary } from '../core/library';
import { NotesStore } from '../core/notes-store';
import { SearchIndex } from '../core/search-index';
import { storySnippet } from '../core/titles';
import type { Library, Note, SearchHit, Story } from '../core/types';
import type {
  EventChannel,
  EventChannels,
  IndexStatus,
  LibrarySnapshot,
  NotesOverview,
  SaveNoteResponse,
  SearchResponse,
  StoryDetail,
  StoryListItem,
  ViewState,
} from '../shared/ipc-contract';

export type Emit = <C extends EventChannel>(channel: C, payload: EventChannels[C]) => void;

export interface ReaderSessionOptions {
  dataDir: string;
  /** Sends an event to the renderer. */
  emit: Emit;
}

interface OpenLibrary {
  library: Library;
  generation: number;
  stories: Map<string, Story>;
  items: StoryListItem[];
  itemsById: Map<string, StoryListItem>;
  index: SearchIndex | null;
  status: IndexStatus;
  /** Hits of the last query, so opening one of its stories does not search again. */
  lastSearch?: { query: string; hits: Map<string, SearchHit> };
}

export class ReaderSession {
  readonly dataDir: string;
  readonly notes: NotesStore;
  readonly state: AppStateStore;
  private readonly emit: Emit;
  private current: OpenLibrary | null = null;
  private generation = 0;

  constructor(options: ReaderSessionOptions) {
    this.dataDir = options.dataDir;
    this.emit = options.emit;
    this.notes = new NotesStore(options.dataDir);
    this.state = new AppStateStore(options.dataDir);
  }

  /** Load a library folder, remember it, and start indexing it in the background. */
  async open(folder: string): Promise<LibrarySnapshot> {
    const absolute = path.resolve(folder);
    const library = await loadLibrary(absolute);
    const items = library.stories.map(toListItem);
    const open: OpenLibrary = {
      library,
      generation: ++this.generation,
      stories: new Map(library.stories.map((story) => [story.id, story])),
      items,
      itemsById: new Map(items.map((item) => [item.id, item])),
      index: null,
      status: { state: 'building', done: 0, total: library.stories.length },
    };
    this.current = open;
    await this.state.update({ lastLibrary: absolute });
    const snapshot = await this.snapshot(open);
    // The stories are shown before the index exists: build it after this call has answered.
    setImmediate(() => this.buildIndex(open));
    return snapshot;
  }

  /** Re-read the open library from disk (e.g. after files changed). */
  async reload(): Promise<LibrarySnapshot | null> {
    if (!this.current) return null;
    const snapshot = await this.open(this.current.library.folder);
    this.emit('library:changed', snapshot);
    return snapshot;
  }

  async currentSnapshot(): Promise<LibrarySnapshot | null> {
    return this.current ? this.snapshot(this.current) : null;
  }

  get folder(): string | null {
    return this.current?.library.folder ?? null;
  }

  search(query: string, limit = 500): SearchResponse {
    const open = this.current;
    if (!open) return { ok: false, query, error: 'Ponder: no library is open.' };
    if (!open.index) {
      if (open.status.state === 'failed') return { ok: false, query, error: open.status.error };
      return { ok: 'pending', query, index: open.status };
    }
    if (query.trim() === '') return { ok: true, query, total: 0, hits: [] };
    const outcome = open.index.search(query, { limit });
    if (!outcome.ok) return { ok: false, query, error: outcome.error };
    open.lastSearch = { query, hits: new Map(outcome.hits.map((hit) => [hit.id, hit])) };
    return {
      ok: true,
      query,
      total: outcome.total,
      hits: outcome.hits.map((hit) => {
        const item = open.itemsById.get(hit.id);
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

  getStory(id: string, query?: string): StoryDetail | null {
    const open = this.current;
    const story = open?.stories.get(id);
    const item = open?.itemsById.get(id);
    if (!open || !story || !item) return null;
    const detail: StoryDetail = { ...item, summary: story.summary, reflection: story.reflection, question: story.question };
    if (query && query.trim() !== '' && open.index) {
      const hit = this.hitFor(open, id, query);
      if (hit) {
        const { summary, reflection, question, title } = highlightStory(story, hit);
        detail.highlights = { summary, reflection, question, title };
      }
    }
    return detail;
  }

  /** The terms a story matched for `query`: from the last search when it was this query. */
  private hitFor(open: OpenLibrary, id: string, query: string): SearchHit | undefined {
    const cached = open.lastSearch?.query === query ? open.lastSearch.hits.get(id) : undefined;
    if (cached) return cached;
    const outcome = open.index?.search(query);
    return outcome?.ok ? outcome.hits.find((candidate) => candidate.id === id) : undefined;
  }

  getNote(id: string): Promise<Note | null> {
    return this.notes.read(id);
  }

  /** Save a note. Its question and source come from the library, or from the note itself for an orphan. */
  async saveNote(id: string, text: string): Promise<SaveNoteResponse> {
    const story = this.current?.stories.get(id);
    let question = story?.question;
    let source = story?.source;
    if (!story) {
      const existing = await this.notes.read(id);
      if (!existing) throw new Error(`Ponder: there is no story ${id} in this library to attach a note to.`);
      question = existing.question;
      source = existing.source;
    }
    const note = await this.notes.save({ id, text, question: question ?? '', source: source ?? '' });
    return { id, updated: note.updated, answered: note.text.trim() !== '' };
  }

  async notesOverview(): Promise<NotesOverview> {
    const { notes, unreadable } = await this.notes.list();
    const stories = this.current?.stories;
    return { orphans: notes.filter((note) => !stories?.has(note.id)), unreadable };
  }

  async loadView(): Promise<ViewState> {
    return (await this.state.load()).view;
  }

  async saveView(view: ViewState): Promise<void> {
    const state = await this.state.load();
    await this.state.update({ view: { ...state.view, ...view } });
  }

  private async snapshot(open: OpenLibrary): Promise<LibrarySnapshot> {
    const { notes } = await this.notes.list();
    const notedIds = notes.filter((note) => note.text.trim() !== '' && open.stories.has(note.id)).map((note) => note.id);
    const { library } = open;
    return {
      folder: library.folder,
      name: path.basename(library.folder),
      generation: open.generation,
      stories: open.items,
      topics: library.topics,
      sources: library.sources,
      diagnostics: library.diagnostics,
      notedIds,
      index: open.status,
    };
  }

  private buildIndex(open: OpenLibrary): void {
    if (this.current !== open) return; // a newer library replaced this one
    const started = performance.now();
    try {
      open.index = SearchIndex.build(open.library.stories);
      open.status = { state: 'ready', storyCount: open.index.size, millis: Math.round(performance.now() - started) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      open.status = { state: 'failed', error: `Ponder: the search index could not be built: ${message}` };
    }
    if (this.current === open) this.emit('index:status', open.status);
  }
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
