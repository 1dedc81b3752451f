// Where the segmented index is cached: `<cacheDir>/search-v<INDEX_FORMAT>/`,
// one binary file per segment (in the app, written by the workers themselves
// and read back by them in parallel; the CLI reads and writes the same files
// in its own thread) and a small `manifest.json` written last. The
// manifest names the library fingerprint the caller computed (paths, sizes,
// mtimes, content hash) and the files; a missing, stale or unreadable manifest,
// or a segment file that fails its checks, means "no cache": the index is
// rebuilt and the cache rewritten. Deleting the folder is always safe.

import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PackedStats } from './protocol';

/** Bumped whenever segment files or the way terms are made change, so old caches are ignored. */
export const INDEX_FORMAT = 2;

export interface CacheManifest {
  format: number;
  fingerprint: string;
  /** Stories in the cached index. */
  storyCount: number;
  /** Next free library position for stories added later. */
  nextOrd: number;
  /** Segment files, relative to the cache folder, with their live story counts and sizes. */
  segments: { file: string; docs: number; bytes: number }[];
  /** The library folder, when the writer knew it: a preload skips another library's cache. */
  library?: string;
}

/** The folder of this format's cache inside `cacheDir`. */
export function indexCacheFolder(cacheDir: string): string {
  return path.join(cacheDir, `search-v${INDEX_FORMAT}`);
}

/** In place of a fingerprint: a manifest for any library (a preload, before the library's fingerprint is known). */
export const ANY_FINGERPRINT = Symbol('any fingerprint');

/** The manifest, if it is there, readable, of this format and for this fingerprint; null otherwise. */
export async function readManifest(folder: string, fingerprint: string | typeof ANY_FINGERPRINT): Promise<CacheManifest | null> {
  let manifest: Partial<CacheManifest>;
  try {
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST), 'utf8')) as Partial<CacheManifest>;
  } catch {
    return null;
  }
  const valid =
    manifest.format === INDEX_FORMAT &&
    (fingerprint === ANY_FINGERPRINT ? typeof manifest.fingerprint === 'string' : manifest.fingerprint === fingerprint) &&
    Number.isInteger(manifest.storyCount) &&
    Number.isFinite(manifest.nextOrd) &&
    Array.isArray(manifest.segments) &&
    (manifest.library === undefined || typeof manifest.library === 'string') &&
    manifest.segments.every((s) => typeof s?.file === 'string' && path.basename(s.file) === s.file && Number.isInteger(s.docs));
  return valid ? (manifest as CacheManifest) : null;
}

/**
 * The cache folder and its manifest when they hold `storyCount` stories (null: any number)
 * for this fingerprint; null when there is no usable cache (no cacheDir or fingerprint,
 * missing, stale or unreadable manifest).
 */
export async function usableCache(
  cacheDir: string | null | undefined,
  fingerprint: string | typeof ANY_FINGERPRINT | undefined,
  storyCount: number | null,
): Promise<{ folder: string; manifest: CacheManifest } | null> {
  if (!cacheDir || fingerprint === undefined) return null;
  const folder = indexCacheFolder(cacheDir);
  const manifest = await readManifest(folder, fingerprint);
  return manifest && (storyCount === null || manifest.storyCount === storyCount) ? { folder, manifest } : null;
}

/** Write the manifest naming freshly written segment files, for `fingerprint` (and `library`, when known; see commitManifest). */
export async function commitSegments(folder: string, fingerprint: string, nextOrd: number, segments: CacheManifest['segments'], library?: string): Promise<void> {
  const storyCount = segments.reduce((sum, segment) => sum + segment.docs, 0);
  await commitManifest(folder, { format: INDEX_FORMAT, fingerprint, storyCount, nextOrd, segments, ...(library === undefined ? {} : { library }) });
}

/** Throws unless the loaded segments hold the stories the manifest names (a partial or mixed-up cache). */
export function checkLoaded(loaded: readonly PackedStats[], manifest: CacheManifest): void {
  const stories = loaded.reduce((sum, stats) => sum + stats.docs, 0);
  if (stories !== manifest.storyCount) throw new Error('cache does not hold the stories its manifest names');
}

/** Fresh file names for a new set of segment files (never the ones a current manifest uses). */
export function newSegmentFiles(folder: string, count: number): string[] {
  const token = randomBytes(6).toString('hex');
  return Array.from({ length: count }, (_, i) => path.join(folder, `segment-${token}-${i}.bin`));
}

/** Write the manifest (atomically), then delete segment and temp files it does not name. */
export async function commitManifest(folder: string, manifest: CacheManifest): Promise<void> {
  await writeFileAtomic(path.join(folder, MANIFEST), JSON.stringify(manifest));
  const keep = new Set(manifest.segments.map((s) => s.file));
  for (const name of await readdir(folder)) {
    if (name === MANIFEST || keep.has(name)) continue;
    if (name.startsWith('segment-') || name.endsWith('.tmp')) await rm(path.join(folder, name), { force: true });
  }
}

const MANIFEST = 'manifest.json';
