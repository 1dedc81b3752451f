// The app's library loader (worker threads, per-file cache, streamed in order)
// against the in-thread loadLibrary, on real folders.

import { cp, mkdtemp, rm, utimes, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { LibraryLoader } from '../../electron/core/library/library-loader';
import type { LoaderLibrary, LoadProgress } from '../../electron/core/library/library-loader';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const MESSY = path.resolve(__dirname, '../fixtures/messy');
const WORKER = { workerScript: path.resolve(__dirname, '../../electron/core/library/library-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

let root: string;
let loaders: LibraryLoader[];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-loader-'));
  loaders = [];
});
afterEach(async () => {
  await Promise.all(loaders.map((loader) => loader.dispose()));
  await rm(root, { recursive: true, force: true });
});

function newLoader(cacheDir: string | null = path.join(root, 'cache')): LibraryLoader {
  const loader = new LibraryLoader({ ...WORKER, cacheDir });
  loaders.push(loader);
  return loader;
}

/** A whole library from the loader, topics included, shaped as loadLibrary's. */
async function loadWith(loader: LibraryLoader, folder: string, onProgress?: (progress: LoadProgress) => void) {
  const library: LoaderLibrary = await loader.load(folder, { onProgress });
  const topics = library.stories.length > 0 ? await loader.topics(library) : [];
  return { folder: library.folder, stories: library.stories, topics, sources: library.sources, diagnostics: library.diagnostics, files: library.files };
}

function withoutCandidates(library: Awaited<ReturnType<typeof loadLibrary>>) {
  const { files: _files, ...rest } = library;
  return rest;
}

const story = (n: number, file: number): string => `Story ${n} of file ${file} from Lisbon. More news.\nA reflection ${n}.\nWhat about ${n}?\n`;

async function writeLibrary(folder: string, files: number, perFile: number): Promise<void> {
  await cp(MESSY, path.join(folder, 'messy'), { recursive: true });
  for (let f = 0; f < files; f++) {
    await writeFile(path.join(folder, `digest-${f}.txt`), Array.from({ length: perFile }, (_, n) => story(n, f)).join('\n'));
  }
}

describe('LibraryLoader', () => {
  it.each([
    ['the sample', SAMPLE],
    ['the messy fixture', MESSY],
  ])('gives %s exactly as loadLibrary does: stories, topics, sources and diagnostics', async (_name, folder) => {
    const expected = withoutCandidates(await loadLibrary(folder));
    const { files, ...got } = await loadWith(newLoader(null), folder);
    expect(got).toEqual(expected);
    expect([...files.keys()]).toEqual(expected.sources.map((source) => source.path));
  });

  it('streams the stories in library order, the first ones before the last file is in', async () => {
    const folder = path.join(root, 'library');
    await writeLibrary(folder, 120, 5);
    const seen: Array<{ stories: string[]; done: number; total: number }> = [];
    const library = await loadWith(newLoader(), folder, (progress) =>
      seen.push({ stories: progress.stories.map((s) => s.id), done: progress.filesDone, total: progress.filesTotal }),
    );
    const ids = library.stories.map((s) => s.id);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]!.done).toBeLessThan(seen[0]!.total);
    for (const [i, step] of seen.entries()) {
      expect(step.stories).toEqual(ids.slice(0, step.stories.length));
      if (i > 0) expect(step.done).toBeGreaterThan(seen[i - 1]!.done);
    }
    expect(seen.at(-1)).toMatchObject({ done: seen[0]!.total });
    expect(withoutCandidates({ ...library, files: new Map() } as never)).toEqual(withoutCandidates(await loadLibrary(folder)));
  });

  it('takes in files that arrive together a thousand stories or so at a time, so no step holds the main thread long', async () => {
    const folder = path.join(root, 'library');
    await writeLibrary(folder, 40, 250);
    const loader = newLoader();
    await loader.load(folder); // warm next time: files arrive in batches as fast as the cache gives them
    const counts: number[] = [];
    const library = await loader.load(folder, { onProgress: (progress) => counts.push(progress.stories.length) });
    expect(counts.at(-1)).toBe(library.stories.length);
    const steps = counts.map((count, i) => count - (counts[i - 1] ?? 0));
    // At most a thousand stories, plus the rest of the file that reached it.
    expect(Math.max(...steps)).toBeLessThan(1_000 + 250);
  });

  it('starts warm from the cache, reading only the files that changed', async () => {
    const folder = path.join(root, 'library');
    await writeLibrary(folder, 40, 3);
    const coldLoader = newLoader();
    const cold = await loadWith(coldLoader, folder);
    await coldLoader.cacheWritten();
    const files = cold.sources.length;
    expect(files).toBeGreaterThan(40);

    // A new loader (a new start of the app) on the same data folder: nothing is read again.
    const warmLoader = newLoader();
    const warm = await loadWith(warmLoader, folder);
    expect(warmLoader.lastStats).toMatchObject({ reads: 0, hits: files });
    expect(warm.stories).toEqual(cold.stories);
    expect(warm.topics).toEqual(cold.topics);
    await warmLoader.cacheWritten();

    // One file changed while Ponder was closed: only it is read.
    await writeFile(path.join(folder, 'digest-7.txt'), story(1, 7) + '\n' + story(99, 7));
    const next = newLoader();
    const changed = await loadWith(next, folder);
    expect(next.lastStats.reads).toBe(1);
    expect(changed.stories.map((s) => s.id)).toEqual((await loadLibrary(folder)).stories.map((s) => s.id));
    expect(changed.topics).toEqual((await loadLibrary(folder)).topics);
  });

  it('reloads incrementally: only changed, added or removed files cost work, and the result is a fresh load', async () => {
    const folder = path.join(root, 'library');
    await writeLibrary(folder, 30, 3);
    const loader = newLoader();
    await loadWith(loader, folder);
    await writeFile(path.join(folder, 'digest-3.txt'), story(5, 3));
    await writeFile(path.join(folder, 'zz-new.txt'), story(1, 1000));
    await rm(path.join(folder, 'digest-4.txt'));
    const reloaded = await loadWith(loader, folder);
    expect(loader.lastStats.reads).toBe(2);
    expect(withoutCandidates({ ...reloaded, files: new Map() } as never)).toEqual(withoutCandidates(await loadLibrary(folder)));
  });

  it('notices a file rewritten with the same size within the same mtime tick (content hash)', async () => {
    const folder = path.join(root, 'library');
    await writeLibrary(folder, 2, 2);
    const file = path.join(folder, 'digest-1.txt');
    // A whole second, so the same mtime can be set again exactly; recent, as after a save.
    const tick = Math.floor(Date.now() / 1000);
    await utimes(file, tick, tick);
    const before = await stat(file);
    const loader = newLoader();
    const first = await loadWith(loader, folder);
    const text = Array.from({ length: 2 }, (_, n) => story(n, 1)).join('\n');
    await writeFile(file, text.replace('Lisbon', 'Madrid'));
    expect((await stat(file)).size).toBe(before.size);
    await utimes(file, tick, tick);
    // Same size and mtime: only the content tells.
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    const second = await loadWith(loader, folder);
    expect(second.stories.find((s) => s.source === 'digest-1.txt')!.summary).toContain('Madrid');
    expect(first.stories.find((s) => s.source === 'digest-1.txt')!.summary).toContain('Lisbon');
  });

  it('fails with the folder message when the library folder cannot be opened', async () => {
    await expect(newLoader().load(path.join(root, 'missing'))).rejects.toThrow(/^Ponder: cannot open library folder ".*missing": /);
  });
});
