// WorkerEngine with real worker threads (running the TypeScript source through
// tsx), real Lunr and real temp folders: same answers as one plain Lunr index,
// updates, the cache and its failure modes, and cancelled searches.

import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, beforeAll, afterAll, describe, expect } from 'vitest';
import { writeCrowdedLibrary } from '../../bench/crowded-library';
import { ensureLibrary } from '../../bench/generate';
import { QUERY_MIX } from '../../bench/queries';
import { loadLibrary } from '../../electron/core/library/load-library';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { indexCacheFolder } from '../../electron/core/search/index-cache';
import { SEARCH_CANCELLED } from '../../electron/core/search/engine';
import type { WorkerEngineOptions } from '../../electron/core/search/worker-engine';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import type { Story } from '../../electron/core/types';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');

const test = base.extend<{ tmpDir: string; open: (options?: Partial<WorkerEngineOptions>) => WorkerEngine }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-index-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  open: async ({}, use) => {
    const services: WorkerEngine[] = [];
    await use((options = {}) => {
      const service = new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2, ...options });
      services.push(service);
      return service;
    });
    await Promise.all(services.map((service) => service.dispose()));
  },
});

let sample: Story[];
let generated: Story[];
let generatedDir: string;

beforeAll(async () => {
  sample = (await loadLibrary(SAMPLE)).stories;
  generatedDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-generated-'));
  await ensureLibrary(generatedDir, { stories: 2_000, seed: 5 });
  generated = (await loadLibrary(generatedDir)).stories;
});

afterAll(async () => {
  await rm(generatedDir, { recursive: true, force: true });
});

async function ids(service: WorkerEngine, query: string, limit?: number): Promise<string[]> {
  const outcome = await service.search(query, { limit, supersede: false });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.hits.map((hit) => hit.id);
}

