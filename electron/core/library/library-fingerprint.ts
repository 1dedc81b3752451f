// A short fingerprint of a library's current content, for keying the index
// cache: every file's path, size and mtime, plus the ids of its stories (which
// are hashes of their text, so a content change always shows, even one that
// keeps a file's size and mtime).

import { createHash } from 'node:crypto';
import type { FileReads } from './load-library';
import type { Story } from '../types';

export function libraryFingerprint(files: FileReads, stories: readonly Pick<Story, 'id'>[]): string {
  const hash = createHash('sha256');
  for (const [file, read] of files) hash.update(`${file}\0${read.size}\0${read.mtimeMs}\n`);
  hash.update('\0stories\0');
  for (const story of stories) hash.update(story.id);
  return hash.digest('hex').slice(0, 32);
}
