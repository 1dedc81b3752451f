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
  private readonly firstSeen = new Map<string, Story>();
  /** Folded in as files are added: the last file in, only the digest is left (library-fingerprint.ts). */
  private readonly fingerprintHash = new FingerprintHash();

  /** `diagnostics`: the scan's, which come first. */
  constructor(diagnostics: readonly Diagnostic[] = []) {
    this.diagnostics = [...diagnostics];
  }

  /** Add the next file in natural order. */
  add(file: string, read: Pick<FileRead, 'stories' | 'diagnostics' | 'size' | 'mtimeMs'>): void {
    this.diagnostics.push(...read.diagnostics);
    const places = new Int32Array(read.stories.length).fill(-1);
    const ids: string[] = [];
    read.stories.forEach((parsed, i) => {
      const first = this.firstSeen.get(parsed.id);
      if (first) {
        this.diagnostics.push({ file, line: parsed.line, reason: `Same story as ${first.source}:${first.line}; shown once.` });
        return;
      }
      // Written out rather than spread: several times cheaper, at 100,000 stories on the app's main thread.
      const { id, line, summary, reflection, question, title, snippet } = parsed;
      const story: Story = { id, source: file, line, summary, reflection, question, title, snippet, topics: [] };
      this.firstSeen.set(story.id, story);
      places[i] = this.stories.length;
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
