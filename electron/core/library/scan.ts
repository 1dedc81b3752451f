// Which files of a library folder are digests: every `*.txt` in the folder and
// its subfolders, in natural order (`2.txt` before `10.txt`, folders grouped).
//
// Hidden files and folders are skipped (`.git`, editors' swap files, sync
// clients' trash). Symbolic links are followed, but after the real tree has
// been walked: a link to a folder already read adds nothing (this is also what
// stops loops), and a link that leads outside the library is not read at all,
// so opening a library never reads the user's other files.
//
// The same rule decides what the library watcher watches (`isHiddenName`,
// `isDigestName`), so what is shown and what is watched never disagree.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { describeFsError, errorCode } from '../fs/errors';
import { isWithin } from '../fs/paths';
import type { Diagnostic } from '../types';

export interface ScanResult {
  /** Digest files relative to the folder, `/`-separated, in natural order. */
  files: string[];
  /** Folders that could not be read, links that were not followed. */
  diagnostics: Diagnostic[];
}

/**
 * List the digest files of a library folder. Throws
 * `Ponder: cannot open library folder "<folder>": <reason>` when the folder
 * itself cannot be read; anything below it that cannot be read is a diagnostic.
 */
export async function listDigestFiles(folder: string): Promise<ScanResult> {
  const root = path.resolve(folder);
  let rootReal: string;
  try {
    rootReal = await realpath(root);
    if (!(await stat(rootReal)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new Error(`Ponder: cannot open library folder "${root}": ${readErrorReason(error)}.`, { cause: error });
  }

  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenDirs = new Set<string>([rootReal]);
  const seenFiles = new Set<string>();
  const links: Array<{ rel: string; full: string }> = [];

  // Walk real folders only; links wait in `links` until the real tree is known.
  const walk = async (dirReal: string, dirRel: string, isRoot: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dirReal, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw new Error(`Ponder: cannot open library folder "${root}": ${readErrorReason(error)}.`, { cause: error });
      diagnostics.push({
        file: dirRel,
        line: 0,
        reason: `This folder could not be read (${readErrorReason(error)}), so its files were skipped. ${readErrorAdvice(error)}`,
      });
      return;
    }
    for (const entry of entries) {
      if (isHiddenName(entry.name)) continue;
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const full = path.join(dirReal, entry.name);
      if (entry.isSymbolicLink()) links.push({ rel, full });
      else if (entry.isDirectory()) {
        seenDirs.add(full);
        await walk(full, rel, false);
      } else if (entry.isFile() && isDigestName(entry.name)) {
        seenFiles.add(full);
        files.push(rel);
      }
      // Sockets, FIFOs and devices are never digests (and reading a FIFO would block).
    }
  };

  await walk(rootReal, '', true);

  // Links, in natural order so that which path of a twice-linked file wins is stable.
  // Links found inside linked folders are handled in the next round.
  while (links.length > 0) {
    const round = links.splice(0).sort((a, b) => compareNatural(a.rel, b.rel));
    for (const link of round) await followLink(link);
  }

  return { files: files.sort(compareNatural), diagnostics };

  async function followLink(link: { rel: string; full: string }): Promise<void> {
    let target: string;
    let isDir: boolean;
    let isFile: boolean;
    const unfollowable = (error: unknown): void => {
      if (!isDigestName(link.rel)) return;
      diagnostics.push({
        file: link.rel,
        line: 0,
        reason: `This link could not be followed (${readErrorReason(error)}), so it was skipped.`,
      });
    };
    try {
      target = await realpath(link.full);
    } catch (error) {
      return unfollowable(error);
    }
    // Judged by where the link leads before anything there is even stat'ed.
    if (!isWithin(rootReal, target)) {
      diagnostics.push({
        file: link.rel,
        line: 0,
        reason: `This link leads outside the library folder (to "${target}"), so it was not read. Move or copy those files into the library folder to include them.`,
      });
      return;
    }
    try {
      const info = await stat(target);
      isDir = info.isDirectory();
      isFile = info.isFile();
    } catch (error) {
      return unfollowable(error);
    }
    if (isDir) {
      if (seenDirs.has(target)) return; // Already read through another path: no duplicates, no loops.
      seenDirs.add(target);
      await walk(target, link.rel, false);
    } else if (isFile && isDigestName(link.rel) && !seenFiles.has(target)) {
      seenFiles.add(target);
      files.push(link.rel);
    }
  }
}

/**
 * Natural order of `/`-separated relative paths, segment by segment, so that
 * `2.txt` < `10.txt` and a folder's files stay together. Case and accents only
 * break ties, so the order never depends on the order `readdir` returned.
 */
export function compareNatural(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const order = COLLATOR.compare(as[i]!, bs[i]!);
    if (order !== 0) return order;
  }
  if (as.length !== bs.length) return as.length - bs.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A short, lower-case reason why a file or folder could not be read, for use
 * inside a diagnostic sentence ("permission denied", "it does not exist"): the
 * app's one fs-error wording (core/fs/errors.ts). Also used by read-digest-file.ts.
 */
export function readErrorReason(error: unknown): string {
  return describeFsError(error, 'reading');
}

/**
 * What the user can do about an error `readErrorReason` describes: a sentence
 * to end a diagnostic with. Only a permission error is told to check permissions.
 */
export function readErrorAdvice(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'Check its permissions.';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'Check that it still exists.';
    case 'ENAMETOOLONG':
      return 'Give it, or the folders it is in, a shorter name.';
    case 'ELOOP':
      return 'Check the symbolic links on its path.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Close some programs and reload the library.';
    default:
      return 'Check that it still exists and that you may read it.';
  }
}

/** Hidden files and folders (`.git`, editors' swap files) are never part of a library. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** A digest is a `*.txt` file, the extension in any case. Takes a name or a path. */
export function isDigestName(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
}

const COLLATOR = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

