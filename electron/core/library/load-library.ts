// A library folder → stories, topics, sources and diagnostics. This is where the
// reading modules meet: scan → read → decode → parse → id → headline → topics.
//
// Files are read a few at a time (not all at once: a 10,000-file library would
// exhaust file handles; not one by one: slow on network drives), and results are
// assembled in natural file order, so the first occurrence of a duplicate story
// is always the same one, whatever order the reads finish in.

import path from 'node:path';

import { mapLimit } from '../fs/limit';
import { decodeDigest } from './decode';
import { storyId } from '../ids';
import type { ParsedStory } from './parse';
import { parseDigest } from './parse';
import { readDigestFile } from './read-digest-file';
import { listDigestFiles } from './scan';
import { headline } from './headline';
import { deriveTopics } from './topics';
import type { Diagnostic, Library, SourceFile, Story } from '../types';

/** One digest file as read, kept so a reload re-reads only the files that changed. */
export interface FileRead {
  size: number;
  mtimeMs: number;
  stories: ParsedStory[];
  diagnostics: Diagnostic[];
}

/** What was read of each file, by path relative to the library folder. */
export type FileReads = ReadonlyMap<string, FileRead>;

export interface LoadOptions {
  /** Reads from an earlier load of the same folder: files whose size and mtime are unchanged are not read again. */
  reuse?: FileReads;
  /**
   * Derive topics (default true). The app passes false to show the stories first —
   * topics are the largest part of loading — and adds them with `withTopics`.
   */
  topics?: boolean;
}

/**
 * Load every story of the library in `folder`. Throws only when the folder
 * itself cannot be opened (`Ponder: cannot open library folder "<folder>": <reason>.`);
 * broken files, lines and links become diagnostics and everything else loads.
 */
export async function loadLibrary(folder: string, options: LoadOptions = {}): Promise<Library & { files: FileReads }> {
  const root = path.resolve(folder);
  const scan = await listDigestFiles(root);
  const read = await mapLimit(scan.files, READ_CONCURRENCY, (file) => readDigest(root, file, options.reuse?.get(file)));

  const stories: Story[] = [];
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [...scan.diagnostics];
  const firstSeen = new Map<string, Story>();

  for (const [index, file] of scan.files.entries()) {
    const result = read[index]!;
    diagnostics.push(...result.diagnostics);
    let storyCount = 0;
    for (const parsed of result.stories) {
      const id = storyId(parsed.summary, parsed.question);
      const first = firstSeen.get(id);
      if (first) {
        diagnostics.push({ file, line: parsed.line, reason: `Same story as ${first.source}:${first.line}; shown once.` });
        continue;
      }
      const story: Story = {
        id,
        source: file,
        line: parsed.line,
        summary: parsed.summary,
        reflection: parsed.reflection,
        question: parsed.question,
        ...headline(parsed.summary),
        topics: [],
      };
      firstSeen.set(id, story);
      stories.push(story);
      storyCount++;
    }
    // Stories this file adds to the library: duplicates of earlier files are not counted.
    sources.push({ path: file, storyCount });
  }

  const files = new Map(scan.files.map((file, index) => [file, read[index]!]));
  const library = { folder: root, stories, topics: [], sources, diagnostics, files };
  return options.topics === false ? library : withTopics(library);
}

/** The library with its topics derived: each story in its topics, and the topics themselves. */
export function withTopics<L extends Library>(library: L): L {
  const { topics, topicsByStory } = deriveTopics(library.stories);
  const stories = library.stories.map((story) => ({ ...story, topics: topicsByStory.get(story.id) ?? [] }));
  return { ...library, stories, topics };
}

/** How many files are read at the same time. */
const READ_CONCURRENCY = 16;

/** Read, decode and parse one file (unless `previous` is still current); never throws. */
async function readDigest(root: string, file: string, previous: FileRead | undefined): Promise<FileRead> {
  const absolute = path.join(root, ...file.split('/'));
  const read = await readDigestFile(absolute, (size, mtimeMs) => previous?.size === size && previous.mtimeMs === mtimeMs);
  if (read.status === 'unchanged') return previous!;
  const { size, mtimeMs } = read;
  if (read.status === 'skipped') return { size, mtimeMs, stories: [], diagnostics: [{ file, line: 0, reason: read.reason }] };
  const decoded = decodeDigest(read.bytes, file);
  if (!decoded.ok) return { size, mtimeMs, stories: [], diagnostics: [decoded.diagnostic] };
  return { size, mtimeMs, ...parseDigest(decoded.text, file) };
}
