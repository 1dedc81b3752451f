// The library cache: what was derived from each digest file (library-file.ts:
// stories with ids and headlines, packed as story-packing.ts does, diagnostics,
// topic candidates), so a warm
// start re-reads only the files that changed. `DATA/cache/library-v1/`
// holds BUCKETS files; a file's entry is in the bucket its library folder and
// path hash to, keyed by both, and checked against the file's size and mtime
// (and content, for an entry written within the mtime resolution) before use.
//
// Buckets rather than one file: each library worker loads and writes only its
// own buckets, a bucket is loaded when the first of its files is needed (the
// first screen of stories waits for one bucket, not the whole cache), and a
// changed file rewrites one bucket. Each bucket is v8.serialize'd (not JSON:
// typed arrays stay binary and it decodes several times faster) behind a small
// header with a CRC-32; a bucket that is missing, damaged, truncated or of
// another format is treated as empty, and rewritten when its files are read.
// Deleting the folder is always safe.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

import { writeFileAtomic } from '../fs/atomic-write';
import type { PackedFileRead } from './story-packing';
import { TOPIC_RULES_VERSION } from './topic-candidates';

/**
 * Bumped whenever what a cached file holds, or how it is derived (parse, ids, headlines), changes;
 * the topic rules' own version is part of it, so new rules rebuild the candidates.
 */
export const LIBRARY_CACHE_FORMAT = 2 * 1000 + TOPIC_RULES_VERSION;

/** Number of bucket files. */
export const CACHE_BUCKETS = 32;

/** The library cache's folder inside `cacheDir` (e.g. `DATA/cache`). */
export function libraryCacheFolder(cacheDir: string): string {
  // The folder keeps its name across formats: each bucket's header says which format it holds.
  return path.join(cacheDir, 'library-v1');
}

/** The bucket of a library file (`root` absolute, `file` relative): stable across runs and platforms. */
export function bucketOf(root: string, file: string): number {
  return hashKey(keyOf(root, file)) % CACHE_BUCKETS;
}

/** How the cache was used: for tests and the bench. */
export interface CacheStats {
  /** Entries found (before their file was checked against them). */
  hits: number;
  misses: number;
  /** Bucket files that were unreadable, damaged or of another format, and so ignored. */
  discarded: number;
  /** Bucket files written. */
  written: number;
}

/** One thread's view of the cache: the buckets it loads and writes. No-op without a folder. */
export class LibraryCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, discarded: 0, written: 0 };
  private readonly buckets = new Map<number, Promise<Map<string, PackedFileRead>>>();
  private readonly dirty = new Set<number>();

  constructor(private readonly folder: string | null) {}

  /** The cached entry of a file, if any (not yet checked against the file). */
  async get(root: string, file: string): Promise<PackedFileRead | undefined> {
    if (!this.folder) return undefined;
    const entry = (await this.bucket(bucketOf(root, file))).get(keyOf(root, file));
    if (entry) this.stats.hits++;
    else this.stats.misses++;
    return entry;
  }

  /** Record what was read of a file (a no-op when it is the entry already there). */
  async set(root: string, file: string, read: PackedFileRead): Promise<void> {
    if (!this.folder) return;
    const b = bucketOf(root, file);
    const entries = await this.bucket(b);
    const key = keyOf(root, file);
    if (entries.get(key) === read) return;
    entries.set(key, read);
    this.dirty.add(b);
  }

  /** Forget the entries of `root` in loaded buckets whose files are no longer in `files`. */
  async prune(root: string, files: ReadonlySet<string>): Promise<void> {
    const prefix = `${root}\0`;
    for (const [b, loading] of this.buckets) {
      const entries = await loading;
      for (const key of entries.keys()) {
        if (key.startsWith(prefix) && !files.has(key.slice(prefix.length))) {
          entries.delete(key);
          this.dirty.add(b);
        }
      }
    }
  }

  /** Write the buckets that changed, then let go of every bucket (they are read again when needed). */
  async flush(): Promise<void> {
    if (this.folder) {
      for (const b of [...this.dirty]) {
        this.dirty.delete(b);
        await writeFileAtomic(path.join(this.folder, bucketName(b)), encodeBucket(await this.buckets.get(b)!));
        this.stats.written++;
      }
    }
    this.buckets.clear();
  }

  private bucket(b: number): Promise<Map<string, PackedFileRead>> {
    let loading = this.buckets.get(b);
    if (!loading) {
      loading = readFile(path.join(this.folder!, bucketName(b))).then(
        (bytes) => {
          const entries = decodeBucket(bytes);
          if (!entries) this.stats.discarded++;
          return entries ?? new Map<string, PackedFileRead>();
        },
        () => new Map<string, PackedFileRead>(), // none yet
      );
      this.buckets.set(b, loading);
    }
    return loading;
  }
}

/** Header: magic, format, payload length, CRC-32 of the payload. */
export function encodeBucket(entries: Map<string, PackedFileRead>): Buffer {
  const payload = serialize(entries);
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(LIBRARY_CACHE_FORMAT, 8);
  header.writeUInt32LE(payload.length, 12);
  header.writeUInt32LE(crc32(payload), 16);
  return Buffer.concat([header, payload]);
}

/** The entries in a bucket file's bytes, or null when they are not a whole, undamaged bucket of this format. */
export function decodeBucket(bytes: Buffer): Map<string, PackedFileRead> | null {
  if (bytes.length < HEADER || bytes.toString('latin1', 0, 8) !== MAGIC) return null;
  if (bytes.readUInt32LE(8) !== LIBRARY_CACHE_FORMAT) return null;
  const payload = bytes.subarray(HEADER);
  if (payload.length !== bytes.readUInt32LE(12) || crc32(payload) !== bytes.readUInt32LE(16)) return null;
  try {
    const entries: unknown = deserialize(payload);
    if (!(entries instanceof Map)) return null;
    for (const [key, read] of entries as Map<unknown, Partial<PackedFileRead>>) {
      if (typeof key !== 'string' || typeof read?.size !== 'number' || !Array.isArray(read.diagnostics) || !read.topics || !read.packed) return null;
      // v8.deserialize makes typed arrays views over the bytes it read: a file's stories and candidates,
      // kept after the load, would keep the whole bucket's bytes alive (~70 MB a worker at 100k).
      // Its strings are copies already.
      const { atSentenceStart, ends, stories } = read.topics;
      if (!(atSentenceStart instanceof Uint8Array && ends instanceof Int32Array && stories instanceof Int32Array)) return null;
      read.topics = { ...read.topics, atSentenceStart: atSentenceStart.slice(), ends: ends.slice(), stories: stories.slice() };
      const { narrow, wide, numbers } = read.packed;
      if (!(typeof narrow === 'string' && typeof wide === 'string' && numbers instanceof Int32Array)) return null;
      read.packed = { narrow, wide, numbers: numbers.slice() };
    }
    return entries as Map<string, PackedFileRead>;
  } catch {
    return null;
  }
}

function keyOf(root: string, file: string): string {
  return `${root}\0${file}`;
}

function bucketName(b: number): string {
  return `bucket-${String(b).padStart(2, '0')}.bin`;
}

/** FNV-1a over UTF-16 code units. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const MAGIC = 'PONDLIB\0';
const HEADER = 20;
