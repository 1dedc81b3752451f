// The story list as the renderer pages it: counts, windows of rows, positions and
// topic counts, answered from the library main holds. The renderer never holds the
// whole list (55 MB at 100k stories): it asks for what is on screen. One presenter
// per loaded state of the library; the id lists of topics and files it is asked
// about are kept, so scrolling a filter costs a slice, not a walk of the library.

import type { Story, Topic } from '../core/types';
import { withMarks } from './reading-state';
import type { LibraryProgress, RowsRequest, ShowFilter, StoryFilter, StoryListItem, TopicSummary, ViewRequest, ViewResponse } from '../shared/ipc-contract';

/** What the presenter reads: one loaded state of the library (ReaderSession's). */
export interface PresentedLibrary {
  readonly items: readonly StoryListItem[];
  readonly itemsById: ReadonlyMap<string, StoryListItem>;
  readonly stories: ReadonlyMap<string, Story>;
  readonly topics: readonly Topic[];
  /** The reader's marks now, for the Show choices (asked only when one narrows a list). */
  readonly marks?: () => Promise<Marks>;
}

const NONE: readonly string[] = [];

/** The reader's marks as they are now, which a Show choice filters by. */
export interface Marks {
  read: ReadonlySet<string>;
  starred: ReadonlySet<string>;
  /** Stories with a non-empty note. */
  noted: ReadonlySet<string>;
}

export class LibraryView {
  /** Ids of the topics and files asked about, by filter key. */
  private readonly filtered = new Map<StoryFilter, readonly string[]>();
  private positions: Map<string, number> | null = null;
  private topicIndex: Map<string, number> | null = null;
  /** Lists made for a Show choice, by `show|filter`: kept until a new view asks again (`fresh`). */
  private readonly shownLists = new Map<string, readonly string[]>();
  private fileCounts: Map<string, number> | null = null;
  /** Stories the kept lists were made from: while the library is read, its rows grow in place. */
  private keptFor = 0;

  constructor(private readonly library: PresentedLibrary) {}

  /** Stories in the view. */
  count(filter: StoryFilter | null): number {
    return filter === null ? this.library.items.length : this.ids(filter).length;
  }

  /** Rows `start` (inclusive) to `end` (exclusive) of the view, in its order. */
  rows(filter: StoryFilter | null, start: number, end: number): StoryListItem[] {
    if (filter === null) return this.library.items.slice(start, end);
    return this.rowsOf(this.ids(filter).slice(start, end));
  }

