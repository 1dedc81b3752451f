// The index cache's key: the app (worker threads, folded in file by file as the
// library is assembled) and the CLI (from the loaded library) compute the same
// value, and any change of a file changes it.

import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryFingerprint } from '../../electron/core/library/library-fingerprint';
import { LibraryLoader } from '../../electron/core/library/library-loader';
import { loadLibrary } from '../../electron/core/library/load-library';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const MESSY = path.resolve(__dirname, '../fixtures/messy');
const WORKER = { workerScript: path.resolve(__dirname, '../../electron/core/library/library-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

let root: string;
let loader: LibraryLoader;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-fingerprint-'));
  loader = new LibraryLoader({ ...WORKER, cacheDir: path.join(root, 'cache') });
});
afterEach(async () => {
  await loader.dispose();
  await rm(root, { recursive: true, force: true });
});

/** The CLI's fingerprint of `folder` (loaded in this thread). */
async function cliFingerprint(folder: string): Promise<string> {
  const library = await loadLibrary(folder);
  return libraryFingerprint(library.files, library.stories);
}

describe('library fingerprint', () => {
  it.each([
    ['the sample', SAMPLE],
    ['the messy fixture (duplicates, broken and skipped files)', MESSY],
  ])('is the same from the app’s loader and the CLI for %s', async (_name, folder) => {
    const app = await loader.load(folder);
    expect(app.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(app.fingerprint).toBe(await cliFingerprint(folder));
    // Warm (from the library cache) too.
    expect((await loader.load(folder)).fingerprint).toBe(app.fingerprint);
  });

  it('changes when a file’s mtime, a story’s text or the files change', async () => {
    const library = path.join(root, 'library');
    await cp(SAMPLE, library, { recursive: true });
    const seen = new Set<string>();
    const both = async (): Promise<string> => {
      const app = (await loader.load(library)).fingerprint;
      expect(app).toBe(await cliFingerprint(library));
      return app;
    };
    seen.add(await both());
    const file = path.join(library, (await loader.load(library)).sources[0]!.path);
    const at = new Date('2024-03-01T12:00:00Z');
    await utimes(file, at, at);
    seen.add(await both());
    await writeFile(path.join(library, 'extra.txt'), 'One more story from Lisbon.\nA reflection.\nWhat then?\n');
    seen.add(await both());
    await writeFile(path.join(library, 'extra.txt'), 'One more story from Oporto.\nA reflection.\nWhat then?\n');
    await utimes(path.join(library, 'extra.txt'), at, at);
    seen.add(await both());
    expect(seen.size).toBe(4);
  });

  it('tells apart stories moved from one file to another', async () => {
    const library = path.join(root, 'moved');
    const a = 'Story A from Lisbon.\nA reflection.\nWhat about A?\n';
    const b = 'Story B from Lisbon.\nA reflection.\nWhat about B?\n';
    const at = new Date('2024-03-01T12:00:00Z');
    const write = async (first: string, second: string): Promise<string> => {
      await cp(MESSY, library, { recursive: true, force: true });
      await writeFile(path.join(library, '1.txt'), first);
      await writeFile(path.join(library, '2.txt'), second);
      for (const name of ['1.txt', '2.txt']) await utimes(path.join(library, name), at, at);
      return cliFingerprint(library);
    };
    // Same sizes, same mtimes, same ids in the same order: only which file holds which story differs.
    const stories = `${a}\n${b}`;
    const blank = '\n'.repeat(stories.length);
    expect(await write(stories, blank)).not.toBe(await write(blank, stories));
  });
});
