// Tells the app when digest files in the library folder are added, changed or
// removed, so a library stays current without a restart. Uses chokidar (a
// well-kept wrapper over fs.watch) for what fs.watch gets wrong across
// platforms: recursive watching on Linux, editors' atomic saves (write a temp
// file, rename over), and bursts of events for one change.

import path from 'node:path';
import { watch } from 'chokidar';

export interface LibraryWatcher {
  close(): Promise<void>;
}

export interface WatchLibraryOptions {
  /** Quiet time before a burst of changes is reported once. */
  debounceMs?: number;
}

/** Call `onChange(relativePaths)` after digest files under `folder` change. */
export function watchLibrary(
  folder: string,
  onChange: (paths: string[]) => void,
  options: WatchLibraryOptions = {},
): LibraryWatcher {
  const root = path.resolve(folder);
  const debounceMs = options.debounceMs ?? 150;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: true,
    // Hidden files and folders are not part of a library (FORMATS.md §1).
    ignored: (file, stats) => {
      const relative = path.relative(root, file);
      if (relative === '') return false;
      if (relative.split(path.sep).some((part) => part.startsWith('.'))) return true;
      return Boolean(stats?.isFile()) && !/\.txt$/i.test(file);
    },
  });

  // chokidar types every listener's first argument as `string | Error`.
  const note = (file: string | Error) => {
    if (typeof file !== 'string' || !/\.txt$/i.test(file)) return;
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
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
