// The app's search engine: a few worker threads, each holding a shard of the
// index (index-worker.ts, shard.ts), kept in step by corpus-wide statistics so
// the results are those of one plain Lunr index. The index never crosses
// threads: stories go in, ranked ids, scores and matched terms come back
// (merge-results.ts). Plain Node — no Electron — so the e2e host and tests run
// it as the app does.
//
// Lifecycle: `build()` (from the cache when the fingerprint matches, otherwise
// cold, with progress), then `search()` and `update()` as files change. Builds
// and updates run one at a time; searches wait for the one in progress.
//
// Limits: each worker's heap is capped (resourceLimits), and each query runs on
// a budget (query-budget.ts). A worker that dies anyway is replaced, with every
// other one, and the shards are loaded again from the cache or rebuilt from the
// stories held (engine-lifecycle.ts), so search recovers without a reopen.

import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { messageOf } from '../fs/errors';
import type { EngineSearchOutcome, SearchOptions } from './engine';
import { BUILD_SUPERSEDED, defaultSegmentCount, INDEX_RESTARTING, SEARCH_CANCELLED, toOrdered } from './engine';
import { EngineLifecycle } from './engine-lifecycle';
import type { CacheSnapshot } from './engine-lifecycle';
import type { CacheManifest } from './index-cache';
import { checkLoaded, INDEX_FORMAT, newSegmentFiles } from './index-cache';
import { mergeResults } from './merge-results';
import { Progress } from './progress';
import type { DistinctiveTerm } from './related';
import type { QueryLimits } from './query-budget';
import type { OrderedStory, PackedStats, StatsDelta, StoryInput, WorkerReply, WorkerSetup } from './protocol';
import { WorkerClient } from './worker-client';

export interface WorkerEngineOptions {
  /**
   * The worker's script: `out/main/index-worker.js` in the app. Tests and tsx
   * scripts may pass `electron/core/search/index-worker.ts` with
   * `execArgv: ['--require', 'tsx/cjs']`.
   */
  workerScript: string | URL;
  /** Node options for the workers. */
  execArgv?: string[];
  /** Worker threads, one shard each. Default: min(2, number of cores). */
  workers?: number;
  /** Folder for the index cache (e.g. `DATA/cache`); null or omitted: no cache. */
  cacheDir?: string | null;
  /**
   * V8 limits for each worker. Default (DEFAULT_LIMITS): a young generation large enough
   * for indexing to run with little GC work, and a capped old generation, so
   * a runaway worker dies alone (and is restarted) instead of taking the app's memory.
   */
  resourceLimits?: ResourceLimits;
  /** What one query may cost in a worker (query-budget.ts); defaults when omitted. */
  queryLimits?: Partial<QueryLimits>;
}

export class WorkerEngine extends EngineLifecycle {
  private readonly options: WorkerEngineOptions;
  private readonly workerCount: number;
  private workers: WorkerClient[] = [];
  /** Live stories in each worker (where the next delta goes). */
  private live: number[] = [];
  private nextOrd = 0;
  private pendingSearch: { cancel(): void } | null = null;
  /** The statistics of segments loaded by a preload, applied once the build confirms them (finishPreload). */
  private heldBackStats: StatsDelta[] | null = null;

  constructor(options: WorkerEngineOptions) {
    super(options.cacheDir);
    this.options = options;
    this.workerCount = Math.max(1, options.workers ?? defaultSegmentCount());
    // Start the threads now: they boot while the caller reads the library.
    this.spawnWorkers();
  }

