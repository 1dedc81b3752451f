// Entry point of an index worker thread (built to out/main/index-worker.js).
// It holds one Shard — its segments never leave this thread — and answers
// WorkerEngine's requests one at a time, in the order they came. Only
// statistics, ranked ids, scores and matched terms go back.
//
// Searches wait one turn of the event loop before running, so that a "cancel"
// sent right after (the user typed another letter) is seen first and the stale
// query is skipped rather than computed.

import { parentPort, workerData } from 'node:worker_threads';
import { messageOf } from '../fs/errors';
import { SEARCH_CANCELLED } from './engine';
import { packHits } from './merge-results';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './protocol';
import { loadSegmentFiles, saveSegmentFiles } from './shard-files';
import { Shard } from './shard';

const port = parentPort;
if (!port) throw new Error('Ponder: index-worker.ts runs as a worker thread only.');
const setup = workerData as WorkerSetup;
const shard = new Shard(setup.queryLimits);
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
        return reply({ type: 'result', id: request.id, ok: false, cancelled: true, error: SEARCH_CANCELLED });
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
    case 'load':
      return reply({ type: 'stats', id: request.id, stats: await loadSegmentFiles(shard, request.files, setup.format) });
    case 'save': {
      // Snapshot now, in queue order; write without holding up the queue.
      void saveSegmentFiles(shard, request.files, setup.format).then(
        (bytes) => reply({ type: 'saved', id: request.id, bytes }),
        (error: unknown) => reply({ type: 'failed', id: request.id, error: messageOf(error) }),
      );
      return;
    }
    case 'merge':
      shard.merge();
      return reply({ type: 'done', id: request.id });
    case 'terms':
      return reply({ type: 'terms', id: request.id, terms: shard.distinctiveTerms(request.story, request.count, request.names) });
  }
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
