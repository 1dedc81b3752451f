// `ponder search` as a user runs it: the CLI bundled as it ships (esbuild, one
// CommonJS file), each call a fresh Node process, timed from spawn to exit.
//   - cold: an empty data folder, so the in-process engine indexes (and writes
//     the cache before it exits);
//   - warm: the same call again, with the same data folder: the cache is loaded;
//   - plain: the same command over one plain Lunr index (bench/plain-cli.ts),
//     which has no cache: every call is cold.
// Each is run a few times; the figures are medians.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build as esbuild } from 'esbuild';

export interface CliFigures {
  query: string;
  runs: number;
  coldMs: number;
  warmMs: number;
  plainColdMs: number;
  /** Index build inside the cold call, and cache load inside the warm one, as the CLI reports them (--verbose). */
  coldIndexMs: number;
  warmIndexMs: number;
  warmFromCache: boolean;
  hits: number;
  /** Both commands printed the same ids and scores, in the same order. */
  sameHitsAsPlain: boolean;
}

const RUNS = 3;

export async function measureCliPath(root: string, benchDir: string, library: string, query: string): Promise<CliFigures> {
  const [ponder, plain] = await Promise.all([
    bundle(path.join(root, 'electron/cli/index.ts'), path.join(benchDir, 'cli', 'ponder.js')),
    bundle(path.join(root, 'bench/plain-cli.ts'), path.join(benchDir, 'cli', 'plain.js')),
  ]);
  const cold: Timed[] = [];
  const warm: Timed[] = [];
  const plainRuns: Timed[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = await mkdtemp(path.join(benchDir, 'cli-data-'));
    try {
      cold.push(await timed(ponder, ['search', library, query, '--data-dir', dataDir, '--verbose'], root));
      warm.push(await timed(ponder, ['search', library, query, '--data-dir', dataDir, '--verbose'], root));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    plainRuns.push(await timed(plain, [library, query], root));
  }
  const index = (t: Timed): { fromCache: boolean; millis: number } => (JSON.parse(t.stderr.trim().split('\n')[0]!) as { index: { fromCache: boolean; millis: number } }).index;
  const keys = (t: Timed): string => JSON.stringify((JSON.parse(t.stdout) as { id: string; score: number }[]).map((hit) => [hit.id, hit.score]));
  return {
    query,
    runs: RUNS,
    coldMs: median(cold.map((t) => t.ms)),
    warmMs: median(warm.map((t) => t.ms)),
    plainColdMs: median(plainRuns.map((t) => t.ms)),
    coldIndexMs: median(cold.map((t) => index(t).millis)),
    warmIndexMs: median(warm.map((t) => index(t).millis)),
    warmFromCache: warm.every((t) => index(t).fromCache) && cold.every((t) => !index(t).fromCache),
    hits: (JSON.parse(cold[0]!.stdout) as unknown[]).length,
    sameHitsAsPlain: keys(cold[0]!) === keys(plainRuns[0]!) && keys(warm[0]!) === keys(plainRuns[0]!),
  };
}

interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
}

/** One CommonJS file, dependencies left in node_modules — as scripts/build-cli.mjs builds the shipped CLI. */
async function bundle(entry: string, outfile: string): Promise<string> {
  await esbuild({ entryPoints: [entry], outfile, bundle: true, packages: 'external', format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
  return outfile;
}

function timed(script: string, args: string[], cwd: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Math.round(performance.now() - started);
      if (code !== 0) return reject(new Error(`${path.basename(script)} exited with code ${code}: ${stderr}`));
      resolve({ ms, stdout, stderr });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
