import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchLibrary } from '../../electron/core/library/library-watcher';
import type { LibraryWatcher } from '../../electron/core/library/library-watcher';

let folder: string;
let watcher: LibraryWatcher | undefined;
let seen: string[][];

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'ponder-watch-'));
  await mkdir(path.join(folder, 'sub'));
  await writeFile(path.join(folder, 'a.txt'), 'one');
  seen = [];
});

afterEach(async () => {
  await watcher?.close();
  await rm(folder, { recursive: true, force: true });
});

async function started(): Promise<void> {
  watcher = watchLibrary(folder, (paths) => seen.push(paths.sort()), { debounceMs: 50 });
  await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's initial scan
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
});
