// Where Ponder keeps its data, and what the command line asks for
// (FORMATS.md §2): `ponder [--data-dir DIR] [LIBRARY]`.

import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCATION_FILE } from './layout';

export interface CommandLine {
  /** The library folder as typed (relative paths are relative to the launching process's folder). */
  library?: string;
  /** The `--data-dir` value as typed. */
  dataDir?: string;
}

export interface ResolveDataDirOptions {
  /** The user's arguments, sliced as for `parseCommandLine`. */
  argv: string[];
  /** Usually `process.env`; `PONDER_DATA_DIR` is read from it. */
  env: Record<string, string | undefined>;
  /** Electron's `userData` folder, or a test's. */
  defaultDir: string;
  /** Folder that relative paths are resolved against. Default: `process.cwd()`. */
  cwd?: string;
}

/**
 * Read Ponder's own arguments. `argv` must hold only the user's arguments:
 * `process.argv.slice(process.defaultApp ? 2 : 1)` in Electron (the binary,
 * and in development the app path, come first), `process.argv.slice(2)` in
 * Node. Accepts `--data-dir DIR` and `--data-dir=DIR` (the last one wins; one
 * with no value is ignored); the first other argument not starting with `-` is
 * the library; after `--` every argument is positional. Every other `-…`
 * argument is ignored: Chromium and Electron add their own switches
 * (`--no-sandbox`, `--inspect=9229`, `--remote-debugging-port=9222`,
 * `--allow-file-access-from-files`…), always in `--name=value` form.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const result: CommandLine = {};
  let positionalOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!positionalOnly && arg === '--') {
      positionalOnly = true;
    } else if (!positionalOnly && arg === DATA_DIR_FLAG) {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('--')) {
        i++;
        if (value !== '') result.dataDir = value;
      }
    } else if (!positionalOnly && arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value !== '') result.dataDir = value;
    } else if (!positionalOnly && arg.startsWith('-')) {
      // A switch meant for Chromium or Electron.
    } else if (result.library === undefined && arg !== '') {
      result.library = arg;
    }
  }
  return result;
}

/**
 * The user's own arguments out of Electron's `process.argv`. Packaged, argv is
 * `[exe, ...args]`. Run as `electron APP ...args` (`defaultApp`), the app path
 * comes after any switches the launcher put first — Playwright's _electron runs
 * `electron --inspect=0 --remote-debugging-port=0 APP ...args` — so skip those
 * switches and the app path, not a fixed count.
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  if (!defaultApp) return argv.slice(1);
  let i = 1;
  while (i < argv.length && argv[i]!.startsWith('-')) i++;
  return argv.slice(i + 1);
}

/**
 * The absolute data folder: `--data-dir`, else `PONDER_DATA_DIR` (when not
 * empty), else the folder named by `<defaultDir>/location.json` (written when
 * the user moved the data folder; ignored unless it names an existing
 * folder), else `defaultDir`. A leading `~` means the home folder (it reaches
 * us unexpanded in `--data-dir=~/x` and in environment variables).
 * Synchronous: it runs once, before anything else can start.
 */
export function resolveDataDir(opts: ResolveDataDirOptions): string {
  const chosen =
    parseCommandLine(opts.argv).dataDir ??
    (opts.env.PONDER_DATA_DIR || undefined) ??
    readLocation(opts.defaultDir) ??
    opts.defaultDir;
  return path.resolve(opts.cwd ?? process.cwd(), expandHome(chosen));
}

/** The data folder `<defaultDir>/location.json` points to, if it is valid and exists. */
export function readLocation(defaultDir: string): string | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(path.join(defaultDir, LOCATION_FILE), 'utf8'));
    const dir = typeof data === 'object' && data !== null && 'dataDir' in data ? data.dataDir : undefined;
    if (typeof dir !== 'string' || !path.isAbsolute(dir) || !statSync(dir).isDirectory()) return undefined;
    return dir;
  } catch {
    // No pointer, or one that is damaged or names a folder that is gone (an unplugged disk): use the default.
    return undefined;
  }
}

// ---------------------------------------------------------------------------

const DATA_DIR_FLAG = '--data-dir';

function expandHome(dir: string): string {
  if (dir === '~') return os.homedir();
  if (dir.startsWith('~/') || dir.startsWith('~\\')) return path.join(os.homedir(), dir.slice(2));
  return dir;
}
