// A short fingerprint of a library's current content, for keying the index
// cache: every file's path, size and mtime, plus the ids of its stories (which
// are hashes of their text, so a content change always shows, even one that
// keeps a file's size and mtime).

import { createHash } from 'node:crypto';
import type { FileRead } from './library-file';
import type { Story } from '../types';

export function libraryFingerprint(files: ReadonlyMap<string, Pick<FileRead, 'size' | 'mtimeMs'>>, stories: readonly Pick<Story, 'id'>[]): string {
  const hash = createHash('sha256');
  for (const [file, read] of files) hash.update(`${file}\0${read.size}\0${read.mtimeMs}\n`);
  hash.update('\0stories\0');
  // Ids in chunks: one update per story costs tens of milliseconds at 100,000 stories.
  for (let i = 0; i < stories.length; i += 4096) hash.update(stories.slice(i, i + 4096).map((story) => story.id).join(''));
  return hash.digest('hex').slice(0, 32);
}