  /** Also answers `{ ok: false, cancelled: true }` for a search replaced by a newer one before it finished (see `supersede`). */
  protected searchIndex(query: string, options: SearchOptions): Promise<EngineSearchOutcome> {
    const supersede = options.supersede ?? true;
    let cancelled = false;
    let onCancel: (outcome: EngineSearchOutcome) => void = () => undefined;
    const sent: { worker: WorkerClient; id: number }[] = [];
    const handle = {
      cancel: () => {
        cancelled = true;
        for (const { worker, id } of sent) worker.post({ type: 'cancel', id: 0, search: id });
        onCancel({ ok: false, cancelled: true, error: SEARCH_CANCELLED });
      },
    };
    if (supersede) {
      this.pendingSearch?.cancel();
      this.pendingSearch = handle;
    }
    const run = async (): Promise<EngineSearchOutcome> => {
      // Answered at once rather than after the restart, which may take a while.
      if (this.isRestarting) return { ok: false, error: INDEX_RESTARTING };
      await this.idle();
      if (cancelled) return { ok: false, cancelled: true, error: SEARCH_CANCELLED };
      const unavailable = this.unavailable();
      if (unavailable) return unavailable;
      const limit = options.limit ?? null;
      const ids = options.ids ? [...options.ids] : null;
      const replies = await Promise.all(
        this.workers.map((worker) => {
          const { id, reply } = worker.send({ type: 'search', query, limit, ids });
          sent.push({ worker, id });
          return reply;
        }),
      );
      return mergeResults(replies, limit);
    };
    const cancellable = new Promise<EngineSearchOutcome>((resolve) => (onCancel = resolve));
    return Promise.race([run(), cancellable])
      .catch((error: unknown): EngineSearchOutcome => ({ ok: false, error: this.isRestarting ? INDEX_RESTARTING : `Ponder: search failed: ${messageOf(error)}` }))
      .finally(() => {
        if (this.pendingSearch === handle) this.pendingSearch = null;
      });
  }

  /** Stop worker `index` abruptly, as a crash or running out of memory would (tests): the engine restarts. */
  async killWorker(index = 0): Promise<void> {
    await this.workers[index]?.kill();
  }

  /** Fold delta segments and tombstones into the large segments now (otherwise done a moment after each update). */
  merge(): Promise<void> {
    return this.serialise(async () => {
      this.checkUsable();
      await Promise.all(this.workers.map((worker) => worker.request({ type: 'merge' })));
    });
  }

  /** Every worker holds the same statistics: the first one weighs the terms. */
  protected async distinctiveTerms(story: StoryInput, count: number, names: readonly string[]): Promise<DistinctiveTerm[]> {
    const { id, summary, reflection, question } = story;
    const reply = await this.workers[0]!.request({ type: 'terms', story: { id, summary, reflection, question }, count, names: [...names] });
    if (reply.type !== 'terms') throw new Error(`unexpected answer "${reply.type}"`);
    return reply.terms;
  }

  protected async reset(): Promise<void> {
    this.heldBackStats = null;
    this.spawnWorkers();
    await Promise.all(this.workers.map((worker) => worker.request({ type: 'reset' })));
  }

  /**
   * The stories that left (and the old version of a changed one) are tombstoned
   * where they are, `added` goes as delta segments to the least loaded workers,
   * and every worker gets the change of the statistics. Deltas are merged into
   * the large segments in the background.
   */
  protected async applyChange(gone: readonly string[], added: readonly StoryInput[]): Promise<void> {
    const deltas: StatsDelta[] = [];
    if (gone.length > 0) {
      const removed = await Promise.all(this.workers.map((worker) => worker.request({ type: 'remove', ids: [...gone] })));
      removed.forEach((reply, w) => {
        for (const stats of statsOf(reply)) {
          deltas.push({ sign: -1, stats });
          this.live[w]! -= stats.docs;
        }
      });
    }
    for (let start = 0; start < added.length; start += DELTA_CHUNK) {
      const docs = added.slice(start, start + DELTA_CHUNK).map((story) => toOrdered(story, this.nextOrd++));
      const w = this.live.indexOf(Math.min(...this.live));
      const [stats] = statsOf(await this.workers[w]!.request({ type: 'add', docs }));
      deltas.push({ sign: 1, stats: stats! });
      this.live[w]! += docs.length;
    }
    if (deltas.length > 0) await this.broadcastStats(deltas);
  }

  /** The pending superseding search resolves as cancelled, later ones as closed. */
  protected async release(): Promise<void> {
    this.pendingSearch?.cancel();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers = [];
  }

  private spawnWorkers(): void {
    if (this.workers.length === this.workerCount && this.workers.every((worker) => worker.alive)) return;
    for (const worker of this.workers) void worker.terminate();
    const setup: WorkerSetup = { format: INDEX_FORMAT, queryLimits: this.options.queryLimits };
    const limits = this.options.resourceLimits ?? DEFAULT_LIMITS;
    this.workers = Array.from(
      { length: this.workerCount },
      () => new WorkerClient(this.options.workerScript, this.options.execArgv, setup, limits, () => void this.restartLostShards()),
    );
  }

