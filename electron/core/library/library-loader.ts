// Loads a library in worker threads (library-worker.ts) so the main thread only
// receives results: worker 0 scans; every worker then reads its share of the
// files (by cache bucket, so each loads and writes only its own buckets),
// running the same per-file step as the in-thread `loadLibrary`, and streams
// the results back a few files per message. Here they are put in natural file
// order and assembled as they come (LibraryAssembler, the same rules as
// `loadLibrary`), so the first stories can be shown while the rest is read.
//
// A reload sends only the files whose result changed: the workers remember
// what the main thread holds of each file. Topics are combined in worker 0
// from every worker's candidates (passed as transferred bytes, never cloned
// here), so the main thread does no per-text work at all.

import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';

import type { Diagnostic, Library, SourceFile, Story, Topic } from '../types';
import { LibraryAssembler } from './library-assembly';
import { bucketOf } from './library-cache';
import type { FileAnswer, HeldFile, LibraryReply, LibraryRequest, LibraryWorkerSetup } from './library-protocol';
import { SlicedQueue } from '../time-slices';
import { applyTopicsInSlices } from './topic-slices';
import { packedCount, unpackStories } from './story-packing';

export interface LibraryLoaderOptions {
  /**
   * The worker's script: `out/main/library-worker.js` in the app. Tests and tsx scripts may
   * pass `electron/core/library/library-worker.ts` with `execArgv: ['--require', 'tsx/cjs']`.
   */
  workerScript: string | URL;
  execArgv?: string[];
  /** `DATA/cache` (the library cache goes in `library-v<N>/` inside it); null or omitted: no cache. */
  cacheDir?: string | null;
  /** Worker threads. Default 2. */
  workers?: number;
}

/** A library as the loader gives it: each file's result, and where its stories went (for the topics). */
export interface LoaderLibrary extends Library {
  files: ReadonlyMap<string, HeldFile>;
  /** Per file, in natural order: each story's position in `stories`, -1 for a dropped duplicate. */
  placement: readonly Int32Array[];
  /** Each story's position in `stories`, by id. */
  positions: ReadonlyMap<string, number>;
  /** The index cache's key: `libraryFingerprint(files, stories)`, folded in as the files came. */
  fingerprint: string;
}

/** What has been read so far, in library order: the arrays grow as files arrive. */
export interface LoadProgress {
  stories: readonly Story[];
  /** Each story's position in `stories`, by id (the same table as the library's, growing with it). */
  positions: ReadonlyMap<string, number>;
  sources: readonly SourceFile[];
  diagnostics: readonly Diagnostic[];
  filesDone: number;
  filesTotal: number;
}

export interface LoadOptions {
  /** Called each time more files are in, in order (the first call may already hold the first screen of stories). */
  onProgress?: (progress: LoadProgress) => void;
}

/** How the last load went: cache entries found and files actually read and parsed. */
export interface LoadStats {
  hits: number;
  misses: number;
  reads: number;
}