describe('WorkerEngine', () => {
  test('answers exactly as one plain Lunr index over the sample: ids, order, scores and terms', async ({ open }) => {
    const service = open();
    expect(service.ready).toBe(false);
    const progress: [number, number][] = [];
    const result = await service.build(sample, { onProgress: (done, total) => progress.push([done, total]) });
    expect(result.fromCache).toBe(false);
    expect(service.ready).toBe(true);
    expect(progress.at(-1)).toEqual([sample.length, sample.length]);
    const plain = PlainLunrIndex.build(sample);
    for (const query of ['kursk', 'russia ukraine', 'inter*', 'regoin~1', '+russia -ukraine', '-russia', 'question:why', ...QUERY_MIX]) {
      expect(await service.search(query, { supersede: false }), query).toEqual(plain.search(query));
      expect(await service.search(query, { limit: 3, supersede: false }), query).toEqual(plain.search(query, { limit: 3 }));
    }
  });

  test('matches one Lunr index over a generated library of 2,000 stories', async ({ open }) => {
    const service = open();
    await service.build(generated);
    const plain = PlainLunrIndex.build(generated);
    let overlap = 0;
    for (const query of QUERY_MIX) {
      const expected = plain.search(query);
      if (!expected.ok) throw new Error(expected.error);
      const top = await ids(service, query, 20);
      const want = expected.hits.slice(0, 20).map((hit) => hit.id);
      overlap += want.length === 0 ? 1 : top.filter((id) => want.includes(id)).length / want.length;
      if (!/[*~:+-]/.test(query)) expect(new Set(await ids(service, query)), query).toEqual(new Set(expected.hits.map((hit) => hit.id)));
    }
    expect(overlap / QUERY_MIX.length).toBeGreaterThanOrEqual(0.9);
  });

  test('reports a query it cannot run with the same message as plain Lunr', async ({ open }) => {
    const service = open();
    await service.build(sample);
    const plain = PlainLunrIndex.build(sample);
    for (const query of ['title:troops', 'troops~', 'troops^', 'summary:']) {
      const outcome = await service.search(query, { supersede: false });
      expect(outcome.ok, query).toBe(false);
      expect(outcome, query).toEqual(plain.search(query));
    }
    expect(await service.search('title:troops')).toEqual({ ok: false, error: 'Ponder: unknown field "title" — search summary:, reflection: or question:.' });
  });

  test('finds an added story and forgets a removed one', async ({ open }) => {
    const service = open();
    const [first, ...rest] = sample;
    await service.build(rest);
    const added = { ...first!, summary: `${first!.summary} Quokkas gathered in Perth.` };
    expect(await ids(service, 'quokkas')).toEqual([]);
    await service.update({ added: [added], removed: [] });
    expect(await ids(service, 'quokkas')).toEqual([added.id]);

    const victim = rest.find((story) => /kursk/i.test(story.summary))!;
    expect(await ids(service, 'kursk')).toContain(victim.id);
    await service.update({ added: [], removed: [victim.id] });
    expect(await ids(service, 'kursk')).not.toContain(victim.id);

    // Same ranking as a rebuild over the library as it now is, before and after the background merge.
    const plain = PlainLunrIndex.build([...rest.filter((story) => story.id !== victim.id), added]);
    const expectSame = async (): Promise<void> => {
      for (const query of ['kursk', 'russia ukraine', 'troops', 'quokka*']) {
        const expected = plain.search(query);
        if (!expected.ok) throw new Error(expected.error);
        expect(await ids(service, query), query).toEqual(expected.hits.map((hit) => hit.id));
      }
    };
    await expectSame();
    await service.merge();
    await expectSame();
  });

  test('ranks and counts within the ids it is given, across workers', async ({ open, tmpDir }) => {
    const crowded = await writeCrowdedLibrary(tmpDir);
    const { stories } = await loadLibrary(tmpDir);
    const ids = stories.filter((story) => story.source === crowded.fewFile).map((story) => story.id);
    const plain = PlainLunrIndex.build(stories).search(crowded.word);
    if (!plain.ok) throw new Error(plain.error);
    const service = open();
    await service.build(stories);
    expect(await service.search(crowded.word, { limit: 500, ids })).toEqual({
      ok: true,
      total: crowded.fewCount,
      hits: plain.hits.filter((hit) => ids.includes(hit.id)),
    });
    // Without ids, the file's stories are beyond the best 500.
    const all = await service.search(crowded.word, { limit: 500 });
    expect(all.ok && all.total).toBe(crowded.crowdCount + crowded.fewCount);
    expect(all.ok && all.hits.filter((hit) => ids.includes(hit.id))).toEqual([]);
  });

  test('a changed story replaces the old one', async ({ open }) => {
    const service = open();
    await service.build(sample);
    const story = sample[3]!;
    await service.update({ added: [{ ...story, reflection: 'Wombats everywhere.' }], removed: [] });
    expect(await ids(service, 'wombats')).toEqual([story.id]);
    const outcome = await service.search('russia', { supersede: false });
    expect(outcome.ok && outcome.hits.filter((hit) => hit.id === story.id).length).toBeLessThanOrEqual(1);
    expect(outcome.ok && outcome.total).toBe((PlainLunrIndex.build(sample).search('russia') as { total: number }).total);
  });

  test('loads from the cache the second time, with the same results', async ({ open, tmpDir }) => {
    const first = open({ cacheDir: tmpDir });
    expect((await first.build(generated, { fingerprint: 'v1' })).fromCache).toBe(false);
    await first.cacheWritten();
    expect(first.lastCacheError).toBeNull();
    const expected = await Promise.all(QUERY_MIX.map((query) => first.search(query, { limit: 20, supersede: false })));

    const second = open({ cacheDir: tmpDir });
    const progress: number[] = [];
    expect((await second.build(generated, { fingerprint: 'v1', onProgress: (done) => progress.push(done) })).fromCache).toBe(true);
    expect(progress.at(-1)).toBe(generated.length);
    for (const [i, query] of QUERY_MIX.entries()) expect(await second.search(query, { limit: 20, supersede: false }), query).toEqual(expected[i]);

    // Another fingerprint: the cache is stale.
    const third = open({ cacheDir: tmpDir });
    expect((await third.build(generated, { fingerprint: 'v2' })).fromCache).toBe(false);
  });

  test('after an update with a new fingerprint, the cache holds the updated index', async ({ open, tmpDir }) => {
    const [first, ...rest] = sample;
    const service = open({ cacheDir: tmpDir });
    await service.build(rest, { fingerprint: 'before' });
    await service.update({ added: [first!], removed: [rest[0]!.id] }, { fingerprint: 'after' });
    await service.cacheWritten();
    expect(service.lastCacheError).toBeNull();

    const library = [...rest.slice(1), first!];
    const next = open({ cacheDir: tmpDir });
    expect((await next.build(library, { fingerprint: 'after' })).fromCache).toBe(true);
    const plain = PlainLunrIndex.build(library);
    for (const query of ['kursk', 'russia ukraine', 'troops']) expect(await next.search(query, { supersede: false }), query).toEqual(plain.search(query));
  });

  test('runs from a CommonJS bundle, as the app ships it', async ({ open }) => {
    const { build } = await import('esbuild');
    // lunr stays external, as in out/main/index-worker.js: bundle inside the project so it resolves.
    const cache = path.resolve(__dirname, '../../node_modules/.cache');
    await mkdir(cache, { recursive: true });
    const dir = await mkdtemp(path.join(cache, 'ponder-worker-'));
    try {
      const bundle = path.join(dir, 'index-worker.js');
      await build({ entryPoints: [WORKER], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['lunr'], logLevel: 'silent' });
      const service = open({ workerScript: bundle, execArgv: [] });
      await service.build(sample);
      expect(await service.search('kursk', { supersede: false })).toEqual(PlainLunrIndex.build(sample).search('kursk'));
      await service.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('rebuilds silently when a cache file is truncated, garbled or missing', async ({ open, tmpDir }) => {
    const folder = indexCacheFolder(tmpDir);
    const writer = open({ cacheDir: tmpDir });
    await writer.build(sample, { fingerprint: 'f' });
    await writer.cacheWritten();
    const plain = PlainLunrIndex.build(sample);

    const segments = async (): Promise<string[]> => (await readdir(folder)).filter((name) => name.endsWith('.bin')).map((name) => path.join(folder, name));
    const damages: ((file: string) => Promise<void>)[] = [
      async (file) => truncate(file, 100),
      async (file) => {
        const bytes = await readFile(file);
        bytes[bytes.length - 10]! ^= 0x55;
        await writeFile(file, bytes);
      },
      async (file) => rm(file),
    ];
    for (const damage of damages) {
      await damage((await segments())[0]!);
      const service = open({ cacheDir: tmpDir });
      const result = await service.build(sample, { fingerprint: 'f' });
      expect(result.fromCache).toBe(false);
      expect(await service.search('kursk', { supersede: false })).toEqual(plain.search('kursk'));
      // The rebuild rewrote the cache: the next start uses it.
      await service.cacheWritten();
      const next = open({ cacheDir: tmpDir });
      expect((await next.build(sample, { fingerprint: 'f' })).fromCache).toBe(true);
    }

    await writeFile(path.join(folder, 'manifest.json'), '{"format":');
    expect((await open({ cacheDir: tmpDir }).build(sample, { fingerprint: 'f' })).fromCache).toBe(false);
  });

  test('a newer search cancels an older pending one', async ({ open }) => {
    const service = open();
    await service.build(sample);
    const older = service.search('russia');
    const newer = service.search('ukraine');
    const lookup = service.search('kursk', { supersede: false, ids: [sample[0]!.id] });
    expect(await older).toEqual({ ok: false, cancelled: true, error: SEARCH_CANCELLED });
    expect((await newer).ok).toBe(true);
    const found = await lookup;
    expect(found.ok && found.hits.map((hit) => hit.id)).toEqual([sample[0]!.id]);
    // Counted within the ids asked for.
    expect(found.ok && found.total).toBe(1);
  });

  test('searches wait for the build, and a newer build replaces an older one', async ({ open }) => {
    const service = open();
    expect(await service.search('kursk')).toEqual({ ok: false, error: 'Ponder: the search index has not been built yet.' });
    const older = service.build(generated);
    const newer = service.build(sample);
    const search = service.search('kursk', { supersede: false });
    await expect(older).rejects.toThrow('replaced by a newer one');
    await newer;
    expect(await search).toEqual(PlainLunrIndex.build(sample).search('kursk'));
  });

  test('an empty library builds and finds nothing', async ({ open }) => {
    const service = open();
    await service.build([]);
    expect(await service.search('anything')).toEqual({ ok: true, total: 0, hits: [] });
    await service.update({ added: [sample[0]!], removed: [] });
    expect(await ids(service, 'kursk')).toEqual([sample[0]!.id]);
  });
});
