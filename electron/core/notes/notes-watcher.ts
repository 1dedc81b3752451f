// Tells the app which notes changed on disk: another editor, a sync tool
// (Syncthing, Dropbox), or Ponder itself. It only reports ids; the store
// (`NotesStore.noticeChange`) tells Ponder's own saves apart by revision.
// chokidar handles what fs.watch gets wrong: editors' atomic saves (unlink and
// add reported as one change) and platform differences.

import { chmodSync, mkdirSync } from 'node:fs';
import { PRIVATE_DIR_MODE } from '../fs/atomic-write';
import path from 'node:path';
import { watch } from 'chokidar';
import { isNoteFileName } from './note-format';

export interface NotesWatcher {
  /** Resolves once the watcher is listening (changes before that may be missed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchNotesOptions {
  /** Quiet time per note before its change is reported once (writes come in bursts). Default 100 ms. */
  debounceMs?: number;
  /** Called when watching fails. Default: log it. */
  onError?: (error: unknown) => void;
}

/**
 * Call `onChange(id)` when `<notesDir>/<id>.md` is added, changed or removed
 * (also when notes/ itself is removed, and after it is made again). Ignores
 * everything else: temp files, copies kept aside, history, other files.
 * Creates `notesDir` if missing.
 */
export function watchNotes(
  notesDir: string,
  onChange: (id: string) => void,
  options: WatchNotesOptions = {},
): NotesWatcher {
  const root = path.resolve(notesDir);
  const parent = path.dirname(root);
  const debounceMs = options.debounceMs ?? 100;
  const onError = options.onError ?? ((error) => console.error('Ponder: watching the notes folder failed:', error));
  const timers = new Map<string, NodeJS.Timeout>();
  makePrivateDirSync(root);
  const isNoteFile = (file: string) => path.dirname(file) === root && isNoteFileName(path.basename(file));

  // Watch from the data folder, one level down: a watch on notes/ itself dies with the folder
  // when a user or sync tool removes it, and Ponder makes it again on its next save.
  const watcher = watch(parent, {
    ignoreInitial: true,
    depth: 1,
    ignored: (file) => {
      const at = path.resolve(file);
      return at !== parent && at !== root && !isNoteFile(at);
    },
  });

  const changed = (file: string) => {
    const at = path.resolve(file);
    if (!isNoteFile(at)) return;
    const id = path.basename(at, '.md');
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        onChange(id);
      }, debounceMs),
    );
  };
  watcher.on('all', (event, file) => {
    if (typeof file === 'string' && (event === 'add' || event === 'change' || event === 'unlink')) changed(file);
  });
  watcher.on('error', onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    close: async () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await watcher.close();
    },
  };
}

/** Make `dir` (and missing parents) 0700 whatever the umask, as every folder Ponder makes (atomic-write.ts). */
function makePrivateDirSync(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  for (let made = dir; made.length >= first.length; made = path.dirname(made)) chmodSync(made, PRIVATE_DIR_MODE);
}
