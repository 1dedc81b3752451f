// Ranked hits across threads: a worker packs its best hits (packHits), the
// main thread merges every worker's sorted list into one in Lunr's order
// (mergeResults), with the same comparison as a segment's ranking.

import type { EngineSearchOutcome } from './engine';
import type { PackedHits, RankedHit, WorkerReply } from './protocol';
import { rankOrder } from './rank-order';
import type { SearchHit } from '../types';

/** Hits as typed arrays of sort keys and one JSON string: several times cheaper to post than objects. */
export function packHits(hits: readonly RankedHit[]): PackedHits {
  const entries: [string, RankedHit['terms']][] = new Array(hits.length);
  const scores = new Float64Array(hits.length);
  const steps = new Int32Array(hits.length);
  const ords = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    entries[i] = [hit.id, hit.terms];
    scores[i] = hit.score;
    steps[i] = hit.step;
    ords[i] = hit.ord;
  }
  return { json: JSON.stringify(entries), scores, steps, ords };
}

/**
 * One outcome from the workers' answers to a search: the first failure, or their
 * lists merged (each is sorted already: take the best head each time) up to
 * `limit`, with the totals summed. Only the hits kept are unpacked.
 */
export function mergeResults(replies: readonly WorkerReply[], limit: number | null): EngineSearchOutcome {
  const lists: { hits: PackedHits; entries: [string, SearchHit['terms']][] | null }[] = [];
  let total = 0;
  for (const reply of replies) {
    if (reply.type !== 'result') throw new Error(`unexpected answer "${reply.type}"`);
    if (!reply.ok) return reply.cancelled ? { ok: false, cancelled: true, error: reply.error } : { ok: false, error: reply.error };
    total += reply.total;
    lists.push({ hits: reply.hits, entries: null });
  }
  const heads = lists.map(() => 0);
  const hits: SearchHit[] = [];
  const wanted = limit ?? Infinity;
  while (hits.length < wanted) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const at = heads[l]!;
      const list = lists[l]!.hits;
      if (at >= list.scores.length) continue;
      if (best < 0) {
        best = l;
        continue;
      }
      const other = lists[best]!.hits;
      const o = heads[best]!;
      if (rankOrder(list.scores[at]!, list.steps[at]!, list.ords[at]!, other.scores[o]!, other.steps[o]!, other.ords[o]!) < 0) best = l;
    }
    if (best < 0) break;
    const list = lists[best]!;
    list.entries ??= JSON.parse(list.hits.json) as [string, SearchHit['terms']][];
    const [id, terms] = list.entries[heads[best]!]!;
    hits.push({ id, score: list.hits.scores[heads[best]!]!, terms });
    heads[best]!++;
  }
  return { ok: true, total, hits };
}
