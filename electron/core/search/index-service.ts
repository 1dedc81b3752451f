// The search index as a service of the main process: a few worker threads, each
// holding a segment of the index (see index-worker.ts, shard.ts), kept in step
// by corpus-wide statistics so the results are those of one plain Lunr index.
// The index never crosses threads: stories go in, ranked ids, scores and
// matched terms come back. Plain Node — no Electron — so the CLI, the e2e host
// and tests run it as the app does.
//
// Lifecycle: `build()` (from the cache when the fingerprint matches, otherwise
// cold, with progress), then `search()` and `update()` as files change. Builds
// and updates run one at a time; searches wait for the one in progress.

import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { SearchOutcome } from '../search-index';
import type { CacheManifest } from './index-cache';
import { commitManifest, INDEX_FORMAT, indexCacheFolder, newSegmentFiles, readManifest } from './index-cache';
import type { OrderedStory, PackedHits, PackedStats, StatsDelta, StoryInput, WorkerReply, WorkerRequest, WorkerSetup } from './protocol';
import type { SearchHit } from '../types';

export type { StoryInput } from './protocol';

export interface IndexServiceOptions {
  /**
   * The worker's script: `out/main/index-worker.js` in the app. Tests and tsx
   * scripts may pass `electron/core/search/index-worker.ts` with
   * `execArgv: ['--require', 'tsx/cjs']`.
   */
  workerScript: string | URL;
  /** Node options for the workers. */
  execArgv?: string[];
  /** Worker threads, one segment each. Default: min(2, number of cores). */
  workers?: number;
  /** Folder for the index cache (e.g. `DATA/cache`); null or omitted: no cache. */
  cacheDir?: string | null;
  /** V8 limits for each worker. Default: a 64 MB semi-space, which speeds up indexing by cutting GC work. */
  resourceLimits?: ResourceLimits;
}

export interface BuildOptions {
  /** Identifies the library's current content; needed to use or write the cache. */
  fingerprint?: string;
  /** Stories indexed so far, of `total`; called at most every ~100 ms, and once at the end. */
  onProgress?(done: number, total: number): void;
}

export interface BuildResult {
  fromCache: boolean;
  millis: number;
}

export interface ServiceSearchOptions {
  /** Most hits to return (all of them when omitted). */
  limit?: number;
  /** Return hits for these stories only (e.g. to highlight the one on screen); `total` still counts every match. */
  ids?: readonly string[];
  /**
   * A newer superseding search resolves an older one that is still pending as
   * cancelled, and the workers skip it if they have not started it. Default true;
   * pass false for look-ups that must be answered (they neither cancel nor get cancelled).
   */
  supersede?: boolean;
}

/** SearchIndex's outcome, plus the answer given to a search that a newer one replaced. */
export type ServiceSearchOutcome = SearchOutcome | { ok: false; cancelled: true; error: string };

export interface IndexChange {
  /** New or changed stories (a changed story replaces the one with its id). */
  added: readonly StoryInput[];
  /** Ids of stories that left the library. */
  removed: readonly string[];
}

export interface UpdateOptions {
  /** The library's fingerprint after the change: the cache is rewritten for it in the background. */
  fingerprint?: string;
}

export const SEARCH_CANCELLED = 'Ponder: search cancelled by a newer one.';

export class IndexService {
  private readonly options: IndexServiceOptions;
  private readonly workerCount: number;
  private workers: WorkerClient[] = [];
  /** Live stories in each worker (where the next delta goes). */
  private live: number[] = [];
  private nextOrd = 0;
  private isReady = false;
  private failure: string | null = null;
  private disposed = false;
  /** Builds, updates and cache snapshots run one at a time, in call order; searches wait for the one in progress. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private pendingSearch: { cancel(): void } | null = null;
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: NodeJS.Timeout | null = null;
  /** Starts the cache write a timer is waiting for (cacheWritten() does not wait for the timer). */
  private pendingSave: (() => void) | null = null;
  private cacheError: string | null = null;

  constructor(options: IndexServiceOptions) {
    this.options = options;
    this.workerCount = Math.max(1, options.workers ?? Math.min(2, os.availableParallelism()));
    // Start the threads now: they boot while the caller reads the library.
    this.spawnWorkers();
  }

  /** Why the last cache write failed, or null (the cache is optional: nothing else depends on it). */
  get lastCacheError(): string | null {
    return this.cacheError;
  }

  /** True once a build has finished and until the service is disposed or a new build starts. */
  get ready(): boolean {
    return this.isReady;
  }

