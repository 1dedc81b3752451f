// The worst queries thrown at both engines — fuzzy terms with huge edit
// distances, long fuzzy terms, wildcard soup, a 1,000-character query — are
// answered quickly (a result or a clear refusal), and the next query answers
// exactly as plain Lunr. Term expansion stays Lunr's, term for term and in
// order. A worker that dies (as a crash or running out of memory would) is
// restarted and its shard reloaded, from the cache or the stories held, with
// no reopen; highlighting pays for a refused query once, not per story.

import path from 'node:path';
import lunr from 'lunr';
import { beforeAll, describe, expect } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { loadLibrary } from '../../electron/core/library/load-library';
import type { EngineSearchOutcome, SearchEngine, SearchOptions } from '../../electron/core/search/engine';
import { INDEX_RESTARTING } from '../../electron/core/search/engine';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import type { LunrClause, LunrTokenSet } from '../../electron/core/search/lunr-internals';
import { L } from '../../electron/core/search/lunr-internals';
import { editDistanceTooLarge, QUERY_TOO_BROAD, QueryBudget } from '../../electron/core/search/query-budget';
import { expandClause } from '../../electron/core/search/term-expansion';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import type { Story } from '../../electron/core/types';
import { SearchService } from '../../electron/services/search-service';
import { test } from './helpers/temp-dir';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');
/** New worker threads boot (through tsx here) and load or rebuild their shard. */
const RECOVERY = { timeout: 15_000 };

/** The queries of the audit, and the like: each once ran for minutes, took gigabytes or killed the workers. */
const WORST: readonly string[] = [
  'abcdefghijklmnopqrst~8',
  'reconstruction~12',
  'abcdefghijklmnopqrst~2',
  `${'ab'.repeat(60)}~2`,
  `${'ab'.repeat(500)}~1`,
  '*a*b*c*',
  'a*',
  '*',
  '*a'.repeat(500),
  Array.from({ length: 500 }, (_, i) => `*${'aeiou'[i % 5]}`).join(''),
  Array.from({ length: 125 }, () => '+a* -b*').join(' '),
  Array.from({ length: 100 }, () => 'government~2').join(' '),
];

let sample: Story[];
let plain: PlainLunrIndex;
beforeAll(async () => {
  sample = (await loadLibrary(SAMPLE)).stories;
  plain = PlainLunrIndex.build(sample);
});

function workerEngine(options: Partial<ConstructorParameters<typeof WorkerEngine>[0]> = {}): WorkerEngine {
  return new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2, ...options });
}

async function withEngine<E extends SearchEngine, T>(engine: E, run: (engine: E) => Promise<T>): Promise<T> {
  try {
    return await run(engine);
  } finally {
    await engine.dispose();
  }
}

/** Every worst query answers (hits, or a message starting "Ponder: "), then normal queries answer exactly as plain Lunr. */
async function survivesWorstQueries(engine: SearchEngine): Promise<void> {
  for (const query of WORST) {
    const outcome = await engine.search(query, { limit: 20, supersede: false });
    if (!outcome.ok) expect(outcome.error, query.slice(0, 40)).toMatch(/^Ponder: (that search is too broad|fuzzy search allows at most ~2)/);
  }
  expect(await engine.search('abcdefghijklmnopqrst~8', { supersede: false })).toEqual({ ok: false, error: editDistanceTooLarge('abcdefghijklmnopqrst', 8) });
  expect(await engine.search('reconstruction~12', { supersede: false })).toEqual({
    ok: false,
    error: 'Ponder: fuzzy search allows at most ~2 (two typos): "reconstruction~12" asks for 12. Try "reconstruction~2".',
  });
  expect(await engine.search(`${'ab'.repeat(60)}~2`, { supersede: false })).toEqual({ ok: false, error: QUERY_TOO_BROAD });
  for (const query of ['kursk', 'regoin~1', 'regoin~2', 'inter*', '+russia -ukraine']) {
    expect(await engine.search(query, { supersede: false }), query).toEqual(plain.search(query));
  }
}

