// Replacing a file only if it still holds what the caller read, with no window
// in which another program's write can be overwritten unseen (issue 8, item 6).
//
// A plain "check, then rename over" loses a write that lands between the check
// and the rename. Instead:
//   1. the new bytes go to a fsynced temp file beside the target;
//   2. the target is renamed aside (`.<name>.<random>.aside`): one atomic step
//      that captures whatever is there at that instant;
//   3. the aside's bytes are compared with what the caller expected;
//   4. if they match, the temp file is hard-linked at the target, which fails
//      when anything appeared there since step 2 (EEXIST); the folder is fsynced;
//   5. the aside is removed last (the caller has kept the replaced text).
// Any other program's text that lands before step 4 is thus either put back
// at the target or handed to the caller (`displaced`) to keep. A crash leaves
// the target, or the aside, or both; `recover` in the notes store finds them.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { makeDir, placeExclusive, syncDir, writeTemp } from './atomic-write';
import type { WriteFs } from './atomic-write';
import { errorCode, noop } from './errors';

/** Suffix of a file moved aside by `replaceIfUnchanged` (hidden: its name starts with a dot). */
export const ASIDE_SUFFIX = '.aside';

export type ReplaceOutcome =
  /** `file` holds the new bytes, durably. */
  | { status: 'replaced' }
  /**
   * The file did not hold what was expected, or something appeared at it
   * meanwhile; the new bytes were not written. `displaced` is a file that was
   * taken aside and could not be put back because another file appeared at
   * `file`: the caller must keep its bytes (if they are not kept already),
   * then call `discard`.
   */
  | { status: 'raced'; displaced?: { bytes: Uint8Array; discard: () => Promise<void> } };

/**
 * Replace `file` with `data` if its bytes (null: no file) satisfy `expected`,
 * as described at the top of this file. Where the file system has no hard
 * links, step 4 is an exclusive create (a crash then may leave a partial
 * target beside the whole aside). Rejects with the file system's error; then
 * `file` holds what it held (or is back from aside).
 */
export async function replaceIfUnchanged(
  file: string,
  data: string | Uint8Array,
  expected: (bytes: Uint8Array | null) => boolean,
  fs: WriteFs,
): Promise<ReplaceOutcome> {
  const dir = path.dirname(file);
  await makeDir(fs, dir);
  const temp = await writeTemp(fs, file, data).catch(async (error: unknown) => {
    // The folder vanished (a user or sync tool removed it): make it once more.
    if (errorCode(error) !== 'ENOENT') throw error;
    await makeDir(fs, dir);
    return writeTemp(fs, file, data);
  });
  try {
    const aside = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}${ASIDE_SUFFIX}`);
    const found = await moveAside(fs, file, aside);
    if (!expected(found)) return found === null ? { status: 'raced' } : await putBack(fs, aside, file, found);
    if (!(await placeExclusive(fs, temp, file, data))) {
      // Something appeared at `file` after the aside was taken: theirs stays, ours is not written,
      // and the text we would have replaced is the caller's to keep before the aside goes.
      return found === null ? { status: 'raced' } : displaced(fs, aside, found);
    }
    await syncDir(fs, dir);
    if (found !== null) await fs.rm(aside, { force: true });
    return { status: 'replaced' };
  } finally {
    await fs.rm(temp, { force: true }).catch(noop);
  }
}

// ---------------------------------------------------------------------------

/** Rename `file` to `aside` and read it; null when there was no file. */
async function moveAside(fs: WriteFs, file: string, aside: string): Promise<Uint8Array | null> {
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    return await fs.readFile(aside);
  } catch (error) {
    await putBack(fs, aside, file, undefined);
    throw error;
  }
}

/** Put a file taken aside back, unless another appeared at `file` meanwhile: then it is `displaced`. */
async function putBack(fs: WriteFs, aside: string, file: string, bytes: Uint8Array | undefined): Promise<ReplaceOutcome> {
  const data = bytes ?? (await fs.readFile(aside));
  if (await placeExclusive(fs, aside, file, data)) {
    await syncDir(fs, path.dirname(file));
    await fs.rm(aside, { force: true });
    return { status: 'raced' };
  }
  return displaced(fs, aside, data);
}

function displaced(fs: WriteFs, aside: string, bytes: Uint8Array): ReplaceOutcome {
  return { status: 'raced', displaced: { bytes, discard: () => fs.rm(aside, { force: true }) } };
}