  /**
   * Index `stories` (replacing whatever was indexed), or load them from the cache
   * when it holds this fingerprint. Resolves when search is ready; the cache is
   * written afterwards, in the background. A newer build() makes this one reject.
   */
  build(stories: readonly StoryInput[], options: BuildOptions = {}): Promise<BuildResult> {
    const generation = ++this.generation;
    return this.serialise(async () => {
      this.checkUsable();
      if (generation !== this.generation) throw new Error(SUPERSEDED);
      const started = performance.now();
      this.isReady = false;
      this.failure = null;
      this.spawnWorkers();
      await Promise.all(this.workers.map((worker) => worker.request({ type: 'reset' })));
      const folder = this.options.cacheDir ? indexCacheFolder(this.options.cacheDir) : null;
      let fromCache = false;
      if (folder && options.fingerprint !== undefined) {
        const manifest = await readManifest(folder, options.fingerprint);
        if (manifest && manifest.storyCount === stories.length) {
          fromCache = await this.loadCache(folder, manifest).then(
            () => true,
            async () => {
              // A damaged or partial cache: start again from the stories.
              await Promise.all(this.workers.map((worker) => worker.request({ type: 'reset' })));
              return false;
            },
          );
        }
      }
      try {
        if (!fromCache) await this.coldBuild(stories, generation, options.onProgress);
      } catch (error) {
        this.failure = messageOf(error);
        throw error;
      }
      options.onProgress?.(stories.length, stories.length);
      this.isReady = true;
      if (!fromCache && folder && options.fingerprint !== undefined) this.scheduleSave(options.fingerprint, 0);
      return { fromCache, millis: Math.round(performance.now() - started) };
    });
  }

  /**
   * Run a query in Lunr's syntax over the whole index. Same outcomes and messages
   * as SearchIndex#search, plus `{ ok: false, cancelled: true }` for a search
   * replaced by a newer one before it finished (see `supersede`). Waits for a
   * build or update in progress.
   */
  search(query: string, options: ServiceSearchOptions = {}): Promise<ServiceSearchOutcome> {
    const supersede = options.supersede ?? true;
    let cancelled = false;
    let onCancel: (outcome: ServiceSearchOutcome) => void = () => undefined;
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
    const run = async (): Promise<ServiceSearchOutcome> => {
      await this.exclusive;
      if (cancelled) return { ok: false, cancelled: true, error: SEARCH_CANCELLED };
      if (this.disposed) return { ok: false, error: 'Ponder: the search index has been closed.' };
      if (!this.isReady) {
        return { ok: false, error: this.failure ? `Ponder: the search index could not be built: ${this.failure}` : 'Ponder: the search index has not been built yet.' };
      }
      const limit = options.limit ?? null;
      const replies = await Promise.all(
        this.workers.map((worker) => {
          const { id, reply } = worker.send({ type: 'search', query, limit, ids: options.ids ? [...options.ids] : null });
          sent.push({ worker, id });
          return reply;
        }),
      );
      return mergeResults(replies, limit);
    };
    const cancellable = new Promise<ServiceSearchOutcome>((resolve) => (onCancel = resolve));
    return Promise.race([run(), cancellable])
      .catch((error: unknown): ServiceSearchOutcome => ({ ok: false, error: `Ponder: search failed: ${messageOf(error)}` }))
      .finally(() => {
        if (this.pendingSearch === handle) this.pendingSearch = null;
      });
  }

  /**
   * Apply a change of the library: the stories in `removed` (and the old version
   * of any story in `added`) are tombstoned, `added` is indexed as a small delta
   * segment, and the statistics are updated everywhere, so ranking stays that of
   * a full rebuild. Deltas are merged into the large segments in the background.
   */
  update(change: IndexChange, options: UpdateOptions = {}): Promise<void> {
    return this.serialise(async () => {
      this.checkUsable();
      if (!this.isReady) throw new Error('Ponder: build the search index before updating it.');
      const gone = [...new Set([...change.removed, ...change.added.map((story) => story.id)])];
      const deltas: StatsDelta[] = [];
      if (gone.length > 0) {
        const removed = await Promise.all(this.workers.map((worker) => worker.request({ type: 'remove', ids: gone })));
        removed.forEach((reply, w) => {
          for (const stats of statsOf(reply)) {
            deltas.push({ sign: -1, stats });
            this.live[w]! -= stats.docs;
          }
        });
      }
      for (let start = 0; start < change.added.length; start += DELTA_CHUNK) {
        const docs = change.added.slice(start, start + DELTA_CHUNK).map((story) => toOrdered(story, this.nextOrd++));
        const w = this.live.indexOf(Math.min(...this.live));
        const [stats] = statsOf(await this.workers[w]!.request({ type: 'add', docs }));
        deltas.push({ sign: 1, stats: stats! });
        this.live[w]! += docs.length;
      }
      if (deltas.length > 0) await Promise.all(this.workers.map((worker) => worker.request({ type: 'stats', deltas })));
      if (options.fingerprint !== undefined && this.options.cacheDir) this.scheduleSave(options.fingerprint, SAVE_DELAY_MS);
    });
  }

