// The segmented index, in one thread: several shards fed the same corpus-wide
// statistics must answer exactly as one plain Lunr index over all the stories.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLibrary } from '../../bench/generate';
import { QUERY_MIX } from '../../bench/queries';
import { loadLibrary } from '../../electron/core/library/load-library';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import type { SearchOutcome } from '../../electron/core/search/engine';
import { filterPhraseHits } from '../../electron/core/search/phrase';
import type { OrderedStory, StatsDelta } from '../../electron/core/search/protocol';
import { planQuery } from '../../electron/core/search/query-syntax';
import { compareRanked } from '../../electron/core/search/rank-order';
import { Segment } from '../../electron/core/search/segment';
import { decodeSegment, encodeSegment } from '../../electron/core/search/segment-file';
import { Shard } from '../../electron/core/search/shard';
import type { Story } from '../../electron/core/types';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');

const EXTRA_QUERIES = [
  'kursk', 'russia ukraine', 'inter*', 'regoin~1', '+russia -ukraine', '-russia', 'question:why',
  'summary:trump tariffs', 'russian^3 forces', '+zzz russia', '*tion', 'mil*', '2024', 'the',
  'title:troops', 'troops~', '', 'how', 'question:how', 'how russia', '"north korea"', 'troops AND korea', 'korea NOT troops',
  '"russian troops" -"north korea"', 'Zelenskiy?', '?', 'sebastien', 'régions',
];

/** Shards over contiguous slices of `stories`, with statistics exchanged as WorkerEngine does. */
function shardsOver(stories: readonly Story[], count: number): Shard[] {
  const shards = Array.from({ length: count }, () => new Shard());
  const per = Math.ceil(stories.length / count);
  const deltas: StatsDelta[] = shards.map((shard, s) => {
    shard.addToBuild(0, stories.slice(s * per, (s + 1) * per).map((story, i) => ordered(story, s * per + i)));
    return { sign: 1, stats: shard.finishBuild(0) };
  });
  for (const shard of shards) shard.applyStats(deltas);
  return shards;
}

function ordered(story: Story, ord: number): OrderedStory {
  return { id: story.id, summary: story.summary, reflection: story.reflection, question: story.question, ord };
}

/** What WorkerEngine does with the shards' answers (the query planned and its phrases checked as the engines do). */
function searchAll(shards: readonly Shard[], query: string, stories: readonly Story[]): SearchOutcome {
  const plan = planQuery(query);
  if (plan.empty) return { ok: true, total: 0, hits: [] };
  const outcomes = shards.map((shard) => shard.search(plan.lunr));
  const failed = outcomes.find((outcome) => !outcome.ok);
  if (failed) return failed;
  const hits = outcomes.flatMap((outcome) => (outcome.ok ? outcome.hits : []));
  hits.sort(compareRanked);
  const total = outcomes.reduce((sum, outcome) => sum + (outcome.ok ? outcome.total : 0), 0);
  const outcome: SearchOutcome = { ok: true, total, hits: hits.map(({ id, score, terms }) => ({ id, score, terms })) };
  return filterPhraseHits(outcome, plan, undefined, (id) => stories.find((story) => story.id === id));
}

describe('segmented search, in one thread', () => {
  let tmp: string;
  let generated: Story[];
  let sample: Story[];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ponder-segments-'));
    await ensureLibrary(tmp, { stories: 2_000, seed: 3 });
    generated = (await loadLibrary(tmp)).stories;
    sample = (await loadLibrary(SAMPLE)).stories;
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('answers exactly as one Lunr index over the sample, whatever the number of segments', () => {
    const plain = PlainLunrIndex.build(sample);
    for (const count of [1, 2, 5]) {
      const shards = shardsOver(sample, count);
      for (const query of [...EXTRA_QUERIES, ...QUERY_MIX]) expect(searchAll(shards, query, sample), `${count} × "${query}"`).toEqual(plain.search(query));
    }
  });

  it('answers exactly as one Lunr index over a generated library of 2,000 stories', () => {
    expect(generated.length).toBe(2_000);
    const plain = PlainLunrIndex.build(generated);
    const shards = shardsOver(generated, 3);
    for (const query of [...QUERY_MIX, ...EXTRA_QUERIES]) expect(searchAll(shards, query, generated), query).toEqual(plain.search(query));
  });

  it('ranks as a rebuilt index after stories are removed and added', () => {
    const shards = shardsOver(generated, 2);
    const removed = generated.filter((_, i) => i % 7 === 0);
    const kept = generated.filter((_, i) => i % 7 !== 0);
    const added = sample;
    const deltas: StatsDelta[] = [];
    for (const shard of shards) for (const stats of shard.remove(removed.map((story) => story.id))) deltas.push({ sign: -1, stats });
    deltas.push({ sign: 1, stats: shards[1]!.addDelta(added.map((story, i) => ordered(story, 10_000 + i))) });
    for (const shard of shards) shard.applyStats(deltas);

    const plain = PlainLunrIndex.build([...kept, ...added]);
    const check = (): void => {
      for (const query of [...QUERY_MIX, 'kursk', 'russia troops']) {
        const expected = plain.search(query);
        const actual = searchAll(shards, query, [...kept, ...added]);
        if (!expected.ok || !actual.ok) throw new Error(query);
        expect(actual.total, query).toBe(expected.total);
        expect(actual.hits.map((hit) => hit.id), query).toEqual(expected.hits.map((hit) => hit.id));
        actual.hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected.hits[i]!.score, 9));
      }
    };
    check();
    // Merging deltas and tombstones into one segment changes nothing.
    for (const shard of shards) shard.merge();
    expect(shards.map((shard) => shard.segmentList.length)).toEqual([1, 1]);
    check();
  });

  it('survives a round trip through a segment file, and refuses damaged ones', () => {
    const shard = shardsOver(sample, 1)[0]!;
    const segment = shard.segmentList[0]!;
    const bytes = encodeSegment(segment, 7);
    const copy = decodeSegment(Buffer.from(bytes), 7);
    expect(copy.ids).toEqual(segment.ids);
    expect(copy.stats()).toEqual(segment.stats());
    expect(() => decodeSegment(bytes, 8)).toThrow('segment of another format');
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 100), 7)).toThrow();
    const garbled = Buffer.from(bytes);
    garbled[garbled.length - 3]! ^= 0xff;
    expect(() => decodeSegment(garbled, 7)).toThrow('segment checksum mismatch');
  });

  it('merges segments into one with the same postings', () => {
    const [a, b] = shardsOver(sample, 2).map((shard) => shard.segmentList[0]!);
    const merged = Segment.merge([a!, b!]);
    const whole = shardsOver(sample, 1)[0]!.segmentList[0]!;
    expect(merged.ids).toEqual(whole.ids);
    expect(merged.stats()).toEqual(whole.stats());
    expect([...merged.docs]).toEqual([...whole.docs]);
  });
});
