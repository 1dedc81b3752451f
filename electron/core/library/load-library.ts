// A library folder → stories, topics, sources and diagnostics, in the calling
// thread (the CLI, tests and the bench's baseline; the app reads in worker
// threads with library-loader.ts, through the same per-file step):
// scan → per file (library-file.ts: read, decode, parse, ids, headlines, topic
// candidates) → assemble in natural order → combine the topics.
//
// Files are read a few at a time (not all at once: a 10,000-file library would
// exhaust file handles; not one by one: slow on network drives), and results are
// assembled in natural file order, so the first occurrence of a duplicate story
// is always the same one, whatever order the reads finish in.

import path from 'node:path';

import { mapLimit } from '../fs/limit';
import type { Library } from '../types';
import { LibraryAssembler } from './library-assembly';
import { readLibraryFile } from './library-file';
import type { FileRead, FileReads } from './library-file';
import { listDigestFiles } from './scan';
import { applyTopics, combineTopics } from './topic-candidates';

export type { FileRead, FileReads } from './library-file';

/** A loaded library, with what was read of each file. */
export type LoadedLibrary = Library & { files: FileReads };

export interface LoadOptions {
  /** Reads from an earlier load of the same folder: files whose size and mtime are unchanged are not read again. */
  reuse?: FileReads;
  /** Derive topics (default true); `withTopics` adds them later. */
  topics?: boolean;
}

/**
 * Load every story of the library in `folder`. Throws only when the folder
 * itself cannot be opened (`Ponder: cannot open library folder "<folder>": <reason>.`);
 * broken files, lines and links become diagnostics and everything else loads.
 */
export async function loadLibrary(folder: string, options: LoadOptions = {}): Promise<LoadedLibrary> {
  const root = path.resolve(folder);
  const scan = await listDigestFiles(root);
  const read = await mapLimit(scan.files, READ_CONCURRENCY, (file) => readLibraryFile(root, file, options.reuse?.get(file)));
  const assembler = new LibraryAssembler(scan.diagnostics);
  scan.files.forEach((file, index) => assembler.add(file, read[index]!));
  const files = new Map<string, FileRead>(scan.files.map((file, index) => [file, read[index]!]));
  const { stories, sources, diagnostics } = assembler;
  const library: LoadedLibrary = { folder: root, stories, topics: [], sources, diagnostics, files };
  return options.topics === false ? library : withTopics(library);
}

/** The library with its topics, combined from its files' candidates; each story in its topics. */
export function withTopics<L extends LoadedLibrary>(library: L): L {
  const indexed = combineTopics([...library.files.values()].map((read) => read.topics), placementOf(library));
  const stories = library.stories.map((story) => ({ ...story, topics: [] }));
  return { ...library, stories, topics: applyTopics(stories, indexed) };
}

/** Where each file's stories are in the library's list (-1: dropped as a duplicate), as `LibraryAssembler` placed them. */
function placementOf(library: LoadedLibrary): Int32Array[] {
  const position = new Map(library.stories.map((story, i) => [story.id, i]));
  return [...library.files].map(([file, read]) =>
    Int32Array.from(read.stories, (story) => {
      const at = position.get(story.id);
      return at !== undefined && library.stories[at]!.source === file && library.stories[at]!.line === story.line ? at : -1;
    }),
  );
}

/** How many files are read at the same time. */
const READ_CONCURRENCY = 16;
