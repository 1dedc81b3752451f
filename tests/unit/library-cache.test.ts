// The library cache's bucket files: a damaged, truncated or old-format bucket is
// ignored and rebuilt silently, on real files in a temp folder.

import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBucket, encodeBucket, libraryCacheFolder, LIBRARY_CACHE_FORMAT } from '../../electron/core/library/library-cache';
import { readLibraryFile } from '../../electron/core/library/library-file';
import { LibraryLoader } from '../../electron/core/library/library-loader';
import { packFileRead, unpackStories } from '../../electron/core/library/story-packing';

const MESSY = path.resolve(__dirname, '../fixtures/messy');
const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = { workerScript: path.resolve(__dirname, '../../electron/core/library/library-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

let root: string;
let library: string;
let cacheDir: string;
let loaders: LibraryLoader[];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-library-cache-'));
  library = path.join(root, 'library');
  cacheDir = path.join(root, 'cache');
  await cp(MESSY, library, { recursive: true });
  await cp(SAMPLE, path.join(library, 'sample'), { recursive: true });
  loaders = [];
});
afterEach(async () => {
  await Promise.all(loaders.map((loader) => loader.dispose()));
  await rm(root, { recursive: true, force: true });
});

/** A fresh start of the app on the same data folder: the stories and how many files were read. */
async function start() {
  const loader = new LibraryLoader({ ...WORKER, cacheDir });
  loaders.push(loader);
  const loaded = await loader.load(library);
  await loader.dispose(); // the cache is written after the stories are answered
  return { stories: loaded.stories, diagnostics: loaded.diagnostics, files: loaded.files.size, reads: loader.lastStats.reads };
}

async function buckets(): Promise<string[]> {
  const folder = libraryCacheFolder(cacheDir);
  return (await readdir(folder)).filter((name) => name.endsWith('.bin')).map((name) => path.join(folder, name));
}

describe('library cache', () => {
  it('round-trips a bucket of packed stories, and refuses damaged, truncated and other-format bytes', async () => {
    const read = await readLibraryFile(SAMPLE, '000_f4e10373848a0985.txt');
    const entry = packFileRead(read);
    const bytes = encodeBucket(new Map([['key', entry]]));
    const decoded = decodeBucket(bytes)?.get('key');
    expect(decoded).toEqual(entry);
    const { stories, ...rest } = read;
    expect(decoded).toMatchObject(rest);
    expect(unpackStories(decoded!.packed, 'a.txt')).toEqual(stories.map((story) => ({ ...story, source: 'a.txt', topics: [] })));
    expect(stories.length).toBeGreaterThan(0);
    // A bucket of the previous format, stories unpacked: refused by its format number, and by its shape.
    const unpacked = encodeBucket(new Map([['key', read as never]]));
    expect(decodeBucket(unpacked)).toBeNull();
    unpacked.writeUInt32LE(LIBRARY_CACHE_FORMAT - 1000, 8);
    expect(decodeBucket(unpacked)).toBeNull();

    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100]! ^= 0xff;
    expect(decodeBucket(damaged)).toBeNull();
    expect(decodeBucket(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeBucket(bytes.subarray(0, 10))).toBeNull();
    const older = Buffer.from(bytes);
    older.writeUInt32LE(LIBRARY_CACHE_FORMAT - 1, 8);
    expect(decodeBucket(older)).toBeNull();
    expect(decodeBucket(Buffer.from('not a cache at all, just text'))).toBeNull();
  });

  it('decodes packed stories and topic candidates into arrays of their own, so the bucket bytes can be freed', async () => {
    const read = await readLibraryFile(SAMPLE, '000_f4e10373848a0985.txt');
    const bytes = encodeBucket(new Map([['key', packFileRead(read)]]));
    const { topics, packed } = decodeBucket(bytes)!.get('key')!;
    expect(topics.stories.length).toBeGreaterThan(0);
    expect(packed.numbers.length).toBeGreaterThan(0);
    for (const array of [topics.atSentenceStart, topics.ends, topics.stories, packed.numbers]) {
      expect(array.buffer).not.toBe(bytes.buffer);
      expect(array.buffer.byteLength).toBe(array.byteLength);
    }
  });

  it.each([
    ['damaged bytes', async (file: string) => {
      const bytes = await readFile(file);
      for (let i = 24; i < bytes.length; i += 7) bytes[i]! ^= 0x5a;
      await writeFile(file, bytes);
    }],
    ['a truncated file', async (file: string) => truncate(file, Math.floor((await readFile(file)).length / 2))],
    ['an old format version', async (file: string) => {
      const bytes = await readFile(file);
      bytes.writeUInt32LE(LIBRARY_CACHE_FORMAT + 1000, 8);
      await writeFile(file, bytes);
    }],
  ])('with %s, reads the files again, gives the same library, and rewrites the cache', async (_name, spoil) => {
    const cold = await start();
    expect(cold.reads).toBe(cold.files);
    expect((await start()).reads).toBe(0);

    for (const file of await buckets()) await spoil(file);
    const rebuilt = await start();
    expect(rebuilt.reads).toBe(cold.files);
    expect(rebuilt.stories).toEqual(cold.stories);
    expect(rebuilt.diagnostics).toEqual(cold.diagnostics);

    // The rebuilt cache is whole again.
    expect((await start()).reads).toBe(0);
  });
});
