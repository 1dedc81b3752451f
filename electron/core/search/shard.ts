// What one index worker holds: its segments (a large one per build, small delta
// segments for stories added since) and its replica of the corpus-wide
// statistics. Plain and synchronous, so tests can run several shards in one
// thread; index-worker.ts wraps it in a message loop.

import { GlobalStats } from './global-stats';
import type { OrderedStory, PackedStats, RankedHit, StatsDelta, StoryInput } from './protocol';
import { compileQuery, describeQueryError, runQuery } from './query';
import type { QueryLimits } from './query-budget';
import { QueryBudget } from './query-budget';
import { Ranking } from './ranking';
import type { DistinctiveTerm } from './related';
import { distinctiveTerms, withNames } from './related';
import { Segment, SegmentBuilder } from './segment';
import { TermPipeline } from './tokens';

export type ShardSearchOutcome = { ok: true; hits: RankedHit[]; total: number } | { ok: false; error: string };

export interface ShardSearchOptions {
  /** Most hits to return (all when null). */
  limit?: number | null;
  /** Rank these stories only: hits and total are those among them. */
  ids?: readonly string[] | null;
}

export class Shard {
  stats = new GlobalStats();
  private readonly pipeline = new TermPipeline();
  /** Large segments first (one per build or merge), then deltas, in the order they were made. */
  private segments: Segment[] = [];
  private deltas = 0;
  private builders = new Map<number, SegmentBuilder>();

  /** `limits`: what one query may cost (query-budget.ts); defaults when omitted. */
  constructor(private readonly limits: Partial<QueryLimits> = {}) {}

  get segmentList(): readonly Segment[] {
    return this.segments;
  }

  /** A segment with no stories (what an empty shard saves). */
  emptySegment(): Segment {
    return new SegmentBuilder(this.pipeline).finish();
  }

  /** Stories held here that have not been removed. */
  get live(): number {
    return this.segments.reduce((sum, segment) => sum + segment.live, 0);
  }

  /** Delta segments and removed stories waiting for a merge. */
  get needsMerge(): boolean {
    return this.deltas > 0 || this.segments.some((segment) => segment.removedCount > 0);
  }

  /** Add stories to large segment `key` being built; they must come in library order. */
  addToBuild(key: number, stories: readonly OrderedStory[]): void {
    let builder = this.builders.get(key);
    if (!builder) {
      builder = new SegmentBuilder(this.pipeline);
      this.builders.set(key, builder);
    }
    for (const story of stories) builder.add(story);
  }

  /** Finish large segment `key`; returns its statistics. */
  finishBuild(key: number): PackedStats {
    const builder = this.builders.get(key) ?? new SegmentBuilder(this.pipeline);
    this.builders.delete(key);
    const segment = builder.finish();
    this.segments.splice(this.segments.length - this.deltas, 0, segment);
    return segment.stats();
  }

  /** Add a loaded segment; returns its statistics. */
  addSegment(segment: Segment): PackedStats {
    this.segments.splice(this.segments.length - this.deltas, 0, segment);
    return segment.stats();
  }

  /** Index stories added since the build as a new delta segment; returns its statistics. */
  addDelta(stories: readonly OrderedStory[]): PackedStats {
    const builder = new SegmentBuilder(this.pipeline);
    for (const story of stories) builder.add(story);
    const segment = builder.finish();
    this.segments.push(segment);
    this.deltas++;
    return segment.stats();
  }

  /** Mark stories as removed; returns the statistics of what was removed here, one entry per segment. */
  remove(ids: readonly string[]): PackedStats[] {
    const removed: PackedStats[] = [];
    for (const segment of this.segments) {
      const stats = segment.remove(ids);
      if (stats) removed.push(stats);
    }
    return removed;
  }

  applyStats(deltas: readonly StatsDelta[]): void {
    this.stats.apply(deltas);
  }

  /** Fold every segment, with deltas and tombstones, into one large segment. Scores do not change. */
  merge(): void {
    if (!this.needsMerge && this.segments.length <= 1) return;
    this.segments = this.segments.length === 0 ? [] : [Segment.merge(this.segments)];
    this.deltas = 0;
  }

  /** Over its budget, a query is answered with QUERY_TOO_BROAD (or the edit-distance message) and leaves nothing behind. */
  search(query: string, options: ShardSearchOptions = {}): ShardSearchOutcome {
    const budget = new QueryBudget(this.limits);
    const compiled = compileQuery(query, this.stats, budget);
    if (!compiled.ok) return compiled;
    const ranking = new Ranking(options.limit ?? null, options.ids ? new Set(options.ids) : null);
    try {
      for (const segment of this.segments) runQuery(compiled.plan, segment, ranking, budget);
    } catch (error) {
      return { ok: false, error: describeQueryError(error) };
    }
    return { ok: true, total: ranking.total, hits: ranking.hits() };
  }

  /**
   * Prepare for the first queries: build the token set for wildcard and fuzzy
   * terms, and run a few queries so the JIT compiles the search code now rather
   * than in the reader's first searches.
   */
  warm(): void {
    this.stats.warm();
    const term = this.stats.commonestTerm();
    if (term === undefined || term.length === 0 || /[^a-z0-9]/.test(term)) return;
    for (const query of [term, `${term.slice(0, 2)}*`, `${term}~1`, `+${term} -${term}x`]) this.search(query, { limit: 100 });
  }

  /** A story's most distinctive terms by the corpus-wide statistics (related.ts); the story need not be held here. */
  distinctiveTerms(story: StoryInput, count: number, names: readonly string[] = []): DistinctiveTerm[] {
    return withNames(distinctiveTerms(story, this.stats, count), names, this.stats);
  }

  reset(): void {
    this.segments = [];
    this.deltas = 0;
    this.builders.clear();
    // A fresh replica: statistics of dropped segments must not linger.
    this.stats = new GlobalStats();
  }
}
