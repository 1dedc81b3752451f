// Messages between LibraryLoader (main thread) and its library workers
// (library-worker.ts), and the plain data they carry. Types only.

import type { Diagnostic } from '../types';
import type { PackedFileRead } from './story-packing';

/** What a worker is started with (`workerData`). */
export interface LibraryWorkerSetup {
  /** `DATA/cache`, or null for no cache. */
  cacheDir: string | null;
}

/**
 * A file's result as sent to and held by the main thread: its stories packed (story-packing.ts,
 * as the cache holds them), made into stories when assembled; without its topic candidates,
 * which stay in the worker.
 */
export type HeldFile = Omit<PackedFileRead, 'topics'>;

/** One file's answer: `read` is absent when the main thread already holds `version` of it. */
export interface FileAnswer {
  /** Position of the file in the library's natural order. */
  index: number;
  /** Changes whenever the worker sends a new result for the file. */
  version: number;
  read?: HeldFile;
}

export type LibraryRequest =
  | { type: 'scan'; id: number; folder: string }
  /** Read `files` (this worker's share, natural order); `versions[i]`: what main holds of each (0: nothing). */
  | { type: 'read'; id: number; root: string; files: string[]; indexes: number[]; versions: number[] }
  /** This worker's topic candidates of `files`, v8-serialised, for the worker that combines. */
  | { type: 'candidates'; id: number; files: string[] }
  /** Answered once everything asked before, cache writes included, is done. */
  | { type: 'idle'; id: number }
  /** Combine the topics of the library's `files` (natural order): its own candidates, and the other workers' (`foreign[k]` holds those of `foreignFiles[k]`). */
  | { type: 'topics'; id: number; files: string[]; placement: Int32Array[]; foreign: ArrayBuffer[]; foreignFiles: string[][] };

export type LibraryReply =
  | { type: 'scanned'; id: number; root: string; files: string[]; diagnostics: Diagnostic[] }
  /** A few files' answers, `FileAnswer[]` v8-serialised and transferred: taking the message in costs main nothing, and it decodes them when it has time. */
  | { type: 'files'; id: number; bytes: ArrayBuffer }
  | { type: 'read'; id: number; hits: number; misses: number; reads: number }
  | { type: 'candidates'; id: number; bytes: ArrayBuffer }
  /** Each topic's stories as positions in the library's story list (typed arrays, transferred). */
  | { type: 'topics'; id: number; topics: PackedTopic[] }
  | { type: 'idle'; id: number }
  | { type: 'failed'; id: number; error: string };

/** A topic as the combining worker sends it: its stories' positions in the library's story list. */
export interface PackedTopic {
  name: string;
  stories: Int32Array;
}
