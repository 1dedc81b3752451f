// Entry point of an index worker thread (built to out/main/index-worker.js).
// It holds one Shard — its segments never leave this thread — and answers
// IndexService's requests one at a time, in the order they came. Only
// statistics, ranked ids, scores and matched terms go back.
//
// Searches wait one turn of the event loop before running, so that a "cancel"
// sent right after (the user typed another letter) is seen first and the stale
// query is skipped rather than computed.

import { parentPort, workerData } from 'node:worker_threads';
import type { PackedHits, PackedStats, RankedHit, WorkerReply, WorkerRequest, WorkerSetup } from './protocol';
import { encodeSegment, readSegmentFile, writeSegmentFile } from './segment-file';
import { Shard } from './shard';

const port = parentPort;
if (!port) throw new Error('Ponder: index-worker.ts runs as a worker thread only.');
const setup = workerData as WorkerSetup;
const shard = new Shard();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();
let mergeTimer: NodeJS.Timeout | null = null;

/** Deltas and tombstones are folded in this long after the last change. */
const MERGE_DELAY_MS = 5_000;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    cancelled.add(request.search);
    return;
  }
  queue = queue.then(() => handle(request)).catch((error: unknown) => reply({ type: 'failed', id: request.id, error: messageOf(error) }));
});

function reply(message: WorkerReply): void {
  port!.postMessage(message);
}

async function handle(request: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<void> {
  switch (request.type) {
    case 'reset':
      shard.reset();
      cancelled.clear();
      return reply({ type: 'done', id: request.id });
    case 'docs': {
      shard.addToBuild(request.segment, request.docs);
      reply({ type: 'progress', done: request.docs.length });
      if (!request.last) return reply({ type: 'done', id: request.id });
      return reply({ type: 'stats', id: request.id, stats: [shard.finishBuild(request.segment)] });
    }
    case 'stats':
      shard.applyStats(request.deltas);
      reply({ type: 'done', id: request.id });
      // Token set and JIT: ready now rather than in the reader's first searches.
      queue = queue.then(() => shard.warm());
      return;
    case 'search': {
      await new Promise((resolve) => setImmediate(resolve));
      const skip = cancelled.has(request.id);
      // Requests run in id order: cancels of earlier searches can be forgotten.
      for (const id of cancelled) if (id <= request.id) cancelled.delete(id);
      if (skip) {
        return reply({ type: 'result', id: request.id, ok: false, cancelled: true, error: 'Ponder: search cancelled by a newer one.' });
      }
      const outcome = shard.search(request.query, { limit: request.limit, ids: request.ids });
      if (!outcome.ok) return reply({ type: 'result', id: request.id, ok: false, error: outcome.error });
      return reply({ type: 'result', id: request.id, ok: true, total: outcome.total, hits: packHits(outcome.hits) });
    }
    case 'remove': {
      const stats = shard.remove(request.ids);
      scheduleMerge();
      return reply({ type: 'stats', id: request.id, stats });
    }
    case 'add': {
      const stats = shard.addDelta(request.docs);
      scheduleMerge();
      return reply({ type: 'stats', id: request.id, stats: [stats] });
    }
    case 'load': {
      const segments = await Promise.all(request.files.map((file) => readSegmentFile(file, setup.format)));
      const stats: PackedStats[] = segments.map((segment) => shard.addSegment(segment));
      return reply({ type: 'stats', id: request.id, stats });
    }
    case 'save': {
      // Snapshot now, in queue order; write without holding up the queue.
      shard.merge();
      const encoded = request.files.map((_, i) => encodeSegment(shard.segmentList[i] ?? shard.emptySegment(), setup.format));
      void Promise.all(request.files.map((file, i) => writeSegmentFile(file, encoded[i]!))).then(
        (bytes) => reply({ type: 'saved', id: request.id, bytes }),
        (error: unknown) => reply({ type: 'failed', id: request.id, error: messageOf(error) }),
      );
      return;
    }
    case 'merge':
      shard.merge();
      return reply({ type: 'done', id: request.id });
  }
}

function packHits(hits: RankedHit[]): PackedHits {
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

function scheduleMerge(): void {
  if (mergeTimer) clearTimeout(mergeTimer);
  mergeTimer = setTimeout(() => {
    mergeTimer = null;
    queue = queue.then(() => shard.merge()).catch(() => undefined);
  }, MERGE_DELAY_MS);
  // A pending merge must not keep the thread (or the app) alive.
  mergeTimer.unref();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
