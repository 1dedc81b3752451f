// Everything Ponder derives from one digest file on its own: read → decode →
// parse → ids → headlines → topic candidates. The one per-file step of loading
// a library, run by the in-thread `loadLibrary` (the CLI) and by the library
// worker threads of the app alike, and what the library cache stores per file.

import { createHash } from 'node:crypto';
import path from 'node:path';

import { storyId } from '../ids';
import type { Diagnostic, Story } from '../types';
import { decodeDigest } from './decode';
import { headline } from './headline';
import { parseDigest } from './parse';
import { readDigestFile } from './read-digest-file';
import { topicCandidates } from './topic-candidates';
import type { FileTopicCandidates } from './topic-candidates';

/** A story of one file, with its id and list-row headline: a library `Story` but for `source` and `topics`. */
export type FileStory = Omit<Story, 'source' | 'topics'>;

/** One digest file as read, kept so a reload (and the cache) re-reads only the files that changed. */
export interface FileRead {
  size: number;
  mtimeMs: number;
  /**
   * SHA-1 of the bytes, kept only when the file was read so soon after its mtime that another
   * write in the same mtime tick could go unseen (coarse mtimes); such a file is re-read and
   * compared by content next time.
   */
  hash?: string;
  stories: FileStory[];
  diagnostics: Diagnostic[];
  topics: FileTopicCandidates;
}

/** What was read of each file, by path relative to the library folder. */
export type FileReads = ReadonlyMap<string, FileRead>;

/** What tells whether a file changed since it was read. */
export type FileStamp = Pick<FileRead, 'size' | 'mtimeMs' | 'hash'>;

/**
 * Read and derive one file (`file` relative to `root`, `/`-separated). `previous` (a `FileRead`,
 * or whatever else was kept of the file: only its stamp is looked at), when its size and mtime
 * (and content, for a racy entry) still match, is returned as it is, or as a copy without its
 * hash once the file is no longer racy; otherwise the file is read afresh. Never throws.
 */
export async function readLibraryFile<P extends FileStamp = FileRead>(root: string, file: string, previous?: P): Promise<P | FileRead> {
  const absolute = path.join(root, ...file.split('/'));
  const read = await readDigestFile(absolute, (size, mtimeMs) => previous?.size === size && previous.mtimeMs === mtimeMs && previous.hash === undefined);
  if (read.status === 'unchanged') return previous!;
  const { size, mtimeMs } = read;
  if (read.status === 'skipped') return fileRead(size, mtimeMs, [], [{ file, line: 0, reason: read.reason }]);
  const hash = isRacy(mtimeMs) || previous?.hash !== undefined ? sha1(read.bytes) : undefined;
  if (hash !== undefined && previous?.hash === hash && previous.size === size && previous.mtimeMs === mtimeMs) {
    return isRacy(mtimeMs) ? previous : { ...previous, hash: undefined };
  }
  const decoded = decodeDigest(read.bytes, file);
  if (!decoded.ok) return withHash(fileRead(size, mtimeMs, [], [decoded.diagnostic]), hash, mtimeMs);
  const parsed = parseDigest(decoded.text, file);
  const stories = parsed.stories.map((story): FileStory => ({ id: storyId(story.summary, story.question), ...story, ...headline(story.summary) }));
  return withHash(fileRead(size, mtimeMs, stories, parsed.diagnostics), hash, mtimeMs);
}

function fileRead(size: number, mtimeMs: number, stories: FileStory[], diagnostics: Diagnostic[]): FileRead {
  return { size, mtimeMs, stories, diagnostics, topics: topicCandidates(stories) };
}

function withHash(read: FileRead, hash: string | undefined, mtimeMs: number): FileRead {
  return hash !== undefined && isRacy(mtimeMs) ? { ...read, hash } : read;
}

/**
 * Modified so recently that a second write within the file system's mtime resolution (up to
 * 2 s on FAT, 1 s on HFS+ and some network drives) would keep size and mtime: trust content only.
 */
function isRacy(mtimeMs: number): boolean {
  return Date.now() - mtimeMs < RACY_MS;
}

const RACY_MS = 3_000;

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
