// What both engines do alike, written once: builds and updates one at a time
// in call order, a newer build superseding an older one, the cache tried
// before a cold build and written after it, searches answered as closed or
// not ready, a restart from the stories held when the shards were lost (a
// worker died), and dispose. Subclasses say where the shards live (worker
// threads, or this thread) through the abstract steps at the end.

import { mkdir } from 'node:fs/promises';
import { messageOf } from '../fs/errors';
import { inSlices } from '../time-slices';
import { CacheScheduler } from './cache-scheduler';
import type { BuildOptions, BuildResult, EngineSearchOutcome, IndexChange, SearchEngine, SearchOptions, UpdateOptions } from './engine';
import { BUILD_SUPERSEDED, ENGINE_CLOSED, INDEX_RESTARTING, notReady, UPDATE_BEFORE_BUILD } from './engine';
import type { CacheManifest } from './index-cache';
import { ANY_FINGERPRINT, commitSegments, indexCacheFolder, usableCache } from './index-cache';
import { searchPlanned } from './phrase';
import type { StoryInput } from './protocol';
import { planQuery } from './query-syntax';
import type { DistinctiveTerm, RelatedOptions, RelatedOutcome } from './related';
import { RELATED_LIMIT, RELATED_TERMS, relatedHits, relatedQuery } from './related';

/** What a subclass hands over for a cache write: taken between two updates, written afterwards. */
export interface CacheSnapshot {
  nextOrd: number;
  /** The segment files as they finish writing. */
  segments: Promise<CacheManifest['segments']>;
}

export abstract class EngineLifecycle implements SearchEngine {
  private isReady = false;
  private failure: string | null = null;
  private disposed = false;
  /** Builds, updates and cache snapshots run one at a time, in call order; searches wait for the one in progress. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private readonly cache = new CacheScheduler((fingerprint) => this.save(fingerprint));
  /** The stories indexed now, in library order (ords), and their fingerprint: what a restart indexes again. */
  private held = new Map<string, StoryInput>();
  private heldFingerprint: string | undefined;
  private restarting: Promise<void> | null = null;
  private restart: BuildResult | null = null;
  /** The manifest whose segments `preload` put in the shards: not searchable until a build's fingerprint matches it. */
  private preloaded: CacheManifest | null = null;
  /** The library folder of the last preload, written in the cache's manifest (undefined: never preloaded, as in the CLI). */
  private library: string | undefined;

  /** `cacheDir`: folder for the index cache (e.g. `DATA/cache`); null or undefined: no cache. */
  constructor(private readonly cacheDir: string | null | undefined) {}

  get ready(): boolean {
    return this.isReady;
  }

  get lastCacheError(): string | null {
    return this.cache.lastError;
  }

  /** How the last restart after lost shards went (from the cache or rebuilt, and how long it took), or null. */
  get lastRestart(): BuildResult | null {
    return this.restart;
  }

  build(stories: readonly StoryInput[], options: BuildOptions = {}): Promise<BuildResult> {
    const generation = ++this.generation;
    const superseded = (): boolean => generation !== this.generation;
    return this.serialise(async () => {
      this.checkUsable();
      if (superseded()) throw new Error(BUILD_SUPERSEDED);
      this.isReady = false;
      this.failure = null;
      // A 100,000-story map at once would hold the app's main thread too long.
      const held = new Map<string, StoryInput>();
      await inSlices(stories.length, (i) => held.set(stories[i]!.id, stories[i]!), STORIES_PER_CLOCK);
      if (superseded()) throw new Error(BUILD_SUPERSEDED);
      this.held = held;
      this.heldFingerprint = options.fingerprint;
      const result = await this.restore(superseded, options.onProgress);
      options.onProgress?.(stories.length, stories.length);
      this.isReady = true;
      return result;
    });
  }

