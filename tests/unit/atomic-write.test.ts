import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, describe, expect } from 'vitest';
import { copyAside, writeFileAtomic, writeNewFileAtomic } from '../../electron/core/fs/atomic-write';
import { faultyFs } from './helpers/faulty-fs';

const test = base.extend<{ tmpDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

describe('writeFileAtomic', () => {
  test('creates the file and any missing parent folders', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'a', 'b', 'note.md');
    await writeFileAtomic(file, 'hello ✓');
    expect(await readFile(file, 'utf8')).toBe('hello ✓');
  });

  test('replaces an existing file and leaves no temp file', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'note.md');
    await writeFile(file, 'old');
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(tmpDir)).toEqual(['note.md']);
  });

  test('when the parent folder cannot be made (it is a file), fails and changes nothing', async ({ tmpDir }) => {
    const blocker = path.join(tmpDir, 'notes');
    await writeFile(blocker, 'I am a file');
    await expect(writeFileAtomic(path.join(blocker, 'x.md'), 'data')).rejects.toThrow();
    expect(await readFile(blocker, 'utf8')).toBe('I am a file');
    expect(await readdir(tmpDir)).toEqual(['notes']);
  });

  test('when the rename fails (the target is a folder), removes its temp file', async ({ tmpDir }) => {
    const target = path.join(tmpDir, 'note.md');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'kept');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(tmpDir)).toEqual(['note.md']);
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });

  test('when writing the temp file fails, the old file is untouched and the temp file is gone', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'note.md');
    await writeFile(file, 'original');
    // Not a string or bytes: FileHandle.writeFile throws after the temp file was created.
    await expect(writeFileAtomic(file, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('original');
    expect(await readdir(tmpDir)).toEqual(['note.md']);
  });

  test('concurrent writes each land whole', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'note.md');
    const values = Array.from({ length: 30 }, (_, i) => `value ${i} `.repeat(1000));
    await Promise.all(values.map((value) => writeFileAtomic(file, value)));
    expect(values).toContain(await readFile(file, 'utf8'));
    expect(await readdir(tmpDir)).toEqual(['note.md']);
  });
});

describe('writeFileAtomic through a failing file system', () => {
  test.for(['write', 'sync', 'rename'] as const)(
    'a full disk at %s leaves the old file and no temp file',
    async (call, { tmpDir }) => {
      const file = path.join(tmpDir, 'note.md');
      await writeFile(file, 'original');
      await expect(writeFileAtomic(file, 'new', faultyFs({ call, code: 'ENOSPC' }))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(file, 'utf8')).toBe('original');
      expect(await readdir(tmpDir)).toEqual(['note.md']);
    },
  );

  test('makes its folder again when it vanished mid-write, once', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'notes', 'note.md');
    const once = faultyFs({ call: 'rename', code: 'ENOENT', times: 1 });
    await writeFileAtomic(file, 'kept', once);
    expect(once.failures).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('kept');
    expect(await readdir(path.dirname(file))).toEqual(['note.md']);
    await expect(writeFileAtomic(file, 'lost', faultyFs({ call: 'rename', code: 'ENOENT' }))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readFile(file, 'utf8')).toBe('kept');
  });

  test('writeNewFileAtomic never leaves a temp file either', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'copy.md');
    await expect(writeNewFileAtomic(file, 'x', faultyFs({ call: 'sync', code: 'EIO' }))).rejects.toMatchObject({ code: 'EIO' });
    expect(await readdir(tmpDir)).toEqual([]);
  });
});

describe('writeNewFileAtomic', () => {
  test('creates a new file', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'sub', 'copy.md');
    await writeNewFileAtomic(file, 'copy');
    expect(await readFile(file, 'utf8')).toBe('copy');
    expect(await readdir(path.dirname(file))).toEqual(['copy.md']);
  });

  test('never replaces an existing file', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'copy.md');
    await writeFile(file, 'first');
    await expect(writeNewFileAtomic(file, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(tmpDir)).toEqual(['copy.md']);
  });
});

describe('copyAside', () => {
  test('keeps the bytes beside the file under a timestamped name, never clobbering', async ({ tmpDir }) => {
    const file = path.join(tmpDir, '3f1c0a9be2d47a15.md');
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const now = new Date('2026-11-24T21:44:56.123Z');
    const first = await copyAside(file, bytes, { now });
    const second = await copyAside(file, new Uint8Array([1]), { now });
    const conflict = await copyAside(file, bytes, { now, label: 'conflict' });
    expect(path.basename(first)).toBe('3f1c0a9be2d47a15.corrupt-20261124T214456123Z.md');
    expect(path.basename(second)).toBe('3f1c0a9be2d47a15.corrupt-20261124T214456123Z-2.md');
    expect(path.basename(conflict)).toBe('3f1c0a9be2d47a15.conflict-20261124T214456123Z.md');
    expect(new Uint8Array(await readFile(first))).toEqual(bytes);
    expect(new Uint8Array(await readFile(second))).toEqual(new Uint8Array([1]));
  });
});
