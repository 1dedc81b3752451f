// A short fingerprint of a library's current content, for keying the index
// cache: every file's path, size and mtime, plus the ids of its stories (which
// are hashes of their text, so a content change always shows, even one that
// keeps a file's size and mtime).

import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { FileRead } from './library-file';
import type { Story } from '../types';

type FingerprintFiles = ReadonlyMap<string, Pick<FileRead, 'size' | 'mtimeMs'>>;
type FingerprintStories = readonly Pick<Story, 'id'>[];

export function libraryFingerprint(files: FingerprintFiles, stories: FingerprintStories): string {
  const hash = hashFiles(files);
  for (let i = 0; i < stories.length; i += IDS_PER_UPDATE) hashIds(hash, stories, i);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The same fingerprint, computed a chunk of ids at a time with the event loop let in
 * between: at 100,000 stories the whole of it would hold the app's main thread too long.
 */
export async function libraryFingerprintInSlices(files: FingerprintFiles, stories: FingerprintStories): Promise<string> {
  const hash = hashFiles(files);
  for (let i = 0; i < stories.length; i += IDS_PER_UPDATE) {
    hashIds(hash, stories, i);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex').slice(0, 32);
}

/** Ids in chunks: one update per story costs tens of milliseconds at 100,000 stories. */
const IDS_PER_UPDATE = 4096;

function hashFiles(files: FingerprintFiles): Hash {
  const hash = createHash('sha256');
  for (const [file, read] of files) hash.update(`${file}\0${read.size}\0${read.mtimeMs}\n`);
  hash.update('\0stories\0');
  return hash;
}

function hashIds(hash: Hash, stories: FingerprintStories, from: number): void {
  hash.update(stories.slice(from, from + IDS_PER_UPDATE).map((story) => story.id).join(''));
}