  /**
   * The library in folder `library` is being opened: load its cached index into the shards
   * now, while its files are still read (a cache written for another folder is left alone).
   * The `build` that follows uses it only if its fingerprint and story count are the
   * manifest's; otherwise it starts again from the stories. Until then nothing is searchable
   * (the shards may be stale), and an older build in progress is superseded.
   */
  preload(library: string): Promise<void> {
    if (!this.cacheDir) return Promise.resolve();
    const generation = ++this.generation;
    return this.serialise(async () => {
      this.library = library; // also when a build of this library came first
      if (this.disposed || generation !== this.generation) return;
      this.isReady = false;
      this.failure = null;
      this.preloaded = null;
      this.held = new Map(); // the previous library's stories, no longer needed
      this.heldFingerprint = undefined;
      const cached = await usableCache(this.cacheDir, ANY_FINGERPRINT, null);
      if (!cached || cached.manifest.library !== library || generation !== this.generation) return;
      await this.reset();
      // The statistics wait for the build: applying them sets the workers warming up, which would slow the reading.
      await this.loadCache(cached.folder, cached.manifest, true).then(
        () => (this.preloaded = cached.manifest),
        () => this.reset(),
      );
    }).catch(() => undefined); // a worker lost meanwhile: the build resets and respawns them
  }

  /** Ponder's query syntax (query-syntax.ts) over the shards' Lunr search; phrases are checked on the stories held. */
  search(query: string, options: SearchOptions = {}): Promise<EngineSearchOutcome> {
    return searchPlanned(
      planQuery(query),
      options.limit,
      (lunrQuery, limit) => this.searchIndex(lunrQuery, { ...options, limit }),
      (id) => this.held.get(id),
    );
  }

  /** The story's distinctive terms (from any shard's statistics) as one OR query over every shard (related.ts). */
  async related(id: string, options: RelatedOptions = {}): Promise<RelatedOutcome> {
    await this.idle();
    const unavailable = this.unavailable();
    if (unavailable && !unavailable.ok) return { ok: false, error: unavailable.error };
    const story = this.held.get(id);
    if (!story) return { ok: true, hits: [] };
    const limit = options.limit ?? RELATED_LIMIT;
    const terms = await this.distinctiveTerms(story, RELATED_TERMS, options.names ?? []).catch((error: unknown) => messageOf(error));
    if (typeof terms === 'string') return { ok: false, error: this.isRestarting ? INDEX_RESTARTING : `Ponder: related stories failed: ${terms}` };
    if (terms.length === 0) return { ok: true, hits: [] };
    const outcome = await this.searchIndex(relatedQuery(terms), { limit: limit + 1, ids: options.ids, supersede: false });
    return outcome.ok ? { ok: true, hits: relatedHits(outcome.hits, terms, id, limit) } : { ok: false, error: outcome.error };
  }

  update(change: IndexChange, options: UpdateOptions = {}): Promise<void> {
    return this.serialise(async () => {
      this.checkUsable();
      if (!this.isReady) throw new Error(UPDATE_BEFORE_BUILD);
      // A changed story has the id of the one it replaces: the old version goes first.
      const gone = [...new Set([...change.removed, ...change.added.map((story) => story.id)])];
      // Held first: should a worker die half-way through, the restart indexes the library as it now is.
      for (const id of gone) this.held.delete(id);
      for (const story of change.added) this.held.set(story.id, story);
      this.heldFingerprint = options.fingerprint;
      await this.applyChange(gone, change.added);
      if (options.fingerprint !== undefined && this.cacheDir) this.cache.schedule(options.fingerprint, SAVE_DELAY_MS);
    });
  }

  cacheWritten(): Promise<void> {
    return this.cache.flush();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.cache.flush();
    this.disposed = true;
    this.isReady = false;
    await this.release();
  }

  /** Why a search cannot run now (closed, restarting, or not built), or null when it can. Call after waiting for `idle()`. */
  protected unavailable(): EngineSearchOutcome | null {
    if (this.disposed) return { ok: false, error: ENGINE_CLOSED };
    if (this.restarting) return { ok: false, error: INDEX_RESTARTING };
    return this.isReady ? null : notReady(this.failure);
  }

  /** True from the moment the shards were lost until they are indexed again. */
  protected get isRestarting(): boolean {
    return this.restarting !== null;
  }

  /**
   * The shards were lost (a worker thread died: a crash, or out of memory): index
   * the stories held again, from the cache when it holds their fingerprint, so
   * search recovers by itself. `ready` stays true meanwhile; searches answer
   * INDEX_RESTARTING. A build in progress fails instead, and a failed restart
   * leaves the engine failed (no restart loop).
   */
  protected restartLostShards(): Promise<void> {
    this.preloaded = null; // what a preload put in the shards is partly gone
    this.restarting ??= this.serialise(async () => {
      if (this.disposed || !this.isReady) return;
      try {
        this.restart = await this.restore(() => false);
      } catch (error) {
        this.isReady = false;
        this.failure = messageOf(error);
      }
    }).finally(() => (this.restarting = null));
    return this.restarting;
  }