describe('query limits', () => {
  test('term expansion is Lunr’s, term for term and in order, for wildcards and fuzzy terms', () => {
    const index = lunr(function () {
      this.ref('id');
      for (const field of ['summary', 'reflection', 'question']) this.field(field);
      for (const story of sample) this.add(story);
    });
    const vocabulary = (index as unknown as { tokenSet: LunrTokenSet }).tokenSet;
    const clauses: Omit<LunrClause, 'fields' | 'boost' | 'usePipeline' | 'wildcard' | 'presence'>[] = [
      ...['int*', '*ing', 'r*a*', '*', 'a*', '*e*e*', '1*', 'kursk', 'zzz*', '*t'].map((term) => ({ term })),
      ...['troop', 'regoin', 'govermnet', 'kursk', 'ab', 'x', '2024', 'ukrain', 'sanction', 'e'].flatMap((term) => [0, 1, 2].map((editDistance) => ({ term, editDistance }))),
    ];
    for (const partial of clauses) {
      const clause = { fields: [], boost: 1, usePipeline: false, wildcard: 0, presence: 1, ...partial } as LunrClause;
      const expected = vocabulary.intersect(L.TokenSet.fromClause(clause)).toArray();
      expect(expandClause(vocabulary, clause, new QueryBudget()), JSON.stringify(partial)).toEqual(expected);
    }
  });

  test('the in-process engine answers the worst queries at once, and the next query exactly', async () => {
    await withEngine(new InProcessEngine(), async (engine) => {
      await engine.build(sample);
      await survivesWorstQueries(engine);
    });
  });

  test('the worker engine answers the worst queries at once, and the next query exactly, with its workers alive', async () => {
    await withEngine(workerEngine(), async (engine) => {
      await engine.build(sample);
      await survivesWorstQueries(engine);
      expect(engine.lastRestart).toBeNull();
    });
  });

  test('time is checked inside expansion: a query still running at its deadline is refused', async () => {
    // Without the node cap, a 100-letter ~2 term takes seconds and hundreds of MB to expand: far over 0.2 s.
    await withEngine(new InProcessEngine({ queryLimits: { automatonNodes: Number.POSITIVE_INFINITY, millis: 200 } }), async (engine) => {
      await engine.build(sample);
      expect(await engine.search(`${'ab'.repeat(50)}~2`)).toEqual({ ok: false, error: QUERY_TOO_BROAD });
      expect(await engine.search('kursk')).toEqual(plain.search('kursk'));
    });
  });

  test('time is checked inside scoring, and terms are counted per clause and per query', async () => {
    await withEngine(new InProcessEngine({ queryLimits: { millis: 0 } }), async (engine) => {
      await engine.build(sample);
      expect(await engine.search('kursk')).toEqual({ ok: false, error: QUERY_TOO_BROAD });
    });
    await withEngine(new InProcessEngine({ queryLimits: { termsPerClause: 5, termsPerQuery: 8 } }), async (engine) => {
      await engine.build(sample);
      expect(await engine.search('a*')).toEqual({ ok: false, error: QUERY_TOO_BROAD });
      expect(await engine.search('kursk troops russia ukraine')).toEqual(plain.search('kursk troops russia ukraine'));
      expect(await engine.search('kursk troops russia ukraine kyiv moscow war drone attack')).toEqual({ ok: false, error: QUERY_TOO_BROAD });
    });
  });
});