export class LibraryLoader {
  lastStats: LoadStats = { hits: 0, misses: 0, reads: 0 };
  private readonly options: LibraryLoaderOptions;
  private workers: LoaderWorker[] = [];
  /** What this thread holds of each file of `root`, and which version of it the workers sent. */
  private held = { root: '', files: new Map<string, { version: number; read: HeldFile }>() };
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: LibraryLoaderOptions) {
    this.options = options;
    this.spawn();
  }

  /**
   * Load the library in `folder` (topics empty: see `topics`). Loads run one at a time.
   * Throws `Ponder: cannot open library folder "<folder>": <reason>.` when the folder cannot be read.
   */
  load(folder: string, options: LoadOptions = {}): Promise<LoaderLibrary> {
    const run = () => this.loadNow(path.resolve(folder), options);
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Combine the topics of a library this loader loaded (in a worker); puts each story in its topics, in place. */
  async topics(library: LoaderLibrary): Promise<Topic[]> {
    const files = [...library.files.keys()];
    const owned = this.workers.map(() => [] as string[]);
    for (const file of files) owned[this.workerOf(library.folder, file)]!.push(file);
    const foreign = await Promise.all(
      owned.slice(1).map(async (list, k) => {
        const reply = await this.workers[k + 1]!.request({ type: 'candidates', files: list });
        return reply.type === 'candidates' ? reply.bytes : new ArrayBuffer(0);
      }),
    );
    const reply = await this.workers[0]!.request(
      { type: 'topics', files, placement: [...library.placement], foreign, foreignFiles: owned.slice(1) },
      foreign,
    );
    if (reply.type !== 'topics') throw new Error(`unexpected answer "${reply.type}"`);
    return applyTopicsInSlices(library.stories, reply.topics);
  }

  /** Settles when the workers have finished what they were asked, the cache writes after a load included. */
  async cacheWritten(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ type: 'idle' }).catch(() => undefined)));
  }

  /** Stop the workers once the cache is written. */
  async dispose(): Promise<void> {
    await this.cacheWritten();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers = [];
  }

  private async loadNow(root: string, options: LoadOptions): Promise<LoaderLibrary> {
    this.spawn();
    const scanned = await this.workers[0]!.request({ type: 'scan', folder: root });
    if (scanned.type !== 'scanned') throw new Error(`unexpected answer "${scanned.type}"`);
    const { files } = scanned;
    if (this.held.root !== root) this.held = { root, files: new Map() };
    const held = this.held.files;

    const shares = this.workers.map(() => ({ files: [] as string[], indexes: [] as number[], versions: [] as number[] }));
    files.forEach((file, index) => {
      const share = shares[this.workerOf(root, file)]!;
      share.files.push(file);
      share.indexes.push(index);
      share.versions.push(held.get(file)?.version ?? 0);
    });

    const assembler = new LibraryAssembler(scanned.diagnostics);
    const results: Array<{ version: number; read: HeldFile } | undefined> = new Array(files.length);
    let next = 0;
    const progress = (): LoadProgress => {
      const { stories, positions, sources, diagnostics } = assembler;
      return { stories, positions, sources, diagnostics, filesDone: next, filesTotal: files.length };
    };
    // Messages that queue up while the main thread is busy are delivered in one go: decode and
    // assemble them a slice at a time instead, so IPC and timers get their turn in between.
    // A batch's files often wait for an earlier file another worker reads; when it comes, a run
    // of thousands of stories may be ready: they are assembled ASSEMBLE_STORIES at a time.
    let assembling = false;
    const assembleSome = (): void => {
      assembling = false;
      const before = next;
      for (let added = 0; next < files.length && results[next] && added < ASSEMBLE_STORIES; next++) {
        const { read } = results[next]!;
        assembler.addStories(files[next]!, read, unpackStories(read.packed, files[next]!));
        added += packedCount(read.packed);
      }
      if (next > before) options.onProgress?.(progress());
      if (next < files.length && results[next]) queueAssembly();
    };
    const answers = new SlicedQueue<ArrayBuffer | typeof ASSEMBLE>((item) => {
      if (item === ASSEMBLE) return assembleSome();
      for (const { index, version, read } of deserialize(Buffer.from(item)) as FileAnswer[]) {
        // v8.deserialize makes a typed array a view of the message's bytes: copied, so a file held does not keep its whole message.
        if (read) read.packed.numbers = read.packed.numbers.slice();
        results[index] = { version, read: read ?? held.get(files[index]!)!.read };
      }
      if (next < files.length && results[next]) queueAssembly();
    });
    const queueAssembly = (): void => {
      if (!assembling) answers.push(ASSEMBLE);
      assembling = true;
    };
    let stats: LoadStats;
    try {
      const replies = await Promise.all(shares.map((share, w) => this.workers[w]!.request({ type: 'read', root, ...share }, [], (bytes) => answers.push(bytes))));
      await answers.drained();
      stats = { hits: 0, misses: 0, reads: 0 };
      for (const reply of replies) {
        if (reply.type !== 'read') throw new Error(`unexpected answer "${reply.type}"`);
        stats = { hits: stats.hits + reply.hits, misses: stats.misses + reply.misses, reads: stats.reads + reply.reads };
      }
    } catch (error) {
      this.held = { root: '', files: new Map() }; // the workers may hold other versions now: start afresh
      throw error;
    }
    if (files.length === 0) options.onProgress?.(progress());
    this.lastStats = stats;
    this.held.files = new Map(files.map((file, i) => [file, results[i]!]));
    const { stories, positions, sources, diagnostics, placement } = assembler;
    return {
      folder: root,
      stories,
      positions,
      topics: [],
      sources,
      diagnostics,
      files: new Map(files.map((file, i) => [file, results[i]!.read])),
      placement,
      fingerprint: assembler.fingerprint(),
    };
  }

  private workerOf(root: string, file: string): number {
    return bucketOf(root, file) % this.workers.length;
  }

  private spawn(): void {
    if (this.workers.length > 0 && this.workers.every((worker) => worker.alive)) return;
    for (const worker of this.workers) void worker.terminate();
    const setup: LibraryWorkerSetup = { cacheDir: this.options.cacheDir ?? null };
    this.workers = Array.from({ length: Math.max(1, this.options.workers ?? 2) }, () => new LoaderWorker(this.options, setup));
    this.held = { root: '', files: new Map() };
  }
}

type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** One library worker: numbered requests, streamed `files` answers, kept alive only while an answer is awaited. */
class LoaderWorker {
  alive = true;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: LibraryReply): void; reject(error: Error): void; onFiles?: (bytes: ArrayBuffer) => void }>();

  constructor(options: LibraryLoaderOptions, setup: LibraryWorkerSetup) {
    this.worker = new Worker(options.workerScript, { execArgv: options.execArgv, workerData: setup, resourceLimits: LIMITS });
    this.worker.unref();
    this.worker.on('message', (reply: LibraryReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === 'files') return waiting.onFiles?.(reply.bytes);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.type === 'failed') waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => this.fail(`the library worker stopped (exit code ${code})`));
  }

  request(request: Unnumbered<LibraryRequest>, transfer: ArrayBuffer[] = [], onFiles?: (bytes: ArrayBuffer) => void): Promise<LibraryReply> {
    const id = this.nextId++;
    return new Promise<LibraryReply>((resolve, reject) => {
      if (!this.alive) return reject(new Error('the library worker is not running'));
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject, onFiles });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  async terminate(): Promise<void> {
    this.fail('the library loader has been closed');
    await this.worker.terminate();
  }

  private fail(reason: string): void {
    this.alive = false;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}

/** Queued after a batch whose files can be assembled now. */
const ASSEMBLE = 'assemble';
/** Stories assembled in one step (a step cannot yield): a few milliseconds of work. */
const ASSEMBLE_STORIES = 1_000;

/** Room for a young generation: parsing allocates many short-lived strings (32 MB, not 64: ~50 MB less peak RSS per worker at 100k). */
const LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 32 };
