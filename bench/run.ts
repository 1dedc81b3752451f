// `npm run bench [-- --sizes 1k,10k,100k] [--update-docs]`, or `npm run bench -- --library DIR`
// (Ponder alone on any folder: library-bench.ts).
//
// For each size, generates (or reuses) a library in .bench/, then measures in two
// fresh child processes, so their memory figures do not mix:
//   - segmented: the app's WorkerEngine (worker threads, corpus-wide statistics, binary cache);
//   - plain: one PlainLunrIndex (a single Lunr index) on the main thread, its JSON as the cache;
// and `ponder search` from the command line (the in-process engine on the app's
// cache) against the same command over a plain Lunr index (cli-path.ts).
// Prints JSON with every figure and its ratio (segmented / plain), saves it to
// .bench/results.json, and with --update-docs writes the table in docs/performance.md.

import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { build as esbuild } from 'esbuild';
import { jsonFromChild, option, round, WORKER_BUILD } from './bench-kit';
import { ensureLibrary } from './generate';
import { QUERY_MIX } from './queries';
import { loadLibrary } from '../electron/core/library/load-library';
import { parseDigest } from '../electron/core/library/parse';
import { measureCliPath } from './cli-path';
import { measureLibrary, runLibraryChild } from './library-bench';
import { PlainLunrIndex } from './plain-lunr-index';
import { updateDocs } from './report';
import type { EngineFigures } from './report';
import { indexCacheFolder } from '../electron/core/search/index-cache';
import { WorkerEngine } from '../electron/core/search/worker-engine';
import { storyId } from '../electron/core/ids';
import type { Story } from '../electron/core/types';

const ROOT = path.resolve(__dirname, '..');
const BENCH = path.join(ROOT, '.bench');
const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
/** Results per query, kept for the overlap figure. */
const TOP = 20;
/** The limit the reader's search box uses. */
const LIMIT = 500;
/** What `ponder search` is timed with: several words, as a reader would type. */
const CLI_QUERY = 'russia ukraine';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const child = option(args, '--child');
  if (child) return runChild(child as 'segmented' | 'plain', option(args, '--dir')!, option(args, '--worker'));
  if (args.includes('--library-child')) return runLibraryChild(args);
  const libraryDir = option(args, '--library');
  if (libraryDir) {
    const loadBefore = round(os.loadavg()[0]!, 2);
    const library = await measureLibrary(ROOT, path.resolve(libraryDir), log);
    const report = { library, machine: { ...machineInfo(), loadBefore, loadAfter: round(os.loadavg()[0]!, 2) } };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }

  const sizes = (option(args, '--sizes') ?? '1k,10k,100k').split(',').map((s) => s.trim());
  for (const size of sizes) if (!SIZES[size]) throw new Error(`unknown size "${size}" (use 1k, 10k, 100k)`);
  const worker = await bundleWorker();
  const machine = {
    ...machineInfo(),
    /** Other work on the machine skews every figure: the 1-minute load average before and after. */
    loadBefore: round(os.loadavg()[0]!, 2),
    loadAfter: 0,
  };
  const results: Record<string, unknown> = {};
  for (const size of sizes) {
    const dir = path.join(BENCH, `lib-${size}`);
    const started = performance.now();
    const files = await ensureLibrary(dir, { stories: SIZES[size]! });
    log(`${size}: library of ${files.length} files ready in ${Math.round(performance.now() - started)} ms`);
    const segmented = await spawnChild('segmented', dir, worker, []);
    log(`${size}: segmented done`);
    // The plain index needs a lot of heap at 100k stories: give its process room.
    const plain = await spawnChild('plain', dir, worker, ['--max-old-space-size=12000']);
    log(`${size}: plain done`);
    const cli = await measureCliPath(ROOT, BENCH, dir, CLI_QUERY);
    log(`${size}: ponder search done`);
    const library = await measureLibrary(ROOT, dir, (message) => log(`${size}: ${message}`));
    results[size] = { ...summarise(segmented, plain, files.length), cli, library };
  }
  machine.loadAfter = round(os.loadavg()[0]!, 2);
  const report = { machine, workers: Math.min(2, machine.cpus), queryMix: QUERY_MIX, results };
  await writeFile(path.join(BENCH, 'results.json'), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (args.includes('--update-docs')) await updateDocs(ROOT, report);
}

