// Durable file writes: a reader (Ponder, an editor, a sync client) sees either
// the old file or the new one, never a mix, and a completed write survives a
// power cut.
//
// Not the npm `write-file-atomic` package: it fsyncs the temp file but not the
// folder, so after a power loss the rename itself can be lost. The whole
// function is ~30 lines, and Ponder adds no dependency for it.

import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** An open file, as far as writing one needs. */
export interface WriteHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system calls a write makes. `node:fs/promises` is the default;
 * tests pass a wrapper that fails one call (a full disk, a read-only folder)
 * instead of mocking modules.
 */
export interface WriteFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(file: string, flags: 'wx' | 'r'): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

/** The real file system. */
export const nodeWriteFs: WriteFs = fsp;

/**
 * Replace `file` with `data` atomically: write `.<name>.<random>.tmp` beside it,
 * fsync it, rename it over `file`, then fsync the folder. Creates the folder if
 * missing, and once more if it disappears meanwhile (a user or sync tool
 * removed it). On failure the temp file is removed, `file` is untouched, and
 * the error is rethrown as is (callers add context).
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: WriteFs = nodeWriteFs,
): Promise<void> {
  await retryIfFolderVanished(async () => {
    const dir = path.dirname(file);
    await makeDir(fs, dir);
    const temp = await writeTemp(fs, file, data);
    try {
      await renameWithRetry(fs, temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDir(fs, dir);
  });
}

/**
 * Like `writeFileAtomic`, but never replaces anything: fails with an `EEXIST`
 * error when `file` already exists. The new file appears whole or not at all
 * (a hard link of the fsynced temp file; plain exclusive create where the file
 * system has no hard links).
 */
export async function writeNewFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: WriteFs = nodeWriteFs,
): Promise<void> {
  await retryIfFolderVanished(async () => {
    const dir = path.dirname(file);
    await makeDir(fs, dir);
    const temp = await writeTemp(fs, file, data);
    try {
      await fs.link(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      if (!NO_HARD_LINKS.has(errorCode(error))) throw error;
      await writeExclusive(fs, file, data);
      await syncDir(fs, dir);
      return;
    }
    await fs.rm(temp, { force: true });
    await syncDir(fs, dir);
  });
}

export interface CopyAsideOptions {
  /** Why the copy is kept; part of its name. Default: `corrupt`. */
  label?: string;
  /** Time in the name. Default: now. */
  now?: Date;
  /** Default: the real file system. */
  fs?: WriteFs;
}

/**
 * Keep a copy of `data` (the bytes of `file`) beside it, as
 * `<stem>.<label>-<UTC timestamp><ext>` (`-2`, `-3`… if taken). Never replaces
 * an existing file. Returns the path of the copy.
 */
export async function copyAside(file: string, data: Uint8Array, options: CopyAsideOptions = {}): Promise<string> {
  const { label = 'corrupt', now = new Date(), fs = nodeWriteFs } = options;
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  // 20261124T214456000Z: sortable, and free of ':' which Windows refuses in names.
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let attempt = 1; attempt <= MAX_ASIDE_ATTEMPTS; attempt++) {
    const aside = `${stem}.${label}-${stamp}${attempt === 1 ? '' : `-${attempt}`}${ext}`;
    try {
      await writeNewFileAtomic(aside, data, fs);
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
  EBUSY: 'the file is in use by another program',
  ENOENT: 'its folder was removed and could not be made again',
  EMFILE: 'too many files are open',
};

/** Run `write`; if it fails because its folder vanished (ENOENT), once more (it recreates the folder). */
async function retryIfFolderVanished(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await write();
  }
}

/** Make `dir` and any missing parents, durably: a new folder is an entry in its parent, so the parent is fsynced. */
async function makeDir(fs: WriteFs, dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true });
  if (typeof first !== 'string') return;
  for (let made = dir; ; made = path.dirname(made)) {
    await syncDir(fs, path.dirname(made));
    if (made === first || path.dirname(made) === made) return;
  }
}

async function writeTemp(fs: WriteFs, file: string, data: string | Uint8Array): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeExclusive(fs, temp, data);
  return temp;
}

/** Create `file` (failing if it exists), write and fsync it; on failure remove what was created. */
async function writeExclusive(fs: WriteFs, file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}

async function renameWithRetry(fs: WriteFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !TRANSIENT_RENAME.has(errorCode(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    }
  }
}

/** Make a rename, link or new folder in `dir` durable. */
async function syncDir(fs: WriteFs, dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
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
