// `npm run bench -- --library DIR`: Ponder alone on any folder, as the app opens
// it — a ReaderSession (library read in worker threads with its cache, index in
// worker threads with its cache) — each run in a fresh child process:
//   - floor: read every file and split it into lines, nothing else;
//   - cold: an empty data folder; warm: the same data folder again.
// Figures: first stories (when `open()` answers), search ready (index:status
// ready), the longest main-thread stall over the whole open (library read,
// topics and index included), peak RSS (process RSS covers worker threads),
// query latency through the session (as the search box asks), and each
// figure's ratio to the floor.

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { build as esbuild } from 'esbuild';
import { listDigestFiles } from '../electron/core/library/scan';
import { ReaderSession } from '../electron/services/reader-session';
import { FIRST_ROWS } from '../electron/shared/ipc-contract';
import type { EventChannel, IndexStatus } from '../electron/shared/ipc-contract';
import { jsonFromChild, option, round, WORKER_BUILD } from './bench-kit';
import { QUERY_MIX } from './queries';

export interface LibraryFigures {
  stories: number;
  files: number;
  floorMs: number;
  firstStoriesMs: number;
  firstStoriesWarmMs: number;
  /** All stories read (counts final), cold and warm. */
  allStoriesMs: number;
  allStoriesWarmMs: number;
  topicsMs: number;
  topicsWarmMs: number;
  searchReadyColdMs: number;
  searchReadyWarmMs: number;
  longestStallMs: number;
  longestStallWarmMs: number;
  peakRssMb: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** A search and its first page of rows marked for it (library:rows by ids with the query): what the list waits for. */
  queryWithRowsP50Ms: number;
  queryWithRowsP95Ms: number;
  /** The warm open's index came from the index cache. */
  indexFromCacheWarm: boolean;
  ratios: Record<string, number>;
}

/** One open of `dir` with data folder `dataDir`, in this process (a child). */
interface OpenFigures {
  stories: number;
  firstStoriesMs: number;
  allStoriesMs: number;
  topicsMs: number;
  searchReadyMs: number;
  longestStallMs: number;
  peakRssMb: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryWithRowsP50Ms: number;
  queryWithRowsP95Ms: number;
  /** Whether the index came from its cache (it must, on the warm open). */
  indexFromCache: boolean;
}

