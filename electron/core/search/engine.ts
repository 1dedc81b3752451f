// The one search API of Ponder. Two engines implement it over the same
// segments, scoring and cache format (shard.ts, query.ts, index-cache.ts), so
// they answer exactly as one plain Lunr index over the same stories would:
//   - WorkerEngine (worker-engine.ts): the app's; segments in worker threads,
//     the main thread stays free while a large library indexes;
//   - InProcessEngine (in-process-engine.ts): the same shard in the calling
//     thread, for the CLI and small corpora (the orphaned notes).
// Filters go in with the query (`ids`): the engine ranks and counts within them.

import os from 'node:os';
import type { OrderedStory, StoryInput } from './protocol';
import type { RelatedOptions, RelatedOutcome } from './related';
import type { SearchHit } from '../types';

export type { StoryInput } from './protocol';
export type { RelatedHit, RelatedOptions, RelatedOutcome } from './related';

export interface SearchEngine {
  /**
   * True once a build has finished, until the engine is disposed or a new build
   * starts. Stays true while the engine restarts a worker that died; searches
   * meanwhile answer INDEX_RESTARTING.
   */
  readonly ready: boolean;
  /** Why the last cache write failed, or null (the cache is optional: nothing else depends on it). */
  readonly lastCacheError: string | null;
  /**
   * Index `stories` (replacing whatever was indexed), or load them from the cache
   * when it holds this fingerprint. Resolves when search is ready; the cache is
   * written afterwards (see cacheWritten). A newer build() makes this one reject.
   */
  build(stories: readonly StoryInput[], options?: BuildOptions): Promise<BuildResult>;
  /**
   * Run a query in Lunr's syntax — words, `+must`, `-not`, `field:term`, `prefix*`,
   * `fuzzy~1` — plus `"phrases"` and AND / OR / NOT (query-syntax.ts). A query Lunr cannot parse, or one over its budget (query-budget.ts:
   * at most ~2, bounded expansion and time), is an outcome with a message, never
   * an exception. Waits for a build or update in progress.
   */
  search(query: string, options?: SearchOptions): Promise<EngineSearchOutcome>;
  /**
   * Apply a change of the library: `removed` (and the old version of any story in
   * `added`) leave, `added` is indexed; ranking stays that of a full rebuild.
   */
  update(change: IndexChange, options?: UpdateOptions): Promise<void>;
  /**
   * The stories most like story `id` (related.ts): its most distinctive terms run as one
   * query, the story itself left out; each hit names the words they share. Waits like search.
   */
  related(id: string, options?: RelatedOptions): Promise<RelatedOutcome>;
  /** Resolves when the cache writes started so far have finished (or failed; see lastCacheError). */
  cacheWritten(): Promise<void>;
  /** Finish cache writes in progress and release the engine; later calls are answered as closed. */
  dispose(): Promise<void>;
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

export interface SearchOptions {
  /** Most hits to return (all of them when omitted); `total` still counts every match. */
  limit?: number;
  /**
   * Search these stories only (a topic, a file, the story on screen): hits are
   * ranked among them, and `total` counts the matches among them.
   */
  ids?: readonly string[];
  /**
   * A newer superseding search resolves an older one that is still pending as
   * cancelled (the worker engine then skips it if it has not started). Default
   * true; pass false for look-ups that must be answered (they neither cancel nor
   * get cancelled).
   */
  supersede?: boolean;
}

/** The answer to a query: the best hits (up to the limit) and how many stories matched. */
export type SearchOutcome = { ok: true; hits: SearchHit[]; total: number } | { ok: false; error: string };

/** A search outcome, or the answer given to a search that a newer one replaced. */
export type EngineSearchOutcome = SearchOutcome | { ok: false; cancelled: true; error: string };

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
export const ENGINE_CLOSED = 'Ponder: the search index has been closed.';
export const BUILD_SUPERSEDED = 'Ponder: this index build was replaced by a newer one.';
export const UPDATE_BEFORE_BUILD = 'Ponder: build the search index before updating it.';
export const INDEX_RESTARTING = 'Ponder: the search index stopped and is being restarted — search again in a moment.';

/** What a search gets before the engine is ready: why (still building, or the build failed). */
export function notReady(failure: string | null): SearchOutcome {
  return { ok: false, error: failure ? `Ponder: the search index could not be built: ${failure}` : 'Ponder: the search index has not been built yet.' };
}

/** Large segments a build makes: one per worker thread in the app, so a cache written by either engine loads evenly into the workers. */
export function defaultSegmentCount(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/** A story as the shards take it: its searched fields and its place in the library (ties in ranking go to the earlier story). */
export function toOrdered(story: StoryInput, ord: number): OrderedStory {
  return { id: story.id, summary: story.summary, reflection: story.reflection, question: story.question, ord };
}
