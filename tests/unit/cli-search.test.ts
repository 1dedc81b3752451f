// `ponder search` runs the app's engine in process, on the app's cache in the
// data folder: the first call indexes and writes the cache, the next call on
// the same unchanged library loads it, and both print the same ranked hits —
// plain Lunr's — with highlight ranges over the words that matched.

import { execFile } from 'node:child_process';
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { loadLibrary } from '../../electron/core/library/load-library';
import { indexCacheFolder } from '../../electron/core/search/index-cache';
import { test } from './helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources/sample');
const CLI = path.join(ROOT, 'out/cli/index.js');
const run = promisify(execFile);

interface PrintedHit {
  id: string;
  score: number;
  title: string;
  highlights: { title: [number, number][]; summary: [number, number][]; reflection: [number, number][]; question: [number, number][] };
}

// The built file, as `ponder-cli` runs; built from the current source (atomically) so a stale out/ cannot pass.
beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
}, 60_000);

/** `ponder search` with --verbose: the hits, and what it said about the index on stderr. */
async function search(library: string, dataDir: string, ...query: string[]) {
  const { stdout, stderr } = await run(process.execPath, [CLI, 'search', library, ...query, '--data-dir', dataDir, '--verbose'], {
    cwd: ROOT,
    env: { ...process.env, PONDER_DATA_DIR: '' },
  });
  const index = JSON.parse(stderr.trim().split('\n')[0]!) as { index: { stories: number; fromCache: boolean } };
  return { hits: JSON.parse(stdout) as PrintedHit[], index: index.index };
}

describe('ponder search', () => {
  test('indexes once, then answers from the app’s cache in the data folder', async ({ tmpDir }) => {
    const library = path.join(tmpDir, 'library');
    await cp(SAMPLE, library, { recursive: true });
    const dataDir = path.join(tmpDir, 'data');

    const first = await search(library, dataDir, 'russia', 'troops');
    expect(first.index).toMatchObject({ stories: 26, fromCache: false });
    const manifest = path.join(indexCacheFolder(path.join(dataDir, 'cache')), 'manifest.json');
    const written = (await stat(manifest)).mtimeMs;

    const second = await search(library, dataDir, 'russia', 'troops');
    expect(second.index).toMatchObject({ stories: 26, fromCache: true });
    expect(second.hits).toEqual(first.hits);
    expect((await stat(manifest)).mtimeMs).toBe(written);

    // Plain Lunr's hits, in its order, with its scores (rounded as printed).
    const { stories } = await loadLibrary(library);
    const plain = PlainLunrIndex.build(stories).search('russia troops');
    if (!plain.ok) throw new Error(plain.error);
    expect(first.hits.map((hit) => [hit.id, hit.score])).toEqual(plain.hits.map((hit) => [hit.id, Math.round(hit.score * 1000) / 1000]));

    // A changed library: its fingerprint differs, so it is indexed again.
    await writeFile(path.join(library, 'zz-new.txt'), 'Quokkas were counted on Rottnest Island.\nSmall animals draw crowds.\nWhat should visitors change?\n');
    const changed = await search(library, dataDir, 'quokkas');
    expect(changed.index).toMatchObject({ stories: 27, fromCache: false });
    expect(changed.hits).toHaveLength(1);
    expect(JSON.parse(await readFile(manifest, 'utf8'))).toMatchObject({ storyCount: 27 });
  });

  test('marks exactly the words that matched, in every field', async ({ tmpDir }) => {
    const { hits } = await search(SAMPLE, tmpDir, '+kursk', 'troops');
    const { stories } = await loadLibrary(SAMPLE);
    expect(hits.length).toBeGreaterThan(0);
    let marks = 0;
    for (const hit of hits) {
      const story = stories.find((candidate) => candidate.id === hit.id)!;
      for (const field of ['summary', 'reflection', 'question'] as const) {
        for (const [from, to] of hit.highlights[field]) {
          expect(['kursk', 'troops', 'troop']).toContain(story[field].slice(from, to).toLowerCase());
          marks++;
        }
      }
      // +kursk: every hit has Kursk somewhere, and it is marked there.
      expect(hit.highlights.summary.length + hit.highlights.reflection.length + hit.highlights.question.length).toBeGreaterThan(0);
    }
    expect(marks).toBeGreaterThanOrEqual(hits.length);
  });
});