/** Measure `dir` in fresh children: the floor, a cold open and a warm open. */
export async function measureLibrary(root: string, dir: string, log: (message: string) => void): Promise<LibraryFigures> {
  const workers = await bundleWorkers(root);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-bench-data-'));
  try {
    const floor = (await runChild(['--library-child', 'floor', '--dir', dir])) as { floorMs: number; files: number };
    log(`floor: ${floor.floorMs} ms over ${floor.files} files`);
    const cold = (await runChild(['--library-child', 'open', '--dir', dir, '--data', dataDir, '--worker', workers])) as OpenFigures;
    log(`cold open: first stories ${cold.firstStoriesMs} ms, search ready ${cold.searchReadyMs} ms`);
    const warm = (await runChild(['--library-child', 'open', '--dir', dir, '--data', dataDir, '--worker', workers])) as OpenFigures;
    log(`warm open: first stories ${warm.firstStoriesMs} ms, search ready ${warm.searchReadyMs} ms`);
    const figures = {
      stories: cold.stories,
      files: floor.files,
      floorMs: floor.floorMs,
      firstStoriesMs: cold.firstStoriesMs,
      firstStoriesWarmMs: warm.firstStoriesMs,
      allStoriesMs: cold.allStoriesMs,
      allStoriesWarmMs: warm.allStoriesMs,
      topicsMs: cold.topicsMs,
      topicsWarmMs: warm.topicsMs,
      searchReadyColdMs: cold.searchReadyMs,
      searchReadyWarmMs: warm.searchReadyMs,
      longestStallMs: Math.max(cold.longestStallMs, warm.longestStallMs),
      longestStallWarmMs: warm.longestStallMs,
      peakRssMb: Math.max(cold.peakRssMb, warm.peakRssMb),
      queryP50Ms: warm.queryP50Ms,
      queryP95Ms: warm.queryP95Ms,
      queryWithRowsP50Ms: warm.queryWithRowsP50Ms,
      queryWithRowsP95Ms: warm.queryWithRowsP95Ms,
      indexFromCacheWarm: warm.indexFromCache,
    };
    const ratios: Record<string, number> = {};
    for (const key of ['firstStoriesMs', 'firstStoriesWarmMs', 'allStoriesMs', 'allStoriesWarmMs', 'searchReadyColdMs', 'searchReadyWarmMs', 'longestStallMs'] as const) {
      ratios[key] = round(figures[key] / Math.max(floor.floorMs, 0.001), 2);
    }
    return { ...figures, ratios };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** In a child: `floor` or `open`; prints the figures as one JSON line. */
export async function runLibraryChild(args: string[]): Promise<void> {
  const kind = option(args, '--library-child');
  const dir = option(args, '--dir')!;
  const figures = kind === 'floor' ? await floor(dir) : await open(dir, option(args, '--data')!, option(args, '--worker')!);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Read every file and split it into lines: what any reader of the library must do at least. */
async function floor(dir: string): Promise<{ floorMs: number; files: number }> {
  const root = path.resolve(dir);
  const started = performance.now();
  const { files } = await listDigestFiles(root);
  let lines = 0;
  const queue = [...files];
  const reader = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) lines += (await readFile(path.join(root, file), 'utf8')).split('\n').length;
  };
  await Promise.all(Array.from({ length: 16 }, reader));
  if (lines === 0 && files.length > 0) throw new Error('no lines read');
  return { floorMs: round(performance.now() - started), files: files.length };
}

async function open(dir: string, dataDir: string, workerDir: string): Promise<OpenFigures> {
  const stall = monitorEventLoopDelay({ resolution: 2 });
  stall.enable();
  const started = performance.now();
  let ready = 0;
  let fromCache = false;
  let allStories = 0;
  let topics = 0;
  let failed: string | null = null;
  let storyCount = 0;
  let session!: ReaderSession;
  const done = new Promise<void>((resolve) => {
    const check = () => ready > 0 && topics > 0 && resolve();
    const emit = (channel: EventChannel, payload: unknown): void => {
      const now = performance.now() - started;
      if (channel === 'index:status') {
        const status = payload as IndexStatus;
        if (status.state === 'ready' && !ready) {
          ready = now;
          fromCache = status.fromCache === true;
        }
        if (status.state === 'failed') failed = status.error;
      }
      if (channel === 'library:changed') {
        const snapshot = payload as { topics: unknown[]; storyCount?: number; stories?: unknown[] };
        storyCount = snapshot.storyCount ?? snapshot.stories?.length ?? 0;
        if (!allStories) allStories = now;
        if (snapshot.topics.length > 0 && !topics) topics = now;
      }
      check();
      if (failed) resolve();
    };
    // No execArgv: the bundled workers run as the app's do, without this child's tsx loader.
    session = new ReaderSession({ dataDir, emit: emit as never, indexWorker: { script: path.join(workerDir, 'index-worker.js'), execArgv: [] }, watchLibrary: false });
  });
  await session.open(dir);
  const firstStoriesMs = performance.now() - started;
  await done;
  stall.disable();
  if (failed) throw new Error(failed);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const times: number[] = [];
  const withRows: number[] = [];
  const generation = (await session.currentSnapshot())!.generation;
  for (let round = 0; round < 3; round++) {
    for (const query of QUERY_MIX) {
      const t = performance.now();
      const response = await session.search(query, { limit: 500 });
      times.push(performance.now() - t);
      if (response.ok !== true) throw new Error(`query "${query}" failed: ${JSON.stringify(response)}`);
      // The first screen of the results, as the renderer asks for it: its rows marked for the query.
      await session.rows({ generation, ids: response.hits.slice(0, FIRST_ROWS).map((hit) => hit.id), query });
      withRows.push(performance.now() - t);
    }
  }
  const percentile = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  };
  const at = percentile(times);
  const rowsAt = percentile(withRows);
  await session.close();
  return {
    stories: storyCount,
    firstStoriesMs: round(firstStoriesMs),
    allStoriesMs: round(allStories),
    topicsMs: round(topics),
    searchReadyMs: round(ready),
    longestStallMs: round(stall.max / 1e6),
    peakRssMb: round(peakRssMb),
    queryP50Ms: round(at(0.5)),
    queryP95Ms: round(at(0.95)),
    queryWithRowsP50Ms: round(rowsAt(0.5)),
    queryWithRowsP95Ms: round(rowsAt(0.95)),
    indexFromCache: fromCache,
  };
}

/** Both workers as the app ships them: one CommonJS file each, lunr left external. */
async function bundleWorkers(root: string): Promise<string> {
  const outdir = path.join(root, '.bench', 'worker');
  await mkdir(outdir, { recursive: true });
  await esbuild({
    ...WORKER_BUILD,
    entryPoints: {
      'index-worker': path.join(root, 'electron/core/search/index-worker.ts'),
      'library-worker': path.join(root, 'electron/core/library/library-worker.ts'),
    },
    outdir,
  });
  return outdir;
}

function runChild(args: string[]): Promise<unknown> {
  return jsonFromChild(['--import', 'tsx', path.join(__dirname, 'run.ts'), ...args], `library benchmark (${args[1]})`);
}