/** Figures of both engines, with ratios (segmented / plain) and the top-20 overlap. */
function summarise(segmented: EngineFigures, plain: EngineFigures, files: number): object {
  const keys = ['parseMs', 'buildMs', 'peakRssMb', 'cacheBytes', 'cacheLoadMs', 'firstStoriesMs', 'searchReadyColdMs', 'searchReadyWarmMs', 'queryP50Ms', 'queryP95Ms', 'queryMaxMs', 'updateMs', 'longestStallMs'] as const;
  const ratios: Record<string, number> = {};
  for (const key of keys) ratios[key] = round(segmented[key] / Math.max(plain[key], 0.001), 3);
  let overlap = 0;
  for (const query of QUERY_MIX) {
    const want = plain.top[query] ?? [];
    const got = new Set(segmented.top[query] ?? []);
    overlap += want.length === 0 ? (got.size === 0 ? 1 : 0) : want.filter((id) => got.has(id)).length / want.length;
  }
  const strip = ({ top: _top, ...rest }: EngineFigures): Omit<EngineFigures, 'top'> => rest;
  return { stories: segmented.stories, files, top20Overlap: round(overlap / QUERY_MIX.length, 4), segmented: strip(segmented), plain: strip(plain), ratios };
}

// ---------------------------------------------------------------- children

