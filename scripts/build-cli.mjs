// Builds the command-line companion (electron/cli/index.ts) to one runnable file,
// out/cli/index.js, so `ponder-cli` and `npm run cli` start in plain Node, with no
// TypeScript loader. Run by `npm run build` (after electron-vite), by `npm run cli`
// before each call (it takes a fraction of a second) and by the CLI's unit tests.
//
// The runtime dependencies (lunr, yaml, zod, chokidar) stay external: they are the
// package's declared `dependencies`, installed wherever the CLI is, so they load from
// node_modules at the versions the app uses, and the bundle holds only Ponder's code.

import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = path.join(root, 'out/cli/index.js');

const { outputFiles } = await build({
  entryPoints: [path.join(root, 'electron/cli/index.ts')],
  outfile,
  bundle: true,
  packages: 'external',
  // CommonJS, as the rest of out/: core loads lunr with createRequire(__filename).
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  write: false,
}).catch(() => process.exit(1)); // esbuild has printed the errors

// Written to a temporary file and renamed, so a CLI running meanwhile never reads half a file.
mkdirSync(path.dirname(outfile), { recursive: true });
const temporary = `${outfile}.${process.pid}.tmp`;
writeFileSync(temporary, outputFiles[0].contents);
chmodSync(temporary, 0o755);
renameSync(temporary, outfile);