describe('a worker that dies', () => {
  test('is restarted with its shard rebuilt from the stories held, updates included; searches meanwhile say so', async () => {
    await withEngine(workerEngine(), async (engine) => {
      const [first, ...rest] = sample;
      await engine.build(rest);
      const added = { ...first!, summary: `${first!.summary} Quokkas gathered in Perth.` };
      const victim = rest.find((story) => /kursk/i.test(story.summary))!;
      await engine.update({ added: [added], removed: [victim.id] });
      const now = PlainLunrIndex.build([...rest.filter((story) => story.id !== victim.id), added]);

      await engine.killWorker(0);
      expect(await engine.search('kursk')).toEqual({ ok: false, error: INDEX_RESTARTING });
      expect(engine.ready).toBe(true);
      await expect.poll(() => engine.search('kursk', { supersede: false }), RECOVERY).toEqual(now.search('kursk'));
      expect(engine.lastRestart).toMatchObject({ fromCache: false });
      for (const query of ['quokkas', 'russia ukraine', 'regoin~1', 'inter*']) expect(await engine.search(query, { supersede: false }), query).toEqual(now.search(query));

      // Both workers at once, and again: each time search comes back by itself.
      await Promise.all([engine.killWorker(0), engine.killWorker(1)]);
      await expect.poll(() => engine.search('quokkas', { supersede: false }), RECOVERY).toEqual(now.search('quokkas'));
      await engine.update({ added: [], removed: [added.id] });
      expect(await engine.search('quokkas', { supersede: false })).toEqual({ ok: true, total: 0, hits: [] });
    });
  });

  test('out of memory under its heap cap, it dies alone and comes back', async () => {
    // Query limits off: only the heap cap stands between this query and gigabytes.
    const unbounded = { automatonNodes: Number.POSITIVE_INFINITY, millis: Number.POSITIVE_INFINITY };
    await withEngine(workerEngine({ queryLimits: unbounded, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 } }), async (engine) => {
      await engine.build(sample);
      expect(await engine.search(`${'ab'.repeat(50)}~2`, { supersede: false })).toEqual({ ok: false, error: INDEX_RESTARTING });
      await expect.poll(() => engine.search('kursk', { supersede: false }), RECOVERY).toEqual(plain.search('kursk'));
      expect(engine.lastRestart).toMatchObject({ fromCache: false });
    });
  });

  test('is restarted from the cache when it holds the library as it is', async ({ tmpDir }) => {
    await withEngine(workerEngine({ cacheDir: tmpDir }), async (engine) => {
      await engine.build(sample, { fingerprint: 'sample-1' });
      await engine.cacheWritten();
      const searching = engine.search('russia ukraine', { supersede: false });
      await engine.killWorker(1);
      // A search in flight when its worker died is told the same.
      expect(await searching).toSatisfy((outcome: EngineSearchOutcome) => outcome.ok || outcome.error === INDEX_RESTARTING);
      await expect.poll(() => engine.search('russia ukraine', { supersede: false }), RECOVERY).toEqual(plain.search('russia ukraine'));
      expect(engine.lastRestart).toMatchObject({ fromCache: true });
    });
  });
});

describe('highlighting a refused query', () => {
  test('costs one refusal, not one per story opened', async () => {
    await withEngine(new InProcessEngine(), async (engine) => {
      await engine.build(sample);
      const asked: string[] = [];
      const counting: SearchEngine = Object.assign(Object.create(engine) as SearchEngine, {
        search: (query: string, options?: SearchOptions) => {
          asked.push(query);
          return engine.search(query, options);
        },
      });
      const service = new SearchService(counting, async () => []);
      const library = { generation: 1, itemsById: new Map() };
      const broad = `${'ab'.repeat(60)}~2`;
      expect(await service.searchLibrary(library, broad)).toEqual({ ok: false, query: broad, error: QUERY_TOO_BROAD });
      for (const story of sample.slice(0, 3)) expect(await service.storyHighlights(library, story, broad)).toBeUndefined();
      // Not searched before: the first story opened pays the refusal once, the rest none.
      for (const story of sample.slice(3, 6)) expect(await service.storyHighlights(library, story, `${broad} x`)).toBeUndefined();
      expect(asked).toEqual([broad, `${broad} x`]);
      const kursk = sample.find((story) => /kursk/i.test(story.summary))!;
      expect((await service.storyHighlights(library, kursk, 'kursk'))?.summary?.length).toBeGreaterThan(0);
    });
  });
});
