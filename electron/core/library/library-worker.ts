// Entry point of a library worker thread (built to out/main/library-worker.js).
// Scans the library folder and runs the per-file step (library-file.ts: read,
// decode, parse, ids, headlines, topic candidates) for its share of the files,
// through its buckets of the library cache, and streams the results to the main
// thread in natural order, each file's stories packed in a string or two
// (story-packing.ts): packed once when a file is read, and a file unchanged
// since it was cached is forwarded as the cache holds it, never unpacked here.
// It keeps each file's topic candidates (and what it last sent of each file),
// so a reload sends only what changed and the topics are combined here, off
// the main thread.

import { deserialize, serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

import { messageOf } from '../fs/errors';
import { mapLimit } from '../fs/limit';
import { LibraryCache, libraryCacheFolder } from './library-cache';
import type { FileRead, FileStamp } from './library-file';
import { readLibraryFile } from './library-file';
import type { FileAnswer, LibraryReply, LibraryRequest, LibraryWorkerSetup } from './library-protocol';
import { listDigestFiles } from './scan';
import { packFileRead } from './story-packing';
import type { PackedFileRead } from './story-packing';
import { combineTopics } from './topic-candidates';
import type { FileTopicCandidates } from './topic-candidates';

const port = parentPort;
if (!port) throw new Error('Ponder: library-worker.ts runs as a worker thread only.');
const setup = workerData as LibraryWorkerSetup;
const cache = new LibraryCache(setup.cacheDir ? libraryCacheFolder(setup.cacheDir) : null);

/** What was last sent to main of each file of `root`: what tells a change, and the topic candidates (main holds the rest). */
interface SentFile extends FileStamp {
  version: number;
  topics: FileTopicCandidates;
}

let root = '';
let sent = new Map<string, SentFile>();
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
      const bytes = serialised(request.files.map((file) => sent.get(file)!.topics));
      return reply({ type: 'candidates', id: request.id, bytes }, [bytes]);
    }
    case 'topics': {
      const byFile = new Map<string, FileTopicCandidates>();
      request.foreign.forEach((bytes, k) => {
        const candidates = deserialize(Buffer.from(bytes)) as FileTopicCandidates[];
        request.foreignFiles[k]!.forEach((file, i) => byFile.set(file, candidates[i]!));
      });
      const candidates = request.files.map((file) => byFile.get(file) ?? sent.get(file)!.topics);
      // Typed arrays, transferred: the main thread receives them without decoding a list per topic.
      const topics = combineTopics(candidates, request.placement).map(({ name, stories }) => ({ name, stories: Int32Array.from(stories) }));
      return reply({ type: 'topics', id: request.id, topics }, topics.map((topic) => topic.stories.buffer as ArrayBuffer));
    }
  }
}

async function read(request: Extract<LibraryRequest, { type: 'read' }>): Promise<void> {
  if (request.root !== root) {
    root = request.root;
    sent = new Map();
  }
  const stats = { hits: cache.stats.hits, misses: cache.stats.misses, reads: 0 };
  // The first message is small, so the first screen of stories goes out as soon as possible.
  for (let start = 0, size = FIRST_BATCH; start < request.files.length; start += size, size = BATCH) {
    const positions = Array.from({ length: Math.min(size, request.files.length - start) }, (_, k) => start + k);
    const answers = await mapLimit(positions, CONCURRENCY, (i) => answer(request.files[i]!, request.indexes[i]!, request.versions[i]!, stats));
    const bytes = serialised(answers);
    reply({ type: 'files', id: request.id, bytes }, [bytes]);
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
  if (mine !== undefined && mine.version === mainHas) {
    const read = await readLibraryFile(root, file, mine);
    if (!isFresh(read)) {
      remember(file, mine.version, read);
      return { index, version: mine.version };
    }
    return send(file, index, await packAndCache(file, read, stats));
  }
  const read = await readLibraryFile(root, file, await cache.get(root, file));
  return send(file, index, isFresh(read) ? await packAndCache(file, read, stats) : read);
}

/** Whether the file was read afresh: only then are its stories there unpacked (the cache holds them packed, `sent` not at all). */
function isFresh(read: SentFile | PackedFileRead | FileRead): read is FileRead {
  return 'stories' in read;
}

/** A file just read, packed once: the same entry goes to the cache and to main. */
async function packAndCache(file: string, read: FileRead, stats: { reads: number }): Promise<PackedFileRead> {
  stats.reads++;
  const entry = packFileRead(read);
  await cache.set(root, file, entry);
  return entry;
}

/** Send `entry` as a new version of the file; its topic candidates stay here. */
function send(file: string, index: number, entry: PackedFileRead): FileAnswer {
  const version = nextVersion++;
  remember(file, version, entry);
  const { topics: _topics, ...held } = entry;
  return { index, version, read: held };
}

function remember(file: string, version: number, { size, mtimeMs, hash, topics }: SentFile | PackedFileRead): void {
  sent.set(file, { version, size, mtimeMs, hash, topics });
}

/** v8-serialised into an ArrayBuffer of its own, to transfer rather than clone. */
function serialised(value: unknown): ArrayBuffer {
  const bytes = serialize(value);
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Files in each worker's first message: about the first screen of stories between the workers. */
const FIRST_BATCH = 2;
/** Files answered per later message: small enough that decoding one never stalls the main thread. */
const BATCH = 24;
/** Files read at once by one worker. */
const CONCURRENCY = 8;
