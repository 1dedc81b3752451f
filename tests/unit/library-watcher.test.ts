import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchLibrary } from '../../electron/core/library/library-watcher';
import type { LibraryWatcher } from '../../electron/core/library/library-watcher';

let tmp: string;
let folder: string;
let watcher: LibraryWatcher | undefined;
let seen: string[][];

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ponder-watch-'));
  folder = path.join(tmp, 'library');
  await mkdir(path.join(folder, 'sub'), { recursive: true });
  await writeFile(path.join(folder, 'a.txt'), 'one');
  seen = [];
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(tmp, { recursive: true, force: true });
});

async function started(library = folder): Promise<void> {
  watcher = watchLibrary(library, (paths) => seen.push(paths.sort()), { debounceMs: 50 });
  await watcher.ready;
}

/** Write `file` in the library and wait until the watcher reports it: everything written before has been seen by then. */
async function roundTrip(file: string): Promise<void> {
  await writeFile(path.join(folder, file), 'sentinel');
  await expect.poll(() => seen.flat(), { timeout: 5_000 }).toContain(file);
}

/** Inode numbers this process holds inotify watches on (Linux): what is really watched, whatever chokidar believes. */
function inotifyWatchedInodes(): Set<number> {
  const inodes = new Set<number>();
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed since the listing (the listing's own fd, for one)
    }
    if (target !== 'anon_inode:inotify') continue;
    for (const match of readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').matchAll(/^inotify wd:\d+ ino:([0-9a-f]+)/gm)) {
      inodes.add(Number.parseInt(match[1]!, 16));
    }
  }
  return inodes;
}

describe('watchLibrary', () => {
  it('reports added, changed and removed digests once per burst, as library paths', async () => {
    await started();
    await writeFile(path.join(folder, 'sub', 'b.txt'), 'two');
    await writeFile(path.join(folder, 'a.txt'), 'one, changed');
    await expect.poll(() => seen.flat().sort(), { timeout: 5_000 }).toEqual(['a.txt', 'sub/b.txt']);
    expect(seen).toHaveLength(1);

    await unlink(path.join(folder, 'a.txt'));
    await expect.poll(() => seen.at(-1), { timeout: 5_000 }).toEqual(['a.txt']);
  });

  it('ignores hidden files and files that are not digests', async () => {
    await started();
    await writeFile(path.join(folder, '.hidden.txt'), 'x');
    await writeFile(path.join(folder, 'notes.md'), 'x');
    await writeFile(path.join(folder, 'c.TXT'), 'x');
    await expect.poll(() => seen.flat(), { timeout: 5_000 }).toEqual(['c.TXT']);
  });

  it('ready settles even when closed before the first scan is done', async () => {
    watcher = watchLibrary(folder, () => {});
    await watcher.close();
    await expect(watcher.ready).resolves.toBeUndefined();
  });

  it('a library opened through a link is watched where it really is', async () => {
    const alias = path.join(tmp, 'alias');
    await symlink(folder, alias);
    await started(alias);
    await writeFile(path.join(folder, 'sub', 'b.txt'), 'two');
    await expect.poll(() => seen.flat(), { timeout: 5_000 }).toEqual(['sub/b.txt']);
  });

  describe('links out of the library', () => {
    let outside: string;

    beforeEach(async () => {
      outside = path.join(tmp, 'outside');
      await mkdir(path.join(outside, 'deep'), { recursive: true });
      await writeFile(path.join(outside, 'o.txt'), 'outside');
      await writeFile(path.join(outside, 'deep', 'p.txt'), 'outside');
      await symlink(outside, path.join(folder, 'out')); // a link to a folder outside
      await symlink(tmp, path.join(folder, 'sub', 'up')); // a loop through the library's parent
      await symlink(path.join(outside, 'o.txt'), path.join(folder, 'linked.txt')); // a digest-named link outside
    });

    it('reports no change made outside, through a link or a loop', async () => {
      await started();
      await writeFile(path.join(outside, 'o.txt'), 'changed outside');
      await writeFile(path.join(outside, 'deep', 'new.txt'), 'new outside');
      await writeFile(path.join(tmp, 'beside.txt'), 'beside the library');
      // Two round trips through the watcher: an event from outside would have arrived by then.
      await roundTrip('first.txt');
      await roundTrip('second.txt');
      expect(seen.flat().sort()).toEqual(['first.txt', 'second.txt']);
    });

    it('reports a link being added or removed, without following it', async () => {
      await started();
      await symlink(outside, path.join(folder, 'out-again'));
      await expect.poll(() => seen.flat(), { timeout: 5_000 }).toEqual(['out-again']);
      await unlink(path.join(folder, 'out'));
      await expect.poll(() => seen.flat(), { timeout: 5_000 }).toEqual(['out-again', 'out']);
    });

    it.skipIf(!existsSync('/proc/self/fdinfo'))('holds no inotify watch on anything outside the library', async () => {
      const inode = async (file: string): Promise<number> => (await stat(file)).ino;
      const outsidePaths = [tmp, outside, path.join(outside, 'o.txt'), path.join(outside, 'deep'), path.join(outside, 'deep', 'p.txt')];
      const outsiders = await Promise.all(outsidePaths.map(inode));
      await started();
      const watched = inotifyWatchedInodes();
      expect(watched.has(await inode(folder)), 'the library itself is watched').toBe(true);
      expect(watched.has(await inode(path.join(folder, 'sub'))), 'and its subfolder').toBe(true);
      expect(outsiders.filter((ino) => watched.has(ino))).toEqual([]);
    });
  });
});
