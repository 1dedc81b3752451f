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
import { errorCode, noop } from './errors';

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
  mkdir(dir: string, options: { recursive: true; mode: number }): Promise<unknown>;
  chmod(file: string, mode: number): Promise<void>;
  /** `mode` is given for files created ('wx'). */
  open(file: string, flags: 'wx' | 'r', mode?: number): Promise<WriteHandle>;
  readFile(file: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

/**
 * What Ponder writes is private (issue 9): files are created 0600 and the
 * folders it makes 0700, whatever the umask (POSIX; Windows ignores modes).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

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
  await writeThroughTemp(fs, file, data, (temp) => renameWithRetry(fs, temp, file));
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
  await writeThroughTemp(fs, file, data, async (temp) => {
    if (!(await placeExclusive(fs, temp, file, data))) {
      throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST' });
    }
    await fs.rm(temp, { force: true });
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

// ---------------------------------------------------------------------------

const MAX_ASIDE_ATTEMPTS = 100;

/** Windows refuses a rename while another program (a virus scanner, an indexer) holds the file; it lets go soon. */
const RENAME_RETRIES = process.platform === 'win32' ? 8 : 0;
const TRANSIENT_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Codes for "this file system cannot make hard links". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Codes for "folders cannot be opened or fsynced here" (Windows, some network file systems). */
const NO_DIR_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP', 'EBADF']);

/** Run `write`; if it fails because its folder vanished (ENOENT), once more (it recreates the folder). */
async function retryIfFolderVanished(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await write();
  }
}

/**
 * Write `data` to a fsynced temp file beside `file`, let `place` put it at
 * `file` (on failure the temp file is removed and the error rethrown), then
 * fsync the folder. Makes the folder first, and again if it vanishes meanwhile.
 */
async function writeThroughTemp(
  fs: WriteFs,
  file: string,
  data: string | Uint8Array,
  place: (temp: string) => Promise<void>,
): Promise<void> {
  await retryIfFolderVanished(async () => {
    const dir = path.dirname(file);
    await makeDir(fs, dir);
    const temp = await writeTemp(fs, file, data);
    try {
      await place(temp);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDir(fs, dir);
  });
}

/**
 * Make `dir` and any missing parents, private (0700: mkdir's mode is masked by
 * the umask, so each new folder is chmodded too) and durably: a new folder is
 * an entry in its parent, so the parent is fsynced.
 */
export async function makeDir(fs: WriteFs, dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (typeof first !== 'string') return;
  for (let made = dir; ; made = path.dirname(made)) {
    await fs.chmod(made, PRIVATE_DIR_MODE);
    await syncDir(fs, path.dirname(made));
    if (made === first || path.dirname(made) === made) return;
  }
}

/** Write `data` to a new fsynced, private temp file beside `file` (`.<name>.<random>.tmp`); returns its path. */
export async function writeTemp(fs: WriteFs, file: string, data: string | Uint8Array): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeExclusive(fs, temp, data);
  return temp;
}

/**
 * Put `data` at `file` only if nothing is there: a hard link of the fsynced
 * file `source` (which holds `data`), or an exclusive create where the file
 * system has no hard links. False when `file` exists (EEXIST).
 */
export async function placeExclusive(fs: WriteFs, source: string, file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    try {
      await fs.link(source, file);
    } catch (error) {
      if (!NO_HARD_LINKS.has(errorCode(error))) throw error;
      await writeExclusive(fs, file, data);
    }
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** Create `file` private (failing if it exists), write and fsync it; on failure remove what was created. */
async function writeExclusive(fs: WriteFs, file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx', PRIVATE_FILE_MODE);
  // open's mode is masked by the umask: a umask of 0 must not make it world-readable, nor 077 matter.
  await fs.chmod(file, PRIVATE_FILE_MODE).catch(noop);
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
export async function syncDir(fs: WriteFs, dir: string): Promise<void> {
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
