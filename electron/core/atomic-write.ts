// Durable file writes: a reader (Ponder, an editor, a sync client) sees either
// the old file or the new one, never a mix, and a completed write survives a
// power cut.
//
// Not the npm `write-file-atomic` package: it fsyncs the temp file but not the
// folder, so after a power loss the rename itself can be lost. The whole
// function is ~30 lines, and Ponder adds no dependency for it.

import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replace `file` with `data` atomically: write `.<name>.<random>.tmp` beside it,
 * fsync it, rename it over `file`, then fsync the folder. Creates the folder if
 * missing. On failure the temp file is removed, `file` is untouched, and the
 * error is rethrown as is (callers add context).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = await writeTemp(file, data);
  try {
    await renameWithRetry(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/**
 * Like `writeFileAtomic`, but never replaces anything: fails with an `EEXIST`
 * error when `file` already exists. The new file appears whole or not at all
 * (a hard link of the fsynced temp file; plain exclusive create where the file
 * system has no hard links).
 */
export async function writeNewFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = await writeTemp(file, data);
  try {
    await link(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    if (!NO_HARD_LINKS.has(errorCode(error))) throw error;
    await writeExclusive(file, data);
    await syncDir(dir);
    return;
  }
  await rm(temp, { force: true });
  await syncDir(dir);
}

export interface CopyAsideOptions {
  /** Why the copy is kept; part of its name. Default: `corrupt`. */
  label?: string;
  /** Time in the name. Default: now. */
  now?: Date;
}

/**
 * Keep a copy of `data` (the bytes of `file`) beside it, as
 * `<stem>.<label>-<UTC timestamp><ext>` (`-2`, `-3`… if taken). Never replaces
 * an existing file. Returns the path of the copy.
 */
export async function copyAside(file: string, data: Uint8Array, options: CopyAsideOptions = {}): Promise<string> {
  const { label = 'corrupt', now = new Date() } = options;
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  // 20261124T214456000Z: sortable, and free of ':' which Windows refuses in names.
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let attempt = 1; attempt <= MAX_ASIDE_ATTEMPTS; attempt++) {
    const aside = `${stem}.${label}-${stamp}${attempt === 1 ? '' : `-${attempt}`}${ext}`;
    try {
      await writeNewFileAtomic(aside, data);
      return aside;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Ponder: could not find a free name to keep a copy of ${file}.`);
}

/** A short, user-facing account of why a file operation failed. */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  const known = code ? FRIENDLY[code] : undefined;
  if (known) return known;
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------

const MAX_ASIDE_ATTEMPTS = 100;

/** Windows refuses a rename while another program (a virus scanner, an indexer) holds the file; it lets go soon. */
const RENAME_RETRIES = process.platform === 'win32' ? 8 : 0;
const TRANSIENT_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Codes for "this file system cannot make hard links". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Codes for "folders cannot be opened or fsynced here" (Windows, some network file systems). */
const NO_DIR_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP', 'EBADF']);

const FRIENDLY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder',
  EIO: 'the disk reported an input/output error',
};

async function writeTemp(file: string, data: string | Uint8Array): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeExclusive(temp, data);
  return temp;
}

/** Create `file` (failing if it exists), write and fsync it; on failure remove what was created. */
async function writeExclusive(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !TRANSIENT_RENAME.has(errorCode(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    }
  }
}

/** Make a rename or link in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!NO_DIR_SYNC.has(errorCode(error))) throw error;
  } finally {
    await handle?.close();
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}
