// Entry point of a library worker thread (built to out/main/library-worker.js).
// Scans the library folder and runs the per-file step (library-file.ts: read,
// decode, parse, ids, headlines, topic candidates) for its share of the files,
// through its buckets of the library cache, and streams the results to the main
// thread in natural order. It keeps each file's topic candidates (and what it
// last sent of each file), so a reload sends only what changed and the topics
// are combined here, off the main thread.

import { deserialize, serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

import { messageOf } from '../fs/errors';
import { mapLimit } from '../fs/limit';
import { LibraryCache, libraryCacheFolder } from './library-cache';
import type { FileRead } from './library-file';
import { readLibraryFile } from './library-file';
import type { FileAnswer, LibraryReply, LibraryRequest, LibraryWorkerSetup } from './library-protocol';
import { listDigestFiles } from './scan';
import { combineTopics } from './topic-candidates';
import type { FileTopicCandidates } from './topic-candidates';

const port = parentPort;
if (!port) throw new Error('Ponder: library-worker.ts runs as a worker thread only.');
const setup = workerData as LibraryWorkerSetup;
const cache = new LibraryCache(setup.cacheDir ? libraryCacheFolder(setup.cacheDir) : null);

/** What was last sent to main of each file of `root`: the result without its stories (main holds them). */
let root = '';
let sent = new Map<string, { version: number; read: FileRead }>();
let nextVersion = 1;
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: LibraryRequest) => {
  queue = queue.then(() => handle(request)).catch((error: unknown) => reply({ type: 'failed', id: request.id, error: messageOf(error) }));
});

function reply(message: LibraryReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

async function handle(request: LibraryRequest): Promise<void> {
  switch (request.type) {
    case 'scan': {
      const scan = await listDigestFiles(request.folder);
      return reply({ type: 'scanned', id: request.id, root: request.folder, files: scan.files, diagnostics: scan.diagnostics });
    }
    case 'read':
      return read(request);
    case 'idle':
      return reply({ type: 'idle', id: request.id });
    case 'candidates': {
      const bytes = serialize(request.files.map((file) => sent.get(file)!.read.topics));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return reply({ type: 'candidates', id: request.id, bytes: buffer }, [buffer]);
    }
    case 'topics': {
      const byFile = new Map<string, FileTopicCandidates>();
      request.foreign.forEach((bytes, k) => {
        const candidates = deserialize(Buffer.from(bytes)) as FileTopicCandidates[];
        request.foreignFiles[k]!.forEach((file, i) => byFile.set(file, candidates[i]!));
      });
      const candidates = request.files.map((file) => byFile.get(file) ?? sent.get(file)!.read.topics);
      return reply({ type: 'topics', id: request.id, topics: combineTopics(candidates, request.placement) });
    }
  }
}

async function read(request: Extract<LibraryRequest, { type: 'read' }>): Promise<void> {
  if (request.root !== root) {
    root = request.root;
    sent = new Map();
  }
  const stats = { hits: cache.stats.hits, misses: cache.stats.misses, reads: 0 };
  for (let start = 0; start < request.files.length; start += BATCH) {
    const positions = Array.from({ length: Math.min(BATCH, request.files.length - start) }, (_, k) => start + k);
    const answers = await mapLimit(positions, CONCURRENCY, (i) => answer(request.files[i]!, request.indexes[i]!, request.versions[i]!, stats));
    reply({ type: 'files', id: request.id, answers });
  }
  reply({ type: 'read', id: request.id, hits: cache.stats.hits - stats.hits, misses: cache.stats.misses - stats.misses, reads: stats.reads });
  // After answering: the cache write never holds up the stories.
  const files = new Set(request.files);
  for (const file of sent.keys()) if (!files.has(file)) sent.delete(file);
  await cache.prune(root, files);
  await cache.flush();
}

async function answer(file: string, index: number, mainHas: number, stats: { reads: number }): Promise<FileAnswer> {
  const mine = sent.get(file);
  const known = mine !== undefined && mine.version === mainHas;
  const previous = known ? mine.read : await cache.get(root, file);
  const read = await readLibraryFile(root, file, previous);
  const same = previous !== undefined && (read === previous || read.stories === previous.stories);
  if (!same) stats.reads++;
  if (same && known) {
    sent.set(file, { version: mine.version, read });
    return { index, version: mine.version };
  }
  if (!same) await cache.set(root, file, read);
  const version = nextVersion++;
  // Main keeps the stories; only what tells a change (and the topic candidates) stays here.
  sent.set(file, { version, read: { ...read, stories: [] } });
  const { topics: _topics, ...result } = read;
  return { index, version, read: result };
}

/** Files answered per message: small enough that no message stalls the main thread. */
const BATCH = 24;
/** Files read at once by one worker. */
const CONCURRENCY = 8;