  /** Fold delta segments and tombstones into the large segments now (otherwise done a moment after each update). */
  merge(): Promise<void> {
    return this.serialise(async () => {
      this.checkUsable();
      await Promise.all(this.workers.map((worker) => worker.request({ type: 'merge' })));
    });
  }

  /** Resolves when the cache writes started so far have finished (or failed; see lastCacheError). */
  async cacheWritten(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.pendingSave?.();
    }
    await this.saving;
  }

  /**
   * Finish cache writes in progress and stop the workers. The pending superseding
   * search resolves as cancelled, later ones as closed; build and update reject.
   */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.cacheWritten();
    this.disposed = true;
    this.isReady = false;
    this.pendingSearch?.cancel();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers = [];
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(task);
    this.exclusive = result.catch(() => undefined);
    return result;
  }

  private checkUsable(): void {
    if (this.disposed) throw new Error('Ponder: the search index has been closed.');
  }

  private spawnWorkers(): void {
    if (this.workers.length === this.workerCount && this.workers.every((worker) => worker.alive)) return;
    for (const worker of this.workers) void worker.terminate();
    const setup: WorkerSetup = { format: INDEX_FORMAT };
    this.workers = Array.from(
      { length: this.workerCount },
      () => new WorkerClient(this.options.workerScript, this.options.execArgv, setup, this.options.resourceLimits ?? DEFAULT_LIMITS),
    );
  }

  private async coldBuild(stories: readonly StoryInput[], generation: number, onProgress?: (done: number, total: number) => void): Promise<void> {
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
          if (generation !== this.generation) throw new Error(SUPERSEDED);
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
    const deltas = built.flat().map((stats): StatsDelta => ({ sign: 1, stats }));
    await Promise.all(this.workers.map((worker) => worker.request({ type: 'stats', deltas })));
    this.live = built.map((list) => list.reduce((sum, stats) => sum + stats.docs, 0));
    this.nextOrd = total;
  }

  private async loadCache(folder: string, manifest: CacheManifest): Promise<void> {
    // Segment i goes to worker i mod n; statistics are applied in segment order everywhere.
    const assigned = this.workers.map(() => [] as number[]);
    manifest.segments.forEach((_, s) => assigned[s % this.workers.length]!.push(s));
    const replies = await Promise.all(
      this.workers.map((worker, w) => worker.request({ type: 'load', files: assigned[w]!.map((s) => path.join(folder, manifest.segments[s]!.file)) })),
    );
    const bySegment: PackedStats[] = [];
    replies.forEach((reply, w) => statsOf(reply).forEach((stats, i) => (bySegment[assigned[w]![i]!] = stats)));
    const loaded = bySegment.reduce((sum, stats) => sum + stats.docs, 0);
    if (loaded !== manifest.storyCount) throw new Error('cache does not hold the stories its manifest names');
    const deltas = bySegment.map((stats): StatsDelta => ({ sign: 1, stats }));
    await Promise.all(this.workers.map((worker) => worker.request({ type: 'stats', deltas })));
    this.live = assigned.map((segments) => segments.reduce((sum, s) => sum + bySegment[s]!.docs, 0));
    this.nextOrd = manifest.nextOrd;
  }

  /** Write the cache for `fingerprint` after `delay` ms (a newer request replaces a waiting one). */
  private scheduleSave(fingerprint: string, delay: number): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const start = (): void => {
      this.saveTimer = null;
      this.pendingSave = null;
      this.saving = this.saving.then(() => this.save(fingerprint));
    };
    this.pendingSave = start;
    if (delay === 0) return start();
    this.saveTimer = setTimeout(start, delay);
    this.saveTimer.unref();
  }

  private async save(fingerprint: string): Promise<void> {
    const cacheDir = this.options.cacheDir;
    if (!cacheDir || this.disposed) return;
    const folder = indexCacheFolder(cacheDir);
    try {
      // Send every worker its save request between two updates, so the files are one consistent snapshot.
      const snapshot = await this.serialise(async () => {
        if (!this.isReady) return null;
        await mkdir(folder, { recursive: true });
        const files = newSegmentFiles(folder, this.workers.length);
        const replies = this.workers.map((worker, w) => worker.request({ type: 'save', files: [files[w]!] }));
        return { files, replies, live: [...this.live], nextOrd: this.nextOrd };
      });
      if (!snapshot) return;
      const saved = await Promise.all(snapshot.replies);
      const manifest: CacheManifest = {
        format: INDEX_FORMAT,
        fingerprint,
        storyCount: snapshot.live.reduce((sum, n) => sum + n, 0),
        nextOrd: snapshot.nextOrd,
        segments: snapshot.files.map((file, w) => ({
          file: path.basename(file),
          docs: snapshot.live[w]!,
          bytes: saved[w]!.type === 'saved' ? saved[w]!.bytes[0]! : 0,
        })),
      };
      await commitManifest(folder, manifest);
      this.cacheError = null;
    } catch (error) {
      this.cacheError = `Ponder: the search index could not be cached: ${messageOf(error)}`;
    }
  }
}

