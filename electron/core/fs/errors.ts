// How a failure is put into words, once for the whole app: the message of
// anything thrown, the code of a Node error, and a short account of a failed
// file operation that a user can act on ("the disk is full"), for use inside
// a "Ponder: could not … : <reason>." sentence.

/** The message of anything thrown (an Error's message; anything else as text). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A Node error's `code` (`ENOENT`, `EACCES`…), or '' when it has none. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * What was being done when a file operation failed. It changes the wording of
 * the few codes whose meaning depends on it: a missing path while reading is
 * simply not there, while a write (which makes its folder) lost the folder.
 */
export type FsAttempt = 'reading' | 'writing';

/** A short, lower-case, user-facing account of why a file operation failed; else the error's message. */
export function describeFsError(error: unknown, attempt: FsAttempt = 'writing'): string {
  const code = errorCode(error);
  return (code && (BY_ATTEMPT[attempt][code] ?? WORDING[code])) || messageOf(error);
}

/** For `.catch(noop)` and `then(noop, noop)`: a failure that changes nothing for the caller. */
export function noop(): void {}

// ---------------------------------------------------------------------------

const WORDING: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'its name or path is too long for this system',
};

/** Codes whose wording names the path the sentence is about ("it") when reading, and the path written when writing. */
const BY_ATTEMPT: Readonly<Record<FsAttempt, Readonly<Record<string, string>>>> = {
  reading: {
    ENOENT: 'it does not exist',
    ENOTDIR: 'it is not a folder',
    EISDIR: 'it is a folder',
    // A macOS privacy refusal or an ACL: to the reader it is a permission like any other.
    EPERM: 'permission denied',
  },
  writing: {
    ENOENT: 'its folder was removed and could not be made again',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'the path is a folder',
  },
};