  /** Resolves when the build, update or cache snapshot in progress (if any) is done. */
  protected idle(): Promise<unknown> {
    return this.exclusive;
  }

  protected serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(task);
    this.exclusive = result.catch(() => undefined);
    return result;
  }

  protected checkUsable(): void {
    if (this.disposed) throw new Error(ENGINE_CLOSED);
  }

  /** Run a query in Lunr's syntax over the shards. */
  protected abstract searchIndex(query: string, options: SearchOptions): Promise<EngineSearchOutcome>;
  /** A story's most distinctive terms by the corpus-wide statistics (related.ts). */
  protected abstract distinctiveTerms(story: StoryInput, count: number, names: readonly string[]): Promise<DistinctiveTerm[]>;
  /** Drop every indexed story. */
  protected abstract reset(): Promise<void>;
  /**
   * Load the cache's segment files; throws when one is damaged or they do not hold the manifest's stories.
   * `statsLater`: their statistics are applied by `finishPreload` (an engine may apply them at once).
   */
  protected abstract loadCache(folder: string, manifest: CacheManifest, statsLater?: boolean): Promise<void>;
  /** Apply the statistics `loadCache(…, true)` held back. */
  protected async finishPreload(): Promise<void> {}
  /** Index `stories` from scratch; throws BUILD_SUPERSEDED when `superseded()` turns true. */
  protected abstract coldBuild(stories: readonly StoryInput[], superseded: () => boolean, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Remove the stories with ids in `gone`, index `added`, and update the statistics. */
  protected abstract applyChange(gone: readonly string[], added: readonly StoryInput[]): Promise<void>;
  /** Start writing the segments into `folder`: called between two updates, so the snapshot is consistent. */
  protected abstract snapshot(folder: string): Promise<CacheSnapshot>;
  /** Free what the engine holds (threads, memory). */
  protected abstract release(): Promise<void>;

  /** Fill the emptied shards with the held stories: from the cache when it matches, otherwise indexed from scratch. */
  private async restore(superseded: () => boolean, onProgress?: (done: number, total: number) => void): Promise<BuildResult> {
    const started = performance.now();
    const stories = [...this.held.values()];
    const fingerprint = this.heldFingerprint;
    const preloaded = this.preloaded;
    this.preloaded = null;
    const matches = preloaded && fingerprint !== undefined && preloaded.fingerprint === fingerprint && preloaded.storyCount === stories.length;
    if (matches && (await this.finishPreload().then(() => true, () => false))) {
      return { fromCache: true, millis: Math.round(performance.now() - started) };
    }
    try {
      await this.reset();
      const cached = await usableCache(this.cacheDir, fingerprint, stories.length);
      // A damaged or partial cache: start again from the stories.
      const fromCache = cached !== null && (await this.loadCache(cached.folder, cached.manifest).then(() => true, () => this.reset().then(() => false)));
      if (!fromCache) await this.coldBuild(stories, superseded, onProgress);
      if (!fromCache && this.cacheDir && fingerprint !== undefined) this.cache.schedule(fingerprint, 0);
      return { fromCache, millis: Math.round(performance.now() - started) };
    } catch (error) {
      this.failure = messageOf(error);
      throw error;
    }
  }

  private async save(fingerprint: string): Promise<void> {
    if (!this.cacheDir || this.disposed) return;
    const folder = indexCacheFolder(this.cacheDir);
    const snapshot = await this.serialise(async () => {
      // Not built, or now another library's (opened since the write was scheduled): that index is not this fingerprint's.
      if (!this.isReady || fingerprint !== this.heldFingerprint) return null;
      await mkdir(folder, { recursive: true, mode: 0o700 }); // private (FORMATS.md §2)
      const taken = await this.snapshot(folder);
      // Awaited below, outside the queue; until then a failure must not count as unhandled.
      taken.segments.catch(() => undefined);
      return { ...taken, library: this.library };
    });
    if (snapshot) await commitSegments(folder, fingerprint, snapshot.nextOrd, await snapshot.segments, snapshot.library);
  }
}

/** Map entries set between two reads of the clock. */
const STORIES_PER_CLOCK = 256;

/** How long after the last of a burst of updates the cache is written. */
const SAVE_DELAY_MS = 1_000;
