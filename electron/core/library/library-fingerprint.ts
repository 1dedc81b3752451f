// A short fingerprint of a library's current content, for keying the index
// cache: every file's path, size and mtime, plus the ids of the stories it adds
// (which are hashes of their text, so a content change always shows, even one
// that keeps a file's size and mtime).
//
// It is folded in file by file, in natural order, as the library is assembled
// (LibraryAssembler), so the app's main thread only finishes the digest when
// the last file is in; `libraryFingerprint` computes the same value from a
// loaded library in one go. The CLI and the app share the index cache: both
// must compute the same value, and both come through `FingerprintHash`.

import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { Story } from '../types';
import type { FileRead } from './library-file';

type FingerprintFiles = ReadonlyMap<string, Pick<FileRead, 'size' | 'mtimeMs'>>;
type FingerprintStories = readonly Pick<Story, 'id' | 'source'>[];

/** The fingerprint, a file at a time. */
export class FingerprintHash {
  private readonly hash: Hash = createHash('sha256');
  private value: string | null = null;

  /** The next file in natural order, with the ids of the stories it adds to the library (duplicates of earlier ones left out). */
  addFile(file: string, read: Pick<FileRead, 'size' | 'mtimeMs'>, ids: readonly string[]): void {
    if (this.value !== null) throw new Error('the fingerprint is already digested');
    this.hash.update(`${file}\0${read.size}\0${read.mtimeMs}\0${ids.join(',')}\n`);
  }

  /** The fingerprint of the files added so far (no file can be added after). */
  digest(): string {
    this.value ??= this.hash.digest('hex').slice(0, 32);
    return this.value;
  }
}

/** The fingerprint of a loaded library: its files (natural order) and its stories (each with the file it comes from). */
export function libraryFingerprint(files: FingerprintFiles, stories: FingerprintStories): string {
  const idsOf = new Map<string, string[]>();
  for (const story of stories) {
    const ids = idsOf.get(story.source);
    if (ids) ids.push(story.id);
    else idsOf.set(story.source, [story.id]);
  }
  const hash = new FingerprintHash();
  for (const [file, read] of files) hash.addFile(file, read, idsOf.get(file) ?? []);
  return hash.digest();
}
