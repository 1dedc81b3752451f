// One loaded state of the open library, as ReaderSession and the list presenter
// read it — built up as the library loader streams files in (a few hundred
// stories at a time, so no step holds the main thread for long), and replaced
// whole when files change on disk.
//
// Its lookups by id (`stories`, `ids`, `itemsById`) are views of one table, the
// assembler's positions (library-assembly.ts): at 100k stories, four tables of
// 100,000 keys each cost memory, and they all grew (rehashed) in the same step.

import type { LibraryLoaderOptions, LoaderLibrary, LoadProgress } from '../core/library/library-loader';
import type { Story } from '../core/types';
import type { StoryListItem } from '../shared/ipc-contract';
import path from 'node:path';

export interface LoadedLibrary {
  /** The library; while it is read, `stories`, `sources` and `diagnostics` hold what has been read so far. */
  library: LoaderLibrary;
  generation: number;
  stories: ReadonlyMap<string, Story>;
  ids: ReadonlySet<string>;
  /** The list rows, in library order: row `i` is that of `library.stories[i]`. */
  items: StoryListItem[];
  itemsById: ReadonlyMap<string, StoryListItem>;
  /** True once every file has been read. */
  complete: boolean;
}

/** An empty state for the library in `folder`, to `grow` as files arrive. */
export function emptyLoaded(folder: string): LoadedLibrary {
  const library: LoaderLibrary = { folder, stories: [], topics: [], sources: [], diagnostics: [], files: new Map(), placement: [], positions: new Map(), fingerprint: '' };
  const loaded: LoadedLibrary = { library, generation: 0, stories: new Map(), ids: new Set(), items: [], itemsById: new Map(), complete: false };
  // Read through `loaded` at each call (`complete` replaces `library`); only the stories taken in (with a row) count.
  const table: StoryTable = {
    position: (id) => {
      const at = loaded.library.positions.get(id);
      return at !== undefined && at < loaded.items.length ? at : undefined;
    },
    count: () => loaded.items.length,
    idAt: (at) => loaded.items[at]!.id,
  };
  loaded.stories = new ById(table, (at) => loaded.library.stories[at]!);
  loaded.itemsById = new ById(table, (at) => loaded.items[at]!);
  loaded.ids = new IdSet(table);
  return loaded;
}

/** Take in the stories read since the last call (progress arrays only ever grow, in library order). */
export function grow(loaded: LoadedLibrary, progress: LoadProgress): void {
  const { library } = loaded;
  library.stories = progress.stories as Story[];
  library.positions = progress.positions;
  library.sources = progress.sources as LoaderLibrary['sources'];
  library.diagnostics = progress.diagnostics as LoaderLibrary['diagnostics'];
  for (let i = loaded.items.length; i < progress.stories.length; i++) {
    loaded.items.push(toListItem(progress.stories[i]!));
  }
}

/** Every file is read: keep the whole library (its stories are those already taken in). */
export function complete(loaded: LoadedLibrary, library: LoaderLibrary): void {
  grow(loaded, { ...library, filesDone: 0, filesTotal: 0 });
  loaded.library = library;
  loaded.complete = true;
}

export function toListItem(story: Story): StoryListItem {
  return { id: story.id, source: story.source, line: story.line, title: story.title, snippet: story.snippet };
}

/**
 * The library worker's script beside the index worker's: `out/main/library-worker.js` in the
 * app, `electron/core/library/library-worker.ts` when running from source.
 */
export function libraryWorkerBeside(indexWorker: { script: string; execArgv?: string[] }): Pick<LibraryLoaderOptions, 'workerScript' | 'execArgv'> {
  const dir = path.dirname(indexWorker.script);
  const script = indexWorker.script.endsWith('.ts') ? path.join(dir, '..', 'library', 'library-worker.ts') : path.join(dir, 'library-worker.js');
  return { workerScript: script, execArgv: indexWorker.execArgv };
}

/** The positions table, as the views read it. */
interface StoryTable {
  position(id: string): number | undefined;
  count(): number;
  idAt(position: number): string;
}

/** A read-only map by story id over the positions table: `at` gives the value at a position. */
class ById<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly table: StoryTable,
    private readonly at: (position: number) => V,
  ) {}

  get size(): number {
    return this.table.count();
  }

  get(id: string): V | undefined {
    const at = this.table.position(id);
    return at === undefined ? undefined : this.at(at);
  }

  has(id: string): boolean {
    return this.table.position(id) !== undefined;
  }

  forEach(visit: (value: V, id: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [id, value] of this) visit(value, id, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.table.count(); i++) yield [this.table.idAt(i), this.at(i)];
  }

  keys(): MapIterator<string> {
    return idsOf(this.table);
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.table.count(); i++) yield this.at(i);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** The story ids as a read-only set, over the positions table. */
class IdSet implements ReadonlySet<string> {
  constructor(private readonly table: StoryTable) {}

  get size(): number {
    return this.table.count();
  }

  has(id: string): boolean {
    return this.table.position(id) !== undefined;
  }

  forEach(visit: (id: string, again: string, set: ReadonlySet<string>) => void): void {
    for (const id of this) visit(id, id, this);
  }

  *entries(): SetIterator<[string, string]> {
    for (const id of this) yield [id, id];
  }

  keys(): SetIterator<string> {
    return idsOf(this.table);
  }

  values(): SetIterator<string> {
    return idsOf(this.table);
  }

  [Symbol.iterator](): SetIterator<string> {
    return idsOf(this.table);
  }
}

function* idsOf(table: StoryTable): Generator<string, undefined, unknown> {
  for (let i = 0; i < table.count(); i++) yield table.idAt(i);
}