/** One worker thread and its pending requests. */
class WorkerClient {
  onProgress: ((done: number) => void) | null = null;
  alive = true;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>();

  constructor(script: string | URL, execArgv: string[] | undefined, setup: WorkerSetup, resourceLimits: ResourceLimits) {
    this.worker = new Worker(script, { execArgv, workerData: setup, resourceLimits });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') return this.onProgress?.(reply.done);
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.type === 'failed') waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => this.fail(`the index worker stopped (exit code ${code})`));
  }

  /** Send a request; `reply` settles with the worker's answer. */
  send(request: DistributiveOmit<WorkerRequest, 'id'>): { id: number; reply: Promise<WorkerReply> } {
    const id = this.nextId++;
    const reply = new Promise<WorkerReply>((resolve, reject) => {
      if (!this.alive) return reject(new Error('the index worker is not running'));
      // Keep the process alive while an answer is awaited; idle workers do not.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
    // Callers may await a reply late (or never, for a cancelled search): a failure must not go unhandled meanwhile.
    reply.catch(() => undefined);
    return { id, reply };
  }

  request(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerReply> {
    return this.send(request).reply;
  }

  /** Send a message that gets no answer. */
  post(request: WorkerRequest): void {
    if (this.alive) this.worker.postMessage(request);
  }

  async terminate(): Promise<void> {
    this.alive = false;
    this.fail('the search index has been closed');
    await this.worker.terminate();
  }

  private fail(reason: string): void {
    this.alive = false;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}

/** Sums workers' progress and reports it at most every PROGRESS_INTERVAL_MS. */
class Progress {
  private done = 0;
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly report?: (done: number, total: number) => void,
  ) {}

  add(done: number): void {
    this.done += done;
    const now = performance.now();
    if (!this.report || now - this.last < PROGRESS_INTERVAL_MS || this.done >= this.total) return;
    this.last = now;
    this.report(this.done, this.total);
  }
}

/** Merge the workers' ranked lists: Lunr's order is (score, step, ord) — see query.ts#compareRanked. */
function mergeResults(replies: WorkerReply[], limit: number | null): ServiceSearchOutcome {
  const lists: { hits: PackedHits; entries: [string, SearchHit['terms']][] | null }[] = [];
  let total = 0;
  for (const reply of replies) {
    if (reply.type !== 'result') throw new Error(`unexpected answer "${reply.type}"`);
    if (!reply.ok) return reply.cancelled ? { ok: false, cancelled: true, error: reply.error } : { ok: false, error: reply.error };
    total += reply.total;
    lists.push({ hits: reply.hits, entries: null });
  }
  // Each list is sorted already: merge them, taking the best head each time.
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
      const order = other.scores[o]! - list.scores[at]! || list.steps[at]! - other.steps[o]! || list.ords[at]! - other.ords[o]!;
      if (order < 0) best = l;
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

function statsOf(reply: WorkerReply): PackedStats[] {
  if (reply.type !== 'stats') throw new Error(`unexpected answer "${reply.type}"`);
  return reply.stats;
}

function toOrdered(story: StoryInput, ord: number): OrderedStory {
  return { id: story.id, summary: story.summary, reflection: story.reflection, question: story.question, ord };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const SUPERSEDED = 'Ponder: this index build was replaced by a newer one.';
const BUILD_BATCH = 1_000;
const DELTA_CHUNK = 5_000;
const PROGRESS_INTERVAL_MS = 100;
const SAVE_DELAY_MS = 1_000;
const DEFAULT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 };
