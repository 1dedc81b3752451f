// WorkerEngine.preload: the cached index is loaded into the workers while the
// library is still read; the build that follows keeps it only when the
// library's fingerprint and story count are the cache's, and nothing is
// searched from it before that.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { loadLibrary } from '../../electron/core/library/load-library';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import type { Story } from '../../electron/core/types';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');

let sample: Story[];
let cacheDir: string;
let engines: WorkerEngine[];

beforeAll(async () => {
  sample = (await loadLibrary(SAMPLE)).stories;
});
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-preload-'));
  engines = [];
});
afterEach(async () => {
  await Promise.all(engines.map((engine) => engine.dispose()));
  await rm(cacheDir, { recursive: true, force: true });
});

function open(): WorkerEngine {
  const engine = new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2, cacheDir });
  engines.push(engine);
  return engine;
}

/** The library folder the caches below are written for. */
const LIBRARY = '/libraries/news';

/** A cache of `stories` under `fingerprint`, written by an engine of its own for LIBRARY. */
async function cache(stories: readonly Story[], fingerprint: string): Promise<void> {
  const writer = open();
  await writer.preload(LIBRARY);
  await writer.build(stories, { fingerprint });
  await writer.cacheWritten();
  expect(writer.lastCacheError).toBeNull();
}

const QUERIES = ['kursk', 'russia ukraine', 'troops', 'sanctions'];

async function expectPlainResults(engine: WorkerEngine, stories: readonly Story[]): Promise<void> {
  const plain = PlainLunrIndex.build(stories);
  for (const query of QUERIES) expect(await engine.search(query, { supersede: false }), query).toEqual(plain.search(query));
}

describe('WorkerEngine.preload', () => {
  it('loads the cache before the build, which uses it when the fingerprint matches', async () => {
    await cache(sample, 'f1');
    const engine = open();
    await engine.preload(LIBRARY);
    // Loaded, but not the library's until the build says so.
    expect(engine.ready).toBe(false);
    expect((await engine.search('kursk', { supersede: false })).ok).toBe(false);
    // The build uses what is in the workers: the files are not read again.
    await rm(cacheDir, { recursive: true, force: true });
    const built = await engine.build(sample, { fingerprint: 'f1' });
    expect(built.fromCache).toBe(true);
    await expectPlainResults(engine, sample);
  });

  it('rebuilds from the stories when the fingerprint or the story count differs', async () => {
    await cache(sample, 'f1');
    // Another library of as many stories: every story's text changed.
    const changed = sample.map((story) => ({ ...story, id: `${story.id}x`, summary: story.summary.replace(/Russia/g, 'Oporto') }));
    const engine = open();
    await engine.preload(LIBRARY);
    expect((await engine.build(changed, { fingerprint: 'f2' })).fromCache).toBe(false);
    await expectPlainResults(engine, changed);

    await cache(sample, 'f3');
    const fewer = open();
    await fewer.preload(LIBRARY);
    expect((await fewer.build(sample.slice(1), { fingerprint: 'f3' })).fromCache).toBe(false);
    await expectPlainResults(fewer, sample.slice(1));
  });

  it('leaves the cache of another library folder alone', async () => {
    await cache(sample, 'f1');
    const engine = open();
    await engine.preload('/libraries/other');
    await rm(cacheDir, { recursive: true, force: true });
    // Nothing was loaded: with the files gone, the build indexes the stories.
    expect((await engine.build(sample, { fingerprint: 'f1' })).fromCache).toBe(false);
    await expectPlainResults(engine, sample);
  });

  it('leaves the previous library unsearchable, and builds as usual with no cache to preload', async () => {
    const engine = open();
    await engine.build(sample.slice(0, 10), { fingerprint: 'old' });
    expect(engine.ready).toBe(true);
    await rm(cacheDir, { recursive: true, force: true }); // nothing to preload
    await engine.preload(LIBRARY);
    expect(engine.ready).toBe(false);
    expect((await engine.build(sample, { fingerprint: 'new' })).fromCache).toBe(false);
    await expectPlainResults(engine, sample);
  });
});
