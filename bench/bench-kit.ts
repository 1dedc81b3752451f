// Small pieces both benchmark scripts (run.ts and library-bench.ts) use: their
// arguments, rounding a figure, a worker bundled as the app ships it, and a
// child process that answers with one line of JSON.

import { spawn } from 'node:child_process';
import type { BuildOptions } from 'esbuild';

/** The value after `name` in `args`, if any. */
export function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** How the app ships a worker: one CommonJS file for Node 20, lunr left external. Add the entry points and where to write. */
export const WORKER_BUILD: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['lunr'],
  logLevel: 'warning',
};

/**
 * Runs `node <nodeArgs>` (stderr passed through) and resolves with the JSON on the last line it
 * prints; `name` says which child failed.
 */
export function jsonFromChild(nodeArgs: string[], name: string, cwd?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}