async function runChild(engine: 'segmented' | 'plain', dir: string, worker: string | undefined): Promise<void> {
  const figures = engine === 'segmented' ? await measureSegmented(dir, worker!) : await measurePlain(dir);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Read the library as the app does; the time is when the first stories can be shown. */
async function parse(dir: string): Promise<{ stories: Story[]; parseMs: number }> {
  const started = performance.now();
  const library = await loadLibrary(dir);
  return { stories: library.stories, parseMs: performance.now() - started };
}

async function measureSegmented(dir: string, worker: string): Promise<EngineFigures> {
  const cacheDir = path.join(BENCH, `cache-${path.basename(dir)}`);
  await rm(cacheDir, { recursive: true, force: true });
  // As in the app: the service (and its threads) start, then the library is read.
  const service = new WorkerEngine({ workerScript: worker, cacheDir });
  const { stories, parseMs } = await parse(dir);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  let t = performance.now();
  const cold = await service.build(stories, { fingerprint: 'bench', onProgress: () => undefined });
  const buildMs = performance.now() - t;
  if (cold.fromCache) throw new Error('cold build came from the cache');
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  t = performance.now();
  await service.cacheWritten();
  const cacheWriteMs = performance.now() - t;
  if (service.lastCacheError) throw new Error(service.lastCacheError);
  const cacheBytes = await folderSize(indexCacheFolder(cacheDir));

  const queries = await timeQueries(stories.length, (query) => service.search(query, { limit: LIMIT, supersede: false }));
  const update = await oneFileChanged(stories, dir);
  t = performance.now();
  await service.update(update);
  const updateMs = performance.now() - t;
  stall.disable();
  await service.dispose();

  // A second start: the library is read again, and the index comes from the cache.
  const warm = new WorkerEngine({ workerScript: worker, cacheDir });
  const again = await parse(dir);
  t = performance.now();
  const loaded = await warm.build(again.stories, { fingerprint: 'bench' });
  const cacheLoadMs = performance.now() - t;
  if (!loaded.fromCache) throw new Error('warm build did not use the cache');
  await warm.dispose();

  return engineFigures({
    stories: stories.length, parseMs, warmParseMs: again.parseMs, buildMs, peakRssMb, cacheBytes, cacheWriteMs, cacheLoadMs,
    updateMs, stallNs: stall.max, queries, notes: ['worker threads: ' + Math.min(2, os.availableParallelism()), 'cache: binary segment files, written after search is ready (cacheWriteMs)'],
  });
}

async function measurePlain(dir: string): Promise<EngineFigures> {
  const { stories, parseMs } = await parse(dir);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  let t = performance.now();
  let index = PlainLunrIndex.build(stories);
  const buildMs = performance.now() - t;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const cacheFile = path.join(BENCH, `plain-${path.basename(dir)}.json`);
  t = performance.now();
  await writeFile(cacheFile, JSON.stringify(index.toJSON()));
  const cacheWriteMs = performance.now() - t;
  const cacheBytes = (await stat(cacheFile)).size;
  t = performance.now();
  index = PlainLunrIndex.load(JSON.parse(await readFile(cacheFile, 'utf8')) as { index: object; size: number });
  const cacheLoadMs = performance.now() - t;
  await rm(cacheFile, { force: true });

  const queries = await timeQueries(stories.length, async (query) => index.search(query, { limit: LIMIT }));
  // A Lunr index cannot add or remove documents: a changed file means a full rebuild.
  const update = await oneFileChanged(stories, dir);
  const removed = new Set([...update.removed, ...update.added.map((story) => story.id)]);
  t = performance.now();
  PlainLunrIndex.build([...stories.filter((story) => !removed.has(story.id)), ...update.added]);
  const updateMs = performance.now() - t;
  stall.disable();

  return engineFigures({
    stories: stories.length, parseMs, warmParseMs: parseMs, buildMs, peakRssMb, cacheBytes, cacheWriteMs, cacheLoadMs,
    updateMs, stallNs: stall.max, queries, notes: ['one lunr.Index built on the main thread (PlainLunrIndex)', 'cache: JSON.stringify(index.toJSON()); update: full rebuild'],
  });
}

/** Query latencies over the mix (several rounds; one at 100k for the plain index's sake), and each query's top ids. */
async function timeQueries(
  storyCount: number,
  search: (query: string) => Promise<{ ok: boolean; hits?: { id: string }[]; error?: string }>,
): Promise<{ figures: Pick<EngineFigures, 'queryP50Ms' | 'queryP95Ms' | 'queryMaxMs' | 'slowestQuery'>; top: Record<string, string[]> }> {
  const rounds = storyCount >= 100_000 ? 1 : 3;
  const times: { query: string; ms: number }[] = [];
  const top: Record<string, string[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERY_MIX) {
      const t = performance.now();
      const outcome = await search(query);
      times.push({ query, ms: performance.now() - t });
      if (!outcome.ok) throw new Error(`query "${query}" failed: ${outcome.error}`);
      top[query] = (outcome.hits ?? []).slice(0, TOP).map((hit) => hit.id);
    }
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.ms;
  const slowest = sorted[sorted.length - 1]!;
  return { figures: { queryP50Ms: round(at(0.5)), queryP95Ms: round(at(0.95)), queryMaxMs: round(slowest.ms), slowestQuery: slowest.query }, top };
}

/**
 * The change after one digest file is edited: its stories leave, and come back
 * re-read from the edited text (one story reworded, so one id changes).
 */
async function oneFileChanged(stories: Story[], dir: string): Promise<{ added: Story[]; removed: string[] }> {
  const source = stories[Math.floor(stories.length / 2)]!.source;
  const text = await readFile(path.join(dir, source), 'utf8');
  const edited = text.replace(/\?\n/, ' now?\n');
  const parsed = parseDigest(edited, source).stories;
  const added = parsed.map((s): Story => ({ ...s, id: storyId(s.summary, s.question), source, title: '', snippet: '', topics: [] }));
  return { added, removed: stories.filter((story) => story.source === source).map((story) => story.id) };
}

// ---------------------------------------------------------------- helpers

function machineInfo() {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** The worker as the app ships it: one CommonJS file, lunr left external. */
async function bundleWorker(): Promise<string> {
  const outfile = path.join(BENCH, 'worker', 'index-worker.js');
  await mkdir(path.dirname(outfile), { recursive: true });
  await esbuild({ ...WORKER_BUILD, entryPoints: [path.join(ROOT, 'electron/core/search/index-worker.ts')], outfile });
  return outfile;
}

async function spawnChild(engine: string, dir: string, worker: string, nodeOptions: string[]): Promise<EngineFigures> {
  const args = [...nodeOptions, '--import', 'tsx', __filename, '--child', engine, '--dir', dir, '--worker', worker];
  return (await jsonFromChild(args, `${engine} benchmark`, ROOT)) as EngineFigures;
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder)) total += (await stat(path.join(folder, name))).size;
  return total;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/** One engine's raw measurements as the figures the report prints (ms rounded; readiness derived). */
function engineFigures(m: {
  stories: number;
  parseMs: number;
  /** Reading the library again on a warm start (the cache replaces only the index). */
  warmParseMs: number;
  buildMs: number;
  peakRssMb: number;
  cacheBytes: number;
  cacheWriteMs: number;
  cacheLoadMs: number;
  updateMs: number;
  stallNs: number;
  queries: { figures: Pick<EngineFigures, 'queryP50Ms' | 'queryP95Ms' | 'queryMaxMs' | 'slowestQuery'>; top: EngineFigures['top'] };
  notes: string[];
}): EngineFigures {
  return {
    stories: m.stories,
    parseMs: round(m.parseMs),
    buildMs: round(m.buildMs),
    peakRssMb: round(m.peakRssMb),
    cacheBytes: m.cacheBytes,
    cacheWriteMs: round(m.cacheWriteMs),
    cacheLoadMs: round(m.cacheLoadMs),
    firstStoriesMs: round(m.parseMs),
    searchReadyColdMs: round(m.parseMs + m.buildMs),
    searchReadyWarmMs: round(m.warmParseMs + m.cacheLoadMs),
    ...m.queries.figures,
    updateMs: round(m.updateMs),
    longestStallMs: round(m.stallNs / 1e6),
    notes: m.notes,
    top: m.queries.top,
  };
}
