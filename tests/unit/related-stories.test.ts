// Related stories (core/search/related.ts) on the bundled sample, through both engines:
// a story's distinctive terms as one query, the story itself left out, the shared
// words named, and the worker engine answering exactly as the in-process one.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import { distinctiveTerms, relatedQuery } from '../../electron/core/search/related';
import { Shard } from '../../electron/core/search/shard';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import type { Story } from '../../electron/core/types';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');

let stories: Story[];
let engine: InProcessEngine;
/** The sample's story about North Korean troops sent to Kursk. */
let kursk: Story;

beforeAll(async () => {
  stories = (await loadLibrary(SAMPLE)).stories;
  kursk = stories.find((story) => /North Korea has deployed additional troops/.test(story.summary))!;
  engine = new InProcessEngine();
  await engine.build(stories);
});
afterAll(() => engine.dispose());

describe('related stories', () => {
  test('a Kursk / North Korea story is related to the other North Korea stories, never to itself', async () => {
    expect(kursk.topics).toContain('North Korea');
    const outcome = await engine.related(kursk.id, { names: kursk.topics });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.hits).toHaveLength(5);
    expect(outcome.hits.map((hit) => hit.id)).not.toContain(kursk.id);
    const byId = new Map(stories.map((story) => [story.id, story]));
    const aboutNorthKorea = (id: string) => /North Korea/i.test(byId.get(id)!.summary + byId.get(id)!.reflection);
    // The sample has three other North Korea stories: the two that name it lead the list.
    expect(outcome.hits.slice(0, 2).every((hit) => aboutNorthKorea(hit.id))).toBe(true);
    // Without the names, plain tf-idf still finds at least one of them.
    const plain = await engine.related(kursk.id);
    expect(plain.ok && plain.hits.some((hit) => aboutNorthKorea(hit.id))).toBe(true);
    // Each says which of the story's words it shares, as the story writes them.
    for (const hit of outcome.hits) expect(hit.terms.length).toBeGreaterThan(0);
    expect(outcome.hits.flatMap((hit) => hit.terms)).toEqual(expect.arrayContaining(['Korea']));
    // Best first.
    const scores = outcome.hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('distinctive terms skip stop words, numbers and words no other story holds', () => {
    const shard = new Shard();
    shard.addToBuild(0, [
      { id: 'a', summary: 'The zebra crossed 2024 rivers near Kursk.', reflection: 'Kursk again.', question: 'How many rivers?', ord: 0 },
      { id: 'b', summary: 'Rivers of Kursk.', reflection: '', question: '', ord: 1 },
      { id: 'c', summary: 'Elsewhere entirely.', reflection: '', question: '', ord: 2 },
    ]);
    shard.applyStats([{ sign: 1, stats: shard.finishBuild(0) }]);
    const terms = shard.distinctiveTerms({ id: 'a', summary: 'The zebra crossed 2024 rivers near Kursk.', reflection: 'Kursk again.', question: 'How many rivers?' }, 12);
    expect(terms.map((term) => term.word)).toEqual(['Kursk', 'rivers']);
    expect(relatedQuery(terms)).toBe('kursk^10 rivers^10');
  });

  test('query syntax in a word is escaped, so it stays one plain term', () => {
    expect(relatedQuery([{ term: 'x', word: 'a:b-c', weight: 2 }, { term: 'y', word: 'd*', weight: 1 }])).toBe('a\\:b\\-c^10 d\\*^5');
    const shard = new Shard();
    expect(distinctiveTerms({ id: 'x', summary: 'anything', reflection: '', question: '' }, shard.stats)).toEqual([]);
  });

  test('limit and ids narrow the list; an unknown story has none', async () => {
    const two = await engine.related(kursk.id, { limit: 2 });
    expect(two.ok && two.hits.length).toBe(2);
    const among = stories.slice(0, 10).map((story) => story.id);
    const within = await engine.related(kursk.id, { ids: among });
    expect(within.ok && within.hits.every((hit) => among.includes(hit.id))).toBe(true);
    expect(await engine.related('0000000000000000')).toEqual({ ok: true, hits: [] });
  });

  test('the worker engine answers exactly as the in-process one', async () => {
    const workers = new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2 });
    try {
      await workers.build(stories);
      for (const story of stories.slice(0, 8).concat(kursk)) {
        expect(await workers.related(story.id, { names: story.topics })).toEqual(await engine.related(story.id, { names: story.topics }));
      }
    } finally {
      await workers.dispose();
    }
  });
});
