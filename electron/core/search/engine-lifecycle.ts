// What both engines do alike, written once: builds and updates one at a time
// in call order, a newer build superseding an older one, the cache tried
// before a cold build and written after it, searches answered as closed or
// not ready, and dispose. Subclasses say where the shards live (worker
// threads, or this thread) through the abstract steps at the end.

import { mkdir } from 'node:fs/promises';
import { messageOf } from '../fs/errors';
import { CacheScheduler } from './cache-scheduler';
import type { BuildOptions, BuildResult, EngineSearchOutcome, IndexChange, SearchEngine, SearchOptions, UpdateOptions } from './engine';
import { BUILD_SUPERSEDED, ENGINE_CLOSED, notReady, UPDATE_BEFORE_BUILD } from './engine';
import type { CacheManifest } from './index-cache';
import { commitSegments, indexCacheFolder, usableCache } from './index-cache';
import type { StoryInput } from './protocol';

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

  /** `cacheDir`: folder for the index cache (e.g. `DATA/cache`); null or undefined: no cache. */
  constructor(private readonly cacheDir: string | null | undefined) {}

  get ready(): boolean {
    return this.isReady;
  }

  get lastCacheError(): string | null {
    return this.cache.lastError;
  }

  build(stories: readonly StoryInput[], options: BuildOptions = {}): Promise<BuildResult> {
    const generation = ++this.generation;
    const superseded = (): boolean => generation !== this.generation;
    return this.serialise(async () => {
      this.checkUsable();
      if (superseded()) throw new Error(BUILD_SUPERSEDED);
      const started = performance.now();
      this.isReady = false;
      this.failure = null;
      await this.reset();
      const cached = await usableCache(this.cacheDir, options.fingerprint, stories.length);
      // A damaged or partial cache: start again from the stories.
      const fromCache = cached !== null && (await this.loadCache(cached.folder, cached.manifest).then(() => true, () => this.reset().then(() => false)));
      try {
        if (!fromCache) await this.coldBuild(stories, superseded, options.onProgress);
      } catch (error) {
        this.failure = messageOf(error);
        throw error;
      }
      options.onProgress?.(stories.length, stories.length);
      this.isReady = true;
      if (!fromCache && this.cacheDir && options.fingerprint !== undefined) this.cache.schedule(options.fingerprint, 0);
      return { fromCache, millis: Math.round(performance.now() - started) };
    });
  }

  abstract search(query: string, options?: SearchOptions): Promise<EngineSearchOutcome>;

  update(change: IndexChange, options: UpdateOptions = {}): Promise<void> {
    return this.serialise(async () => {
      this.checkUsable();
      if (!this.isReady) throw new Error(UPDATE_BEFORE_BUILD);
      // A changed story has the id of the one it replaces: the old version goes first.
      const gone = [...new Set([...change.removed, ...change.added.map((story) => story.id)])];
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

  /** Why a search cannot run now (closed, or not built), or null when it can. Call after waiting for `idle()`. */
  protected unavailable(): EngineSearchOutcome | null {
    if (this.disposed) return { ok: false, error: ENGINE_CLOSED };
    return this.isReady ? null : notReady(this.failure);
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

  /** Drop every indexed story. */
  protected abstract reset(): Promise<void>;
  /** Load the cache's segment files; throws when one is damaged or they do not hold the manifest's stories. */
  protected abstract loadCache(folder: string, manifest: CacheManifest): Promise<void>;
  /** Index `stories` from scratch; throws BUILD_SUPERSEDED when `superseded()` turns true. */
  protected abstract coldBuild(stories: readonly StoryInput[], superseded: () => boolean, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Remove the stories with ids in `gone`, index `added`, and update the statistics. */
  protected abstract applyChange(gone: readonly string[], added: readonly StoryInput[]): Promise<void>;
  /** Start writing the segments into `folder`: called between two updates, so the snapshot is consistent. */
  protected abstract snapshot(folder: string): Promise<CacheSnapshot>;
  /** Free what the engine holds (threads, memory). */
  protected abstract release(): Promise<void>;

  private async save(fingerprint: string): Promise<void> {
    if (!this.cacheDir || this.disposed) return;
    const folder = indexCacheFolder(this.cacheDir);
    const snapshot = await this.serialise(async () => {
      if (!this.isReady) return null;
      await mkdir(folder, { recursive: true });
      const taken = await this.snapshot(folder);
      // Awaited below, outside the queue; until then a failure must not count as unhandled.
      taken.segments.catch(() => undefined);
      return taken;
    });
    if (snapshot) await commitSegments(folder, fingerprint, snapshot.nextOrd, await snapshot.segments);
  }
}

/** How long after the last of a burst of updates the cache is written. */
const SAVE_DELAY_MS = 1_000;
