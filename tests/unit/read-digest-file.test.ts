import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { MAX_DIGEST_FILE_BYTES, readDigestFile } from '../../electron/core/library/read-digest-file';
import { test } from './helpers/temp-dir';

const SAMPLE_FILE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));
const isWindows = process.platform === 'win32';

const TOO_LARGE = /^This file is 64\.0 MB, over Ponder's limit of 64 MB for one digest file, so it was skipped\. Split it/;

/** A file of `size` bytes that takes no disk: a hole, made by truncate. */
async function sparseFile(file: string, size: number): Promise<void> {
  await writeFile(file, '');
  await truncate(file, size);
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('readDigestFile', () => {
  test('reads a regular file, with the size and mtime of what it opened', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'a.txt');
    await writeFile(file, 'one\ntwo\n');
    const read = await readDigestFile(file);
    expect(read.status).toBe('read');
    if (read.status !== 'read') return;
    expect(Buffer.from(read.bytes).toString()).toBe('one\ntwo\n');
    expect(read.size).toBe(8);
    expect(await readDigestFile(file, (size, mtimeMs) => size === read.size && mtimeMs === read.mtimeMs)).toEqual({
      status: 'unchanged',
      size: 8,
      mtimeMs: read.mtimeMs,
    });
  });

  test('a file over 64 MB is skipped with a diagnostic naming the limit, without being read', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'huge.txt');
    await sparseFile(file, MAX_DIGEST_FILE_BYTES + 1);
    const read = await readDigestFile(file);
    expect(read).toMatchObject({ status: 'skipped', size: MAX_DIGEST_FILE_BYTES + 1 });
    expect(read.status === 'skipped' && read.reason).toMatch(TOO_LARGE);
  });

  test('a file of exactly 64 MB is read', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'limit.txt');
    await sparseFile(file, MAX_DIGEST_FILE_BYTES);
    const read = await readDigestFile(file);
    expect(read.status === 'read' && read.bytes.length).toBe(MAX_DIGEST_FILE_BYTES);
  });

  test.skipIf(isWindows)('a FIFO is refused at open, without waiting for a writer', async ({ tmpDir }) => {
    const fifo = path.join(tmpDir, 'pipe.txt');
    mkfifo(fifo);
    // Before the check at open, this read waited for a writer for ever (the test timed out).
    expect(await readDigestFile(fifo)).toEqual({
      status: 'skipped',
      size: 0,
      mtimeMs: expect.any(Number),
      reason:
        'This is a pipe (FIFO), not a regular file, so it was not read. Only plain text files are digests; remove it from the library folder or rename it.',
    });
  });

  test('a folder in the place of a file is refused, and a missing file is explained', async ({ tmpDir }) => {
    await mkdir(path.join(tmpDir, 'dir.txt'));
    const folder = await readDigestFile(path.join(tmpDir, 'dir.txt'));
    expect(folder.status === 'skipped' && folder.reason).toMatch(/^This is a folder, not a regular file/);
    expect(await readDigestFile(path.join(tmpDir, 'gone.txt'))).toEqual({
      status: 'skipped',
      size: -1,
      mtimeMs: -1,
      reason: 'This file could not be read (it does not exist), so its stories were skipped. Check that it still exists.',
    });
  });
});

describe('loadLibrary with oversized and odd files', () => {
  test('a 64 MB+ file and a FIFO are reported; the sample still loads, quickly', async ({ tmpDir }) => {
    await copyFile(SAMPLE_FILE, path.join(tmpDir, 'sample.txt'));
    await sparseFile(path.join(tmpDir, 'huge.txt'), MAX_DIGEST_FILE_BYTES + 1);
    if (!isWindows) mkfifo(path.join(tmpDir, 'pipe.txt'));
    const started = performance.now();
    const library = await loadLibrary(tmpDir, { topics: false });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(library.stories).toHaveLength(26);
    expect(library.diagnostics).toEqual([{ file: 'huge.txt', line: 0, reason: expect.stringMatching(TOO_LARGE) }]);

    // A reload does not read the big file again, and still reports it.
    const again = await loadLibrary(tmpDir, { topics: false, reuse: library.files });
    expect(again.files.get('huge.txt')).toBe(library.files.get('huge.txt'));
    expect(again.diagnostics).toEqual(library.diagnostics);
  });

  test.skipIf(process.platform !== 'linux')('a path too long for the system is reported without blaming permissions', async ({ tmpDir }) => {
    // Folders whose full path nears PATH_MAX (4096 bytes on Linux), made with
    // relative steps, which have no such limit. Node's rm cannot remove them: rm -rf can.
    const name = (length: number): string => 'd'.repeat(length);
    const depth = Math.floor((3_900 - tmpDir.length) / 201);
    const last = 3_900 - tmpDir.length - depth * 201 - 1;
    const steps = [...Array.from({ length: depth }, () => name(200)), name(last)];
    const script = `for d in ${steps.join(' ')}; do mkdir "$d" && cd "$d" || exit 1; done; echo x > "${'f'.repeat(200)}.txt"; mkdir "${name(250)}"`;
    execFileSync('sh', ['-c', script], { cwd: tmpDir });
    await copyFile(SAMPLE_FILE, path.join(tmpDir, 'sample.txt'));
    try {
      const library = await loadLibrary(tmpDir, { topics: false });
      expect(library.stories).toHaveLength(26);
      const reasons = library.diagnostics.map((d) => d.reason);
      expect(reasons).toEqual([
        'This folder could not be read (its name or path is too long for this system), so its files were skipped. Give it, or the folders it is in, a shorter name.',
        'This file could not be read (its name or path is too long for this system), so its stories were skipped. Give it, or the folders it is in, a shorter name.',
      ]);
    } finally {
      execFileSync('rm', ['-rf', steps[0]!], { cwd: tmpDir });
    }
  });
});
