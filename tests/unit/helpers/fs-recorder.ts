// Watches what code in this thread does to the file system, without mocking
// modules: every path-taking function of `fs` and `fs/promises` is wrapped to
// note the path, and `syncBuiltinESMExports` makes `import { readFile } from
// 'node:fs/promises'` see the wrappers too. Worker threads have their own fs
// and are not seen. Plus a snapshot of a folder tree, to compare before and after.

import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Functions whose first argument (and, for these, second) is a path. */
const TWO_PATHS = new Set(['rename', 'copyFile', 'cp', 'link', 'symlink']);
const ONE_PATH = [
  'access', 'appendFile', 'chmod', 'chown', 'lchown', 'lstat', 'mkdir', 'mkdtemp', 'open', 'opendir', 'readdir', 'readFile',
  'readlink', 'realpath', 'rm', 'rmdir', 'stat', 'statfs', 'truncate', 'unlink', 'utimes', 'lutimes', 'writeFile', 'watch',
  'createReadStream', 'createWriteStream', 'exists', 'watchFile', 'glob',
];

export interface FsRecorder {
  /** Absolute paths every call named, in order. */
  paths: string[];
  stop(): void;
}

export function recordFsPaths(): FsRecorder {
  const paths: string[] = [];
  const restores: Array<() => void> = [];
  const note = (value: unknown) => {
    if (typeof value === 'string') paths.push(path.resolve(value));
    else if (value instanceof URL && value.protocol === 'file:') paths.push(fileURLToPath(value));
    else if (Buffer.isBuffer(value)) paths.push(path.resolve(value.toString()));
  };
  const wrap = (target: Record<string, unknown>, name: string, pathCount: number) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      for (let i = 0; i < pathCount; i++) note(args[i]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restores.push(() => (target[name] = original));
  };
  const callbacks = fs as unknown as Record<string, unknown>;
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const base of [...ONE_PATH, ...TWO_PATHS]) {
    const count = TWO_PATHS.has(base) ? 2 : 1;
    wrap(callbacks, base, count);
    wrap(callbacks, `${base}Sync`, count);
    wrap(promises, base, count);
  }
  syncBuiltinESMExports();
  return {
    paths,
    stop: () => {
      restores.reverse().forEach((restore) => restore());
      syncBuiltinESMExports();
    },
  };
}

/** Every entry under `root`: relative path → kind, size and a hash of the content (files) or the target (links). */
export function snapshotTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full);
      if (entry.isSymbolicLink()) entries.set(relative, `link ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        entries.set(relative, 'folder');
        walk(full);
      } else {
        const content = fs.readFileSync(full);
        entries.set(relative, `file ${content.length} ${createHash('sha256').update(content).digest('hex')}`);
      }
    }
  };
  walk(root);
  return entries;
}

/** Paths added, removed or changed between two snapshots. */
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [entry, what] of after) if (before.get(entry) !== what) changed.add(entry);
  for (const entry of before.keys()) if (!after.has(entry)) changed.add(entry);
  return [...changed].sort();
}

/** True when `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
