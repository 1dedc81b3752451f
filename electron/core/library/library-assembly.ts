// Files' results → the library's story list, in natural file order. The one
// place the library-wide rules are applied: a story already seen (same id) in
// an earlier file or earlier in the same file is reported and shown once, and
// each file counts only the stories it adds. Files are added in order, a few at
// a time, so the app can show the first stories while later files are read.

import type { Diagnostic, SourceFile, Story } from '../types';
import type { FileRead } from './library-file';
import { FingerprintHash } from './library-fingerprint';

export class LibraryAssembler {
  readonly stories: Story[] = [];
  readonly sources: SourceFile[] = [];
  readonly diagnostics: Diagnostic[];
  /** Per file added: the position in `stories` of each of its stories, -1 for a dropped duplicate. */
  readonly placement: Int32Array[] = [];
  /**
   * Each story's position in `stories`, by id: the library's one table of its stories by id
   * (the app's lookups go through it too, see loaded-library.ts). Positions, not stories: a
   * table of small integers is cheaper for the garbage collector to walk.
   */
  readonly positions = new Map<string, number>();
  /** Folded in as files are added: the last file in, only the digest is left (library-fingerprint.ts). */
  private readonly fingerprintHash = new FingerprintHash();

  /** `diagnostics`: the scan's, which come first. */
  constructor(diagnostics: readonly Diagnostic[] = []) {
    this.diagnostics = [...diagnostics];
  }

  /** Add the next file in natural order. */
  add(file: string, read: Pick<FileRead, 'stories' | 'diagnostics' | 'size' | 'mtimeMs'>): void {
    // Written out rather than spread: several times cheaper, at 100,000 stories.
    const stories = read.stories.map(({ id, line, summary, reflection, question, title, snippet }): Story => ({ id, source: file, line, summary, reflection, question, title, snippet, topics: [] }));
    this.addStories(file, read, stories);
  }

  /** Add the next file in natural order, its stories already made for the library (`source` is `file`): those kept are used as they are. */
  addStories(file: string, read: Pick<FileRead, 'diagnostics' | 'size' | 'mtimeMs'>, stories: readonly Story[]): void {
    this.diagnostics.push(...read.diagnostics);
    const places = new Int32Array(stories.length).fill(-1);
    const ids: string[] = [];
    stories.forEach((story, i) => {
      const first = this.positions.get(story.id);
      if (first !== undefined) {
        const { source, line } = this.stories[first]!;
        this.diagnostics.push({ file, line: story.line, reason: `Same story as ${source}:${line}; shown once.` });
        return;
      }
      places[i] = this.stories.length;
      this.positions.set(story.id, this.stories.length);
      this.stories.push(story);
      ids.push(story.id);
    });
    this.placement.push(places);
    // Stories this file adds to the library: duplicates of earlier files are not counted.
    this.sources.push({ path: file, storyCount: ids.length });
    this.fingerprintHash.addFile(file, read, ids);
  }

  /** The index cache's key for the library of the files added (call once every file is in): `libraryFingerprint`'s value. */
  fingerprint(): string {
    return this.fingerprintHash.digest();
  }
}
