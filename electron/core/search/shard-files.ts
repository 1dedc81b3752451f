// A shard's segments to and from the cache's segment files, the same way in an
// index worker (index-worker.ts) and in the in-process engine, so both read
// and write one cache format.

import type { PackedStats } from './protocol';
import { encodeSegment, readSegmentFile, writeSegmentFile } from './segment-file';
import type { Shard } from './shard';

/** Read segment files into `shard`, in order; returns each one's statistics. Throws on a damaged file. */
export async function loadSegmentFiles(shard: Shard, files: readonly string[], format: number): Promise<PackedStats[]> {
  const segments = await Promise.all(files.map((file) => readSegmentFile(file, format)));
  return segments.map((segment) => shard.addSegment(segment));
}

/**
 * Snapshot the shard's segments now (encoded at once, so later changes do not
 * leak into the files), then write them to `files`, one segment each (an empty
 * one when the shard has fewer). Resolves with the files' sizes.
 */
export function saveSegmentFiles(shard: Shard, files: readonly string[], format: number): Promise<number[]> {
  // More segments than files (say, a cache of two segments loaded by one worker): fold them.
  if (shard.needsMerge || shard.segmentList.length > files.length) shard.merge();
  const encoded = files.map((_, i) => encodeSegment(shard.segmentList[i] ?? shard.emptySegment(), format));
  return Promise.all(files.map((file, i) => writeSegmentFile(file, encoded[i]!)));
}
