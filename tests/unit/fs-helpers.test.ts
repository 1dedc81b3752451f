// The small shared helpers of electron/core/fs: error wording, path containment
// and bounded concurrency. Paths are plain strings here: containment is a rule
// about names, and path.relative resolves them without touching the disk.

import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeFsError, errorCode, messageOf } from '../../electron/core/fs/errors';
import { mapLimit } from '../../electron/core/fs/limit';
import { isWithin } from '../../electron/core/fs/paths';

const fsError = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });

describe('describeFsError', () => {
  test('says what common failures mean', () => {
    expect(describeFsError(fsError('ENOSPC'))).toBe('the disk is full');
    expect(describeFsError(fsError('EROFS'))).toBe('the disk is read-only');
    expect(describeFsError(fsError('EBUSY'))).toBe('the file is in use by another program');
    expect(describeFsError(fsError('EIO'), 'reading')).toBe('the disk reported an input/output error');
    expect(describeFsError(new Error('something odd'))).toBe('something odd');
    expect(describeFsError(fsError('EWHATEVER'))).toBe('EWHATEVER: raw system text');
  });

  test('words a missing path by what was being done', () => {
    expect(describeFsError(fsError('ENOENT'), 'reading')).toBe('it does not exist');
    expect(describeFsError(fsError('ENOENT'), 'writing')).toBe('its folder was removed and could not be made again');
    expect(describeFsError(fsError('ENOTDIR'), 'reading')).toBe('it is not a folder');
    expect(describeFsError(fsError('ENOTDIR'))).toBe('a part of the path is a file, not a folder');
  });
});

describe('errorCode and messageOf', () => {
  test('read anything thrown', () => {
    expect(errorCode(fsError('EACCES'))).toBe('EACCES');
    expect(errorCode(new Error('plain'))).toBe('');
    expect(errorCode(null)).toBe('');
    expect(errorCode('ENOENT')).toBe('');
    expect(messageOf(new Error('Ponder: a message.'))).toBe('Ponder: a message.');
    expect(messageOf('a string')).toBe('a string');
    expect(messageOf(42)).toBe('42');
  });
});

describe('isWithin', () => {
  const root = path.resolve('/data/b');

  test('the folder itself is within it, with or without a trailing separator', () => {
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(root + path.sep, root)).toBe(true);
    expect(isWithin(root, root + path.sep)).toBe(true);
  });

  test('anything below it is within it, including names that start with two dots', () => {
    expect(isWithin(root, path.join(root, 'notes'))).toBe(true);
    expect(isWithin(root, path.join(root, 'notes', 'x.md') + path.sep)).toBe(true);
    expect(isWithin(root, path.join(root, '..notes'))).toBe(true);
  });

  test('a sibling that only shares a prefix of the name is not', () => {
    expect(isWithin(root, path.resolve('/data/bc'))).toBe(false);
    expect(isWithin(root, path.resolve('/data/b.old/notes'))).toBe(false);
  });

  test('the parent, and paths that climb out, are not', () => {
    expect(isWithin(root, path.resolve('/data'))).toBe(false);
    expect(isWithin(root, path.join(root, '..', 'c'))).toBe(false);
    expect(isWithin(path.join(root, 'notes'), root)).toBe(false);
  });
});

describe('mapLimit', () => {
  test('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const results = mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return n * 10;
    });
    // Finish the calls in reverse of how they started, as they come in.
    while (releases.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.pop()?.();
    }
    expect(await results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  test('an empty list makes no calls', async () => {
    expect(await mapLimit([], 4, async () => { throw new Error('called'); })).toEqual([]);
  });
});
