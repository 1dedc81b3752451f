// One loaded state of the open library, as ReaderSession and the list presenter
// read it — built up as the library loader streams files in (a few hundred
// stories at a time, so no step holds the main thread for long), and replaced
// whole when files change on disk.

import type { LibraryLoaderOptions, LoaderLibrary, LoadProgress } from '../core/library/library-loader';
import type { Story } from '../core/types';
import type { StoryListItem } from '../shared/ipc-contract';
import path from 'node:path';

export interface LoadedLibrary {
  /** The library; while it is read, `stories`, `sources` and `diagnostics` hold what has been read so far. */
  library: LoaderLibrary;
  generation: number;
  stories: Map<string, Story>;
  ids: Set<string>;
  items: StoryListItem[];
  itemsById: Map<string, StoryListItem>;
  /** True once every file has been read. */
  complete: boolean;
}

/** An empty state for the library in `folder`, to `grow` as files arrive. */
export function emptyLoaded(folder: string): LoadedLibrary {
  return {
    library: { folder, stories: [], topics: [], sources: [], diagnostics: [], files: new Map(), placement: [], fingerprint: '' },
    generation: 0,
    stories: new Map(),
    ids: new Set(),
    items: [],
    itemsById: new Map(),
    complete: false,
  };
}

/** Take in the stories read since the last call (progress arrays only ever grow, in library order). */
export function grow(loaded: LoadedLibrary, progress: LoadProgress): void {
  const { library } = loaded;
  library.stories = progress.stories as Story[];
  library.sources = progress.sources as LoaderLibrary['sources'];
  library.diagnostics = progress.diagnostics as LoaderLibrary['diagnostics'];
  for (let i = loaded.items.length; i < progress.stories.length; i++) {
    const story = progress.stories[i]!;
    const item = toListItem(story);
    loaded.stories.set(story.id, story);
    loaded.ids.add(story.id);
    loaded.items.push(item);
    loaded.itemsById.set(story.id, item);
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
