// The search engine in the calling thread: one Shard (shard.ts) — the same
// segments, statistics and scoring as the app's workers — for the CLI and for
// small corpora such as the orphaned notes. With a cacheDir it reads and
// writes the app's cache (`DATA/cache/search-v<N>/`, index-cache.ts): either
// engine loads what the other wrote, so a second `ponder search` on an
// unchanged library loads the index instead of building it.
//
// Indexing runs on the caller's thread without yielding: right for a command
// that exits once it has answered, or for a few hundred notes; the app's
// library goes to WorkerEngine.

import path from 'node:path';
import type { EngineSearchOutcome, SearchOptions } from './engine';
import { defaultSegmentCount, toOrdered } from './engine';
import { EngineLifecycle } from './engine-lifecycle';
import type { CacheSnapshot } from './engine-lifecycle';
import type { CacheManifest } from './index-cache';
import { checkLoaded, INDEX_FORMAT, newSegmentFiles } from './index-cache';
import type { QueryLimits } from './query-budget';
import { Progress } from './progress';
import type { DistinctiveTerm } from './related';
import type { StatsDelta, StoryInput } from './protocol';
import { loadSegmentFiles, saveSegmentFiles } from './shard-files';
import { Shard } from './shard';

export interface InProcessEngineOptions {
  /** Folder for the index cache (e.g. `DATA/cache`, shared with the app); null or omitted: no cache. */
  cacheDir?: string | null;
  /** Large segments a cold build makes, and so the cache holds. Default: one per worker the app would start. */
  segments?: number;
  /** What one query may cost (query-budget.ts): it runs in the caller's thread. Defaults when omitted. */
  queryLimits?: Partial<QueryLimits>;
}

export class InProcessEngine extends EngineLifecycle {
  private readonly segmentCount: number;
  private readonly queryLimits: Partial<QueryLimits>;
  private shard: Shard;
  private nextOrd = 0;

  constructor(options: InProcessEngineOptions = {}) {
    super(options.cacheDir);
    this.segmentCount = Math.max(1, options.segments ?? defaultSegmentCount());
    this.queryLimits = options.queryLimits ?? {};
    this.shard = new Shard(this.queryLimits);
  }

  /** Searches run in call order once a build or update in progress is done; none is superseded. */
  protected async searchIndex(query: string, options: SearchOptions): Promise<EngineSearchOutcome> {
    await this.idle();
    const unavailable = this.unavailable();
    if (unavailable) return unavailable;
    const outcome = this.shard.search(query, { limit: options.limit ?? null, ids: options.ids ?? null });
    if (!outcome.ok) return outcome;
    return { ok: true, total: outcome.total, hits: outcome.hits.map(({ id, score, terms }) => ({ id, score, terms })) };
  }

  protected async distinctiveTerms(story: StoryInput, count: number, names: readonly string[]): Promise<DistinctiveTerm[]> {
    return this.shard.distinctiveTerms(story, count, names);
  }

  protected async reset(): Promise<void> {
    this.shard.reset();
  }

  /** Contiguous slices of the library, one large segment each, statistics applied in library order. */
  protected async coldBuild(stories: readonly StoryInput[], _superseded: () => boolean, onProgress?: (done: number, total: number) => void): Promise<void> {
    const total = stories.length;
    const progress = new Progress(total, onProgress);
    const per = Math.max(1, Math.ceil(total / this.segmentCount));
    const deltas: StatsDelta[] = [];
    for (let key = 0; key < this.segmentCount; key++) {
      const to = Math.min(total, (key + 1) * per);
      for (let start = key * per; start < to; start += BUILD_BATCH) {
        const end = Math.min(to, start + BUILD_BATCH);
        const docs = [];
        for (let i = start; i < end; i++) docs.push(toOrdered(stories[i]!, i));
        this.shard.addToBuild(key, docs);
        progress.add(docs.length);
      }
      deltas.push({ sign: 1, stats: this.shard.finishBuild(key) });
    }
    this.shard.applyStats(deltas);
    this.nextOrd = total;
  }

  protected async loadCache(folder: string, manifest: CacheManifest): Promise<void> {
    const files = manifest.segments.map((segment) => path.join(folder, segment.file));
    const stats = await loadSegmentFiles(this.shard, files, INDEX_FORMAT);
    checkLoaded(stats, manifest);
    this.shard.applyStats(stats.map((s): StatsDelta => ({ sign: 1, stats: s })));
    this.nextOrd = manifest.nextOrd;
  }

  protected async applyChange(gone: readonly string[], added: readonly StoryInput[]): Promise<void> {
    const deltas: StatsDelta[] = this.shard.remove(gone).map((stats) => ({ sign: -1, stats }));
    if (added.length > 0) deltas.push({ sign: 1, stats: this.shard.addDelta(added.map((story) => toOrdered(story, this.nextOrd++))) });
    this.shard.applyStats(deltas);
  }

  /** One file per large segment, so the app's workers each load one. */
  protected async snapshot(folder: string): Promise<CacheSnapshot> {
    if (this.shard.needsMerge) this.shard.merge();
    const segments = this.shard.segmentList;
    const files = newSegmentFiles(folder, Math.max(1, segments.length));
    const docs = files.map((_, i) => segments[i]?.live ?? 0);
    const written = saveSegmentFiles(this.shard, files, INDEX_FORMAT);
    return {
      nextOrd: this.nextOrd,
      segments: written.then((bytes) => files.map((file, i) => ({ file: path.basename(file), docs: docs[i]!, bytes: bytes[i]! }))),
    };
  }

  protected async release(): Promise<void> {
    this.shard = new Shard(this.queryLimits);
  }
}

const BUILD_BATCH = 1_000;