  /** Every worker gets every change of the statistics, in the same order. */
  private async broadcastStats(deltas: StatsDelta[]): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ type: 'stats', deltas })));
  }

  protected async coldBuild(stories: readonly StoryInput[], superseded: () => boolean, onProgress?: (done: number, total: number) => void): Promise<void> {
    const total = stories.length;
    const progress = new Progress(total, onProgress);
    for (const worker of this.workers) worker.onProgress = (done) => progress.add(done);
    // Contiguous slices, one per worker: each worker's stories stay in library order.
    const per = Math.ceil(total / this.workers.length);
    const built = await Promise.all(
      this.workers.map(async (worker, w) => {
        const from = Math.min(total, w * per);
        const to = Math.min(total, from + per);
        const inFlight: Promise<WorkerReply>[] = [];
        let last: WorkerReply | null = null;
        for (let start = from; start < to || start === from; start += BUILD_BATCH) {
          if (superseded()) throw new Error(BUILD_SUPERSEDED);
          const end = Math.min(to, start + BUILD_BATCH);
          const docs: OrderedStory[] = [];
          for (let i = start; i < end; i++) docs.push(toOrdered(stories[i]!, i));
          const reply = worker.request({ type: 'docs', segment: 0, docs, last: end >= to });
          inFlight.push(reply);
          // At most two batches queued per worker; yield so the main thread stays responsive.
          if (inFlight.length > 2) await inFlight.shift();
          await new Promise((resolve) => setImmediate(resolve));
          if (end >= to) last = await reply;
        }
        await Promise.all(inFlight);
        return statsOf(last!);
      }),
    );
    for (const worker of this.workers) worker.onProgress = null;
    await this.broadcastStats(built.flat().map((stats): StatsDelta => ({ sign: 1, stats })));
    this.live = built.map((list) => list.reduce((sum, stats) => sum + stats.docs, 0));
    this.nextOrd = total;
  }

  protected async loadCache(folder: string, manifest: CacheManifest, statsLater = false): Promise<void> {
    // Segment i goes to worker i mod n; statistics are applied in segment order everywhere.
    const assigned = this.workers.map(() => [] as number[]);
    manifest.segments.forEach((_, s) => assigned[s % this.workers.length]!.push(s));
    const replies = await Promise.all(
      this.workers.map((worker, w) => worker.request({ type: 'load', files: assigned[w]!.map((s) => path.join(folder, manifest.segments[s]!.file)) })),
    );
    const bySegment: PackedStats[] = [];
    replies.forEach((reply, w) => statsOf(reply).forEach((stats, i) => (bySegment[assigned[w]![i]!] = stats)));
    checkLoaded(bySegment, manifest);
    const deltas = bySegment.map((stats): StatsDelta => ({ sign: 1, stats }));
    if (statsLater) this.heldBackStats = deltas;
    else await this.broadcastStats(deltas);
    this.live = assigned.map((segments) => segments.reduce((sum, s) => sum + bySegment[s]!.docs, 0));
    this.nextOrd = manifest.nextOrd;
  }

  protected override async finishPreload(): Promise<void> {
    const deltas = this.heldBackStats;
    this.heldBackStats = null;
    if (deltas) await this.broadcastStats(deltas);
  }

  /** Every worker writes its shard to a file of its own, in parallel. */
  protected async snapshot(folder: string): Promise<CacheSnapshot> {
    const files = newSegmentFiles(folder, this.workers.length);
    const live = [...this.live];
    const replies = this.workers.map((worker, w) => worker.request({ type: 'save', files: [files[w]!] }));
    const segments = Promise.all(replies).then((saved) =>
      files.map((file, w) => ({ file: path.basename(file), docs: live[w]!, bytes: saved[w]!.type === 'saved' ? saved[w]!.bytes[0]! : 0 })),
    );
    return { nextOrd: this.nextOrd, segments };
  }
}

function statsOf(reply: WorkerReply): PackedStats[] {
  if (reply.type !== 'stats') throw new Error(`unexpected answer "${reply.type}"`);
  return reply.stats;
}

const BUILD_BATCH = 1_000;
const DELTA_CHUNK = 5_000;
/**
 * A worker at 100,000 stories (bench generator) builds, answers, merges, saves and
 * reloads its shard in 40 MB of old generation (it fails at 24 MB); 200,000 fit in
 * 64 MB. 256 MB leaves room for libraries several times that and for a query's
 * working memory, and stops a runaway worker long before it hurts the machine.
 * A 64 MB young generation built 100k as fast as 192 MB did, with ~20-50 MB less peak RSS.
 */
const DEFAULT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 256 };
