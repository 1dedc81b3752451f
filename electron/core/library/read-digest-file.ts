// The bytes of one digest file, read so that no file can stall or swamp the
// reader. The scanner only lists regular files, but a file can be swapped
// between the scan and the read: a FIFO would block a plain open for ever, and a
// huge file (a log or disk image renamed `.txt`) would take gigabytes. So the
// file is opened without blocking, and what the opened handle is (fstat, not a
// stat of the path beforehand, which could describe a different file) decides
// whether it is read at all.

import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

import { readErrorAdvice, readErrorReason } from './scan';

/**
 * The largest digest file Ponder reads: 64 MB. A digest of a year of daily
 * stories is a few megabytes, so a bigger file is almost certainly not one, and
 * reading it would cost seconds and gigabytes of memory (its text, lines and
 * stories all held at once). Bigger files are reported and skipped.
 */
export const MAX_DIGEST_FILE_BYTES = 64 * 1024 * 1024;

export type DigestFileRead =
  /** The file's bytes, and its size and mtime as fstat saw them when it was opened. */
  | { status: 'read'; bytes: Uint8Array; size: number; mtimeMs: number }
  /** `isUnchanged` said the file is as it was last read: it was not read again. */
  | { status: 'unchanged'; size: number; mtimeMs: number }
  /** Not read; `reason` is a whole diagnostic sentence (size and mtime are -1 when unknown). */
  | { status: 'skipped'; size: number; mtimeMs: number; reason: string };

/**
 * Read the digest file at `absolute`: regular files of at most
 * `MAX_DIGEST_FILE_BYTES` only. Never throws and never blocks on a FIFO or
 * device. `isUnchanged(size, mtimeMs)` lets a reload skip files it already has.
 */
export async function readDigestFile(
  absolute: string,
  isUnchanged?: (size: number, mtimeMs: number) => boolean,
): Promise<DigestFileRead> {
  let handle: FileHandle | undefined;
  let size = -1;
  let mtimeMs = -1;
  try {
    // O_NONBLOCK: opening a FIFO waits for a writer otherwise. It changes nothing
    // for a regular file (Windows has no FIFOs, and no such flag).
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    ({ size, mtimeMs } = info);
    if (!info.isFile()) return { status: 'skipped', size, mtimeMs, reason: notAFileReason(info) };
    if (isUnchanged?.(size, mtimeMs)) return { status: 'unchanged', size, mtimeMs };
    if (size > MAX_DIGEST_FILE_BYTES) return { status: 'skipped', size, mtimeMs, reason: tooLargeReason(size) };
    return { status: 'read', bytes: await readSize(handle, size), size, mtimeMs };
  } catch (error) {
    const reason = `This file could not be read (${readErrorReason(error)}), so its stories were skipped. ${readErrorAdvice(error)}`;
    return { status: 'skipped', size, mtimeMs, reason };
  } finally {
    await handle?.close().catch(() => {});
  }
}

const MB = 1024 * 1024;

function notAFileReason(info: Stats): string {
  const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a pipe (FIFO)' : info.isSocket() ? 'a socket' : 'a device';
  return `This is ${kind}, not a regular file, so it was not read. Only plain text files are digests; remove it from the library folder or rename it.`;
}

function tooLargeReason(size: number): string {
  return (
    `This file is ${(size / MB).toFixed(1)} MB, over Ponder's limit of ${MAX_DIGEST_FILE_BYTES / MB} MB for one digest file, ` +
    'so it was skipped. Split it into smaller files, or move it out of the library folder if it is not a digest.'
  );
}

/**
 * The first `size` bytes of the file (fewer if it shrank since fstat). A file
 * still growing is read as it was when opened; the watcher reports the rest.
 */
async function readSize(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}
