// Moving the data folder (a synced folder, another disk): copy, verify, then
// switch. The switch is one small atomic file in the default data folder
// (data-dir.ts reads it at start-up), so a crash at any point leaves Ponder
// using either the old folder or a complete, verified new one. The old folder
// is never deleted: the caller tells the user it is still there.

import { readdir, readFile, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { nodeWriteFs, writeFileAtomic, writeNewFileAtomic } from '../fs/atomic-write';
import { describeFsError, errorCode, noop } from '../fs/errors';
import { isWithin } from '../fs/paths';
import { LOCATION_FILE, MOVED_ENTRIES } from './layout';

/**
 * Copy `notes/`, `history/` and `state.json` from the data folder `from` to
 * `to` (which must be empty or not exist), check every copied file byte for
 * byte against its original, then write `<defaultDir>/location.json` so the
 * next start uses `to`. Nothing in `from` is changed or deleted. On failure
 * the copies made so far are removed and the pointer is not written. Pending
 * saves must be flushed first: a file that changes during the move fails the
 * check.
 */
export async function moveDataFolder(from: string, to: string, defaultDir: string): Promise<void> {
  const source = path.resolve(from);
  const target = path.resolve(to);
  const fail = (why: string, cause?: unknown) =>
    new Error(`Ponder: could not move the data folder to ${target}: ${why}`, { cause });
  if (source === target) throw fail('it is already the data folder.');
  for (const entry of MOVED_ENTRIES) {
    const moved = path.join(source, entry);
    if (isWithin(moved, target)) throw fail(`it is inside ${moved}.`);
  }
  await checkEmpty(target, fail);

  const copied: string[] = [];
  try {
    for (const entry of MOVED_ENTRIES) await copyTree(path.join(source, entry), path.join(target, entry), copied);
    for (const file of copied) {
      const relative = path.relative(target, file);
      const [original, copy] = await Promise.all([readFile(path.join(source, relative)), readFile(file)]);
      if (!original.equals(copy)) {
        throw fail(`the copy of ${relative} differs from the original (was it changed during the move?). Try again.`);
      }
    }
  } catch (error) {
    await removeCopies(target, copied);
    if (error instanceof Error && error.message.startsWith('Ponder: ')) throw error;
    throw fail(`${describeFsError(error)}. Nothing was changed.`, error);
  }
  try {
    await writeFileAtomic(path.join(defaultDir, LOCATION_FILE), `${JSON.stringify({ dataDir: target }, null, 2)}\n`);
  } catch (error) {
    throw fail(
      `the notes were copied there, but Ponder could not record the new place in ${defaultDir} ` +
        `(${describeFsError(error)}). It keeps using ${source}.`,
      error,
    );
  }
}

// ---------------------------------------------------------------------------

async function checkEmpty(target: string, fail: (why: string) => Error): Promise<void> {
  let names: string[];
  try {
    names = await readdir(target);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw fail('it is a file, not a folder.');
    throw fail(`${describeFsError(error)}.`);
  }
  if (names.length > 0) throw fail('it is not empty. Choose an empty or a new folder.');
}

/** Copy the file or folder `from` to `to` (if it exists), fsynced; appends each file written to `copied`. */
async function copyTree(from: string, to: string, copied: string[]): Promise<void> {
  const info = await stat(from).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  });
  if (!info) return;
  if (info.isFile()) {
    await writeNewFileAtomic(to, await readFile(from));
    copied.push(to);
    return;
  }
  if (!info.isDirectory()) return;
  for (const name of (await readdir(from)).sort()) {
    // Temp files of interrupted writes are not data.
    if (name.startsWith('.') && name.endsWith('.tmp')) continue;
    await copyTree(path.join(from, name), path.join(to, name), copied);
  }
}

/** Undo a failed copy: only files this move wrote, then the folders they leave empty. */
async function removeCopies(target: string, copied: string[]): Promise<void> {
  for (const file of copied) await nodeWriteFs.rm(file, { force: true }).catch(noop);
  const dirs = new Set<string>();
  for (const file of copied) {
    for (let dir = path.dirname(file); isWithin(target, dir); dir = path.dirname(dir)) dirs.add(dir);
  }
  const deepestFirst = [...dirs].sort((a, b) => b.length - a.length);
  for (const dir of deepestFirst) await rmdir(dir).catch(noop);
}