  /** Rows of these stories, in this order; ids that are not stories of the library are left out. */
  rowsOf(ids: readonly string[]): StoryListItem[] {
    const rows: StoryListItem[] = [];
    for (const id of ids) {
      const row = this.library.itemsById.get(id);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Where story `id` is in the view, or -1. */
  position(filter: StoryFilter | null, id: string): number {
    if (filter !== null) return this.ids(filter).indexOf(id);
    this.dropIfGrown();
    this.positions ??= new Map(this.library.items.map((item, index) => [item.id, index]));
    return this.positions.get(id) ?? -1;
  }

  has(id: string): boolean {
    return this.library.itemsById.has(id);
  }

  /**
   * The stories of a topic (in the topic's order, which is the library's) or a file (library
   * order); [] when the filter names nothing in this library.
   */
  ids(filter: StoryFilter): readonly string[] {
    this.dropIfGrown();
    let ids = this.filtered.get(filter);
    if (!ids) {
      ids = filter.startsWith('topic:') ? this.topicIds(filter.slice('topic:'.length)) : this.sourceIds(filter.slice('source:'.length));
      this.filtered.set(filter, ids);
    }
    return ids;
  }

  /**
   * The ids of a view narrowed by a Show choice. Made from the marks when `fresh` (a new view on
   * screen) or when none was made yet; otherwise the list made last, so that what the renderer
   * pages through does not shift while the reader reads, stars and answers its stories.
   */
  async listIds(filter: StoryFilter | null, show: ShowFilter = 'all', fresh = false): Promise<readonly string[]> {
    this.dropIfGrown();
    const all = () => (filter === null ? this.library.items.map((item) => item.id) : this.ids(filter));
    if (show === 'all' || !this.library.marks) return all();
    const key = `${show}|${filter ?? ''}`;
    let ids = this.shownLists.get(key);
    if (!ids || fresh) {
      const keep = keeper(show, await this.library.marks());
      ids = all().filter(keep);
      this.shownLists.set(key, ids);
    }
    return ids;
  }

  /** library:view: the size of a view under its Show choice, and where `locate` is in it. */
  async answerView({ filter, locate, show = 'all', fresh }: ViewRequest): Promise<Omit<ViewResponse, 'generation'>> {
    const known = locate !== undefined && this.has(locate);
    if (show === 'all') return { count: this.count(filter), position: locate === undefined ? -1 : this.position(filter, locate), known };
    const ids = await this.listIds(filter, show, fresh);
    return { count: ids.length, position: locate === undefined ? -1 : ids.indexOf(locate), known };
  }

  /** library:rows: a window of a view (under its Show choice), or named stories; each with its marks. */
  async answerRows(request: RowsRequest): Promise<StoryListItem[]> {
    if ('ids' in request) return this.marked(this.rowsOf(request.ids));
    const { filter, start, end, show = 'all' } = request;
    if (show === 'all') return this.marked(this.rows(filter, start, end));
    return this.marked(this.rowsOf((await this.listIds(filter, show)).slice(start, end)));
  }

  /**
   * `rows` as they are answered: each with its read and starred marks as they are now. Added
   * here, to the few rows asked for, never to the rows kept for the library: marks change often.
   */
  async marked(rows: StoryListItem[]): Promise<StoryListItem[]> {
    if (!this.library.marks || rows.length === 0) return rows;
    const { read, starred } = await this.library.marks();
    return rows.map((row) => withMarks(row, read, starred));
  }

  /** How many stories of the whole library and of each file have a note (their progress bars). */
  progress(noted: Iterable<string>): LibraryProgress {
    this.dropIfGrown();
    if (!this.fileCounts) {
      this.fileCounts = new Map();
      for (const item of this.library.items) this.fileCounts.set(item.source, (this.fileCounts.get(item.source) ?? 0) + 1);
    }
    const answeredIn = new Map<string, number>();
    let answered = 0;
    for (const id of noted) {
      const item = this.library.itemsById.get(id);
      if (!item) continue;
      answered += 1;
      answeredIn.set(item.source, (answeredIn.get(item.source) ?? 0) + 1);
    }
    const files = [...this.fileCounts].map(([path, storyCount]) => ({ path, storyCount, answered: answeredIn.get(path) ?? 0 }));
    return { storyCount: this.library.items.length, answered, files };
  }

  /** Each topic with its story count and how many of them have no note, most stories first. */
  topicSummaries(noted: Iterable<string>): TopicSummary[] {
    const { topics, stories } = this.library;
    this.topicIndex ??= new Map(topics.map((topic, index) => [topic.name, index]));
    // Walk the noted stories (a few hundred), never every topic's ids.
    const answered = new Array<number>(topics.length).fill(0);
    for (const id of noted) {
      for (const name of stories.get(id)?.topics ?? NONE) {
        const index = this.topicIndex.get(name);
        if (index !== undefined) answered[index]! += 1;
      }
    }
    return topics.map((topic, index) => ({
      name: topic.name,
      storyCount: topic.storyIds.length,
      unanswered: topic.storyIds.length - answered[index]!,
    }));
  }

  private dropIfGrown(): void {
    if (this.keptFor === this.library.items.length) return;
    this.keptFor = this.library.items.length;
    this.filtered.clear();
    this.shownLists.clear();
    this.fileCounts = null;
    this.positions = null;
  }

  private topicIds(name: string): readonly string[] {
    return this.library.topics.find((topic) => topic.name === name)?.storyIds ?? NONE;
  }

  private sourceIds(path: string): readonly string[] {
    return this.library.items.filter((item) => item.source === path).map((item) => item.id);
  }
}

/** Whether a story belongs in a Show choice's list. */
function keeper(show: Exclude<ShowFilter, 'all'>, { read, starred, noted }: Marks): (id: string) => boolean {
  switch (show) {
    case 'unread':
      return (id) => !read.has(id);
    case 'starred':
      return (id) => starred.has(id);
    case 'unanswered':
      return (id) => !noted.has(id);
    case 'answered':
      return (id) => noted.has(id);
  }
}

/** One presenter per loaded state: a new one when the rows or the topics were replaced. */
const presenters = new WeakMap<readonly StoryListItem[], { topics: readonly Topic[]; view: LibraryView }>();

export function libraryView(library: PresentedLibrary): LibraryView {
  const known = presenters.get(library.items);
  if (known && known.topics === library.topics) return known.view;
  const view = new LibraryView(library);
  presenters.set(library.items, { topics: library.topics, view });
  return view;
}
