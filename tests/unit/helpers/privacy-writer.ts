// The privacy test's child (tests/unit/data-privacy.test.ts): with the umask
// it is given, writes everything Ponder writes into ROOT — notes, history,
// state, an export into a new folder, a moved data folder, the watcher's
// notes folder — and prints each path under ROOT with its mode, as JSON.
//   node --require tsx/cjs privacy-writer.ts UMASK ROOT

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppStateStore } from '../../../electron/core/data/app-state';
import { moveDataFolder } from '../../../electron/core/data/data-folder-move';
import { writeFileAtomic } from '../../../electron/core/fs/atomic-write';
import { NotesStore } from '../../../electron/core/notes/notes-store';
import { watchNotes } from '../../../electron/core/notes/notes-watcher';

async function main(umask: number, root: string): Promise<void> {
  process.umask(umask);
  const data = path.join(root, 'data');
  const watcher = watchNotes(path.join(root, 'watched', 'notes'), () => undefined);
  await watcher.close();
  const store = new NotesStore(data);
  await store.save({ id: '3f1c0a9be2d47a15', text: 'private one', question: 'q', source: 's' });
  await store.save({ id: '3f1c0a9be2d47a15', text: 'private two', question: 'q', source: 's' });
  await new AppStateStore(data).update({ lastLibrary: '/somewhere' });
  await writeFileAtomic(path.join(root, 'exports', 'journal.md'), 'exported');
  await moveDataFolder(data, path.join(root, 'moved'), path.join(root, 'default'));
  const modes: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true })) {
    modes[entry] = ((await stat(path.join(root, entry))).mode & 0o777).toString(8);
  }
  process.stdout.write(JSON.stringify(modes));
}

const [umask, root] = process.argv.slice(2);
main(Number.parseInt(umask!, 8), root!).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
