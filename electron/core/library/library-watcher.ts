// Tells the app when digest files in the library folder are added, changed or
// removed, so a library stays current without a restart. Uses chokidar (a
// well-kept wrapper over fs.watch) for what fs.watch gets wrong across
// platforms: recursive watching on Linux, editors' atomic saves (write a temp
// file, rename over), and bursts of events for one change.
//
// It watches by the scanner's rule (scan.ts): hidden names are skipped, only
// folders, links and `*.txt` files are watched, and nothing outside the library
// folder is watched or read. So links are not followed: a link to `/usr/share`
// once cost thousands of inotify watches, and a link to `/` walked into `/proc`.
// A link is watched as itself (added, removed, pointed elsewhere), and the
// folders a link inside the library leads to are watched under their real path.

import { realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

import { isDigestName, isHiddenName } from './scan';

export interface LibraryWatcher {
  /** Settles once the folder has been scanned: any change after that is reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchLibraryOptions {
  /** Quiet time before a burst of changes is reported once. */
  debounceMs?: number;
}

/**
 * Folders nested deeper than this below the library are not watched: a bound
 * on the watches a pathological tree can take. Real libraries are a few deep.
 */
export const MAX_WATCH_DEPTH = 32;

/** Call `onChange(relativePaths)` after digest files (or links) under `folder` change. */
export function watchLibrary(
  folder: string,
  onChange: (paths: string[]) => void,
  options: WatchLibraryOptions = {},
): LibraryWatcher {
  const root = realFolder(folder);
  const debounceMs = options.debounceMs ?? 150;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    depth: MAX_WATCH_DEPTH,
    ignored: (file: string, stats?: Stats) => !isWatched(root, file, stats),
  });

  let settle: () => void = () => {};
  let scanned = false;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  watcher.once('ready', () => {
    scanned = true;
    settle();
  });

  // Only digests, folders and links get this far (`ignored`). Nothing is
  // reported before the first scan is done: chokidar announces the links it
  // finds then, despite `ignoreInitial`. It types every listener's first
  // argument as `string | Error`.
  const note = (file: string | Error) => {
    if (!scanned || typeof file !== 'string') return;
    pending.add(path.relative(root, file).split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending.clear();
      onChange(paths);
    }, debounceMs);
  };
  watcher.on('add', note).on('change', note).on('unlink', note);
  watcher.on('unlinkDir', (dir) => {
    if (typeof dir === 'string') note(path.join(dir, '(folder).txt'));
  });
  watcher.on('error', (error) => console.error('Ponder: watching the library failed:', error));

  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      settle(); // nobody waits for a scan that will never finish
      await watcher.close();
    },
  };
}

/**
 * The scanner's rule for a path chokidar meets: inside the library, no hidden
 * name on the way, and (once its stats are known) a folder, a link, or a regular
 * `*.txt` file. Without stats only the name can be judged; chokidar asks again with them.
 */
function isWatched(root: string, file: string, stats: Stats | undefined): boolean {
  const relative = path.relative(root, file);
  if (relative === '') return true;
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
  if (relative.split(path.sep).some(isHiddenName)) return false;
  if (!stats || stats.isDirectory() || stats.isSymbolicLink()) return true;
  return stats.isFile() && isDigestName(file);
}

/**
 * The folder's real path, so a library opened through a link is watched where
 * it is (links are not followed). If it cannot be resolved, chokidar reports it.
 */
function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}
