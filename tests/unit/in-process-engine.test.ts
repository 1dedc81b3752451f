// InProcessEngine (the CLI's engine) on real files: the same answers as one
// plain Lunr index, searches ranked within a filter's ids, and the app's cache
// format — what it writes WorkerEngine loads, and the other way round.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { writeCrowdedLibrary } from '../../bench/crowded-library';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { QUERY_MIX } from '../../bench/queries';
import { loadLibrary } from '../../electron/core/library/load-library';
import { ENGINE_CLOSED } from '../../electron/core/search/engine';
import type { SearchEngine } from '../../electron/core/search/engine';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import { indexCacheFolder } from '../../electron/core/search/index-cache';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import type { Story } from '../../electron/core/types';
import { test } from './helpers/temp-dir';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');
const QUERIES = ['kursk', 'russia ukraine', 'inter*', 'regoin~1', '+russia -ukraine', '-russia', 'question:why', 'title:troops', 'troops~', ...QUERY_MIX];

let sample: Story[];
beforeAll(async () => {
  sample = (await loadLibrary(SAMPLE)).stories;
});

async function withEngines<T>(engines: SearchEngine[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await Promise.all(engines.map((engine) => engine.dispose()));
  }
}

describe('InProcessEngine', () => {
  test('answers exactly as one plain Lunr index: ids, order, scores, terms and errors', async () => {
    const engine = new InProcessEngine();
    expect(await engine.search('kursk')).toEqual({ ok: false, error: 'Ponder: the search index has not been built yet.' });
    expect((await engine.build(sample)).fromCache).toBe(false);
    const plain = PlainLunrIndex.build(sample);
    for (const query of QUERIES) {
      expect(await engine.search(query), query).toEqual(plain.search(query));
      expect(await engine.search(query, { limit: 3 }), query).toEqual(plain.search(query, { limit: 3 }));
    }
    await engine.dispose();
    expect(await engine.search('kursk')).toEqual({ ok: false, error: ENGINE_CLOSED });
  });

  test('ranks and counts within the ids it is given, however many stories outrank them elsewhere', async ({ tmpDir }) => {
    const crowded = await writeCrowdedLibrary(tmpDir);
    const { stories } = await loadLibrary(tmpDir);
    const ids = stories.filter((story) => story.source === crowded.fewFile).map((story) => story.id);
    expect(ids).toHaveLength(crowded.fewCount);
    const plain = PlainLunrIndex.build(stories).search(crowded.word);
    if (!plain.ok) throw new Error(plain.error);
    // The case of the bug: the library's best 500 hold none of the file's stories.
    expect(plain.hits.slice(0, 500).filter((hit) => ids.includes(hit.id))).toEqual([]);

    const engine = new InProcessEngine();
    await withEngines([engine], async () => {
      await engine.build(stories);
      const within = await engine.search(crowded.word, { limit: 500, ids });
      // Plain Lunr's ranking, restricted to the file: same order and scores.
      expect(within).toEqual({ ok: true, total: crowded.fewCount, hits: plain.hits.filter((hit) => ids.includes(hit.id)) });
      expect(await engine.search(crowded.word, { limit: 2, ids })).toMatchObject({ ok: true, total: crowded.fewCount });
      expect(await engine.search('giraffes', { ids: [] })).toEqual({ ok: true, total: 0, hits: [] });
    });
  });

  test('an update ranks as a rebuild over the library as it now is', async () => {
    const [first, ...rest] = sample;
    const engine = new InProcessEngine();
    await withEngines([engine], async () => {
      await engine.build(rest);
      const victim = rest.find((story) => /kursk/i.test(story.summary))!;
      const added = { ...first!, summary: `${first!.summary} Quokkas gathered in Perth.` };
      await engine.update({ added: [added], removed: [victim.id] });
      const plain = PlainLunrIndex.build([...rest.filter((story) => story.id !== victim.id), added]);
      for (const query of ['kursk', 'quokka*', 'russia ukraine', 'troops']) expect(await engine.search(query), query).toEqual(plain.search(query));
    });
  });

  test('writes the app’s cache and loads it the second time, without indexing', async ({ tmpDir }) => {
    const first = new InProcessEngine({ cacheDir: tmpDir });
    const expected = await withEngines([first], async () => {
      expect((await first.build(sample, { fingerprint: 'f1' })).fromCache).toBe(false);
      return Promise.all(QUERIES.map((query) => first.search(query)));
    });
    expect(first.lastCacheError).toBeNull();
    const folder = indexCacheFolder(tmpDir);
    const manifest = path.join(folder, 'manifest.json');
    const written = await stat(manifest);

    const second = new InProcessEngine({ cacheDir: tmpDir });
    await withEngines([second], async () => {
      expect((await second.build(sample, { fingerprint: 'f1' })).fromCache).toBe(true);
      for (const [i, query] of QUERIES.entries()) expect(await second.search(query), query).toEqual(expected[i]);
    });
    // Nothing was rewritten: the cache was only read.
    expect((await stat(manifest)).mtimeMs).toBe(written.mtimeMs);

    // A damaged segment file: indexed again, and the cache rewritten.
    const segment = (await readdir(folder)).find((name) => name.endsWith('.bin'))!;
    const bytes = await readFile(path.join(folder, segment));
    bytes[bytes.length - 5]! ^= 0x55;
    await writeFile(path.join(folder, segment), bytes);
    const third = new InProcessEngine({ cacheDir: tmpDir });
    await withEngines([third], async () => {
      expect((await third.build(sample, { fingerprint: 'f1' })).fromCache).toBe(false);
      expect(await third.search('kursk')).toEqual(expected[0]);
    });
    expect(JSON.parse(await readFile(manifest, 'utf8'))).toMatchObject({ fingerprint: 'f1', storyCount: sample.length });
  });

  test('shares one cache with the app’s WorkerEngine, both ways', async ({ tmpDir }) => {
    const plain = PlainLunrIndex.build(sample);
    const cli = new InProcessEngine({ cacheDir: tmpDir, segments: 3 });
    await withEngines([cli], () => cli.build(sample, { fingerprint: 'from-cli' }));
    const app = new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2, cacheDir: tmpDir });
    await withEngines([app], async () => {
      expect((await app.build(sample, { fingerprint: 'from-cli' })).fromCache).toBe(true);
      for (const query of QUERIES) expect(await app.search(query, { supersede: false }), query).toEqual(plain.search(query));
      // The app writes the cache for an updated library; the CLI reads it.
      const [gone, ...kept] = sample;
      await app.update({ added: [], removed: [gone!.id] }, { fingerprint: 'from-app' });
      await app.cacheWritten();
      expect(app.lastCacheError).toBeNull();
      const reader = new InProcessEngine({ cacheDir: tmpDir });
      await withEngines([reader], async () => {
        expect((await reader.build(kept, { fingerprint: 'from-app' })).fromCache).toBe(true);
        const after = PlainLunrIndex.build(kept);
        for (const query of QUERIES) expect(await reader.search(query), query).toEqual(after.search(query));
      });
    });
  });
});
