// What a test reads back from a folder it wrote into: every file under it.

import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, relative, sorted (temp files included: they start with a dot); none when `dir` is missing. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
