import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, describe, expect } from 'vitest';
import { compareNatural, listDigestFiles } from '../../electron/core/library/scan';

const MESSY = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));
const isRoot = process.getuid?.() === 0;

const test = base.extend<{ tmpDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-'));
    await use(dir);
    await chmod(dir, 0o700).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  },
});

/** Create files (and their folders) under `root`. */
async function files(root: string, names: string[]): Promise<void> {
  for (const name of names) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), 'x');
  }
}

describe('listDigestFiles', () => {
  test('lists *.txt in natural order, folders grouped, with / separators', async ({ tmpDir }) => {
    await files(tmpDir, ['10.txt', '2.txt', '1.txt', 'b/10.txt', 'b/9.txt', 'a/1.txt', 'c.txt', 'B2.txt', 'x/y/z.txt']);
    const { files: listed, diagnostics } = await listDigestFiles(tmpDir);
    expect(diagnostics).toEqual([]);
    expect(listed).toEqual(['1.txt', '2.txt', '10.txt', 'a/1.txt', 'b/9.txt', 'b/10.txt', 'B2.txt', 'c.txt', 'x/y/z.txt']);
  });

  test('matches the extension case-insensitively and ignores other files', async ({ tmpDir }) => {
    await files(tmpDir, ['a.TXT', 'b.Txt', 'c.md', 'd.txt.bak', 'txt', 'e.text']);
    await mkdir(path.join(tmpDir, 'folder.txt'));
    expect((await listDigestFiles(tmpDir)).files).toEqual(['a.TXT', 'b.Txt']);
  });

  test('skips hidden files and folders', async ({ tmpDir }) => {
    await files(tmpDir, ['.hidden.txt', '.git/x.txt', 'ok/.swap.txt', 'ok/1.txt']);
    expect((await listDigestFiles(tmpDir)).files).toEqual(['ok/1.txt']);
  });

  test('follows a link to a folder inside the library once, and a loop does not hang', async ({ tmpDir }) => {
    await files(tmpDir, ['a/1.txt', '.stash/2.txt']);
    await symlink(tmpDir, path.join(tmpDir, 'a', 'loop')); // a/loop → the library itself
    await symlink(path.join(tmpDir, 'a'), path.join(tmpDir, 'again')); // a second path to a/
    await symlink(path.join(tmpDir, '.stash'), path.join(tmpDir, 'stash')); // a visible name for a hidden folder
    await symlink(path.join(tmpDir, 'a', '1.txt'), path.join(tmpDir, 'same.txt')); // a file already listed
    const { files: listed, diagnostics } = await listDigestFiles(tmpDir);
    expect(listed).toEqual(['a/1.txt', 'stash/2.txt']);
    expect(diagnostics).toEqual([]);
  });

  test('a link leading outside the library is not read, and is reported', async ({ tmpDir }) => {
    const library = path.join(tmpDir, 'library');
    const outside = path.join(tmpDir, 'outside');
    await files(tmpDir, ['library/1.txt', 'outside/secret.txt', 'outside/dir/secret.txt']);
    await symlink(path.join(outside, 'secret.txt'), path.join(library, 'linked.txt'));
    await symlink(path.join(outside, 'dir'), path.join(library, 'linked-dir'));
    const { files: listed, diagnostics } = await listDigestFiles(library);
    expect(listed).toEqual(['1.txt']);
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([
      ['linked-dir', 0],
      ['linked.txt', 0],
    ]);
    expect(diagnostics[0]!.reason).toMatch(/^This link leads outside the library folder \(to ".*dir"\), so it was not read\./);
  });

  test('links to "/" and to the library\'s parent are reported, not walked', async ({ tmpDir }) => {
    const library = path.join(tmpDir, 'library');
    await files(tmpDir, ['library/1.txt', 'beside.txt']);
    await symlink('/', path.join(library, 'root'));
    await symlink(tmpDir, path.join(library, 'up')); // leads out, and back in through library/
    const { files: listed, diagnostics } = await listDigestFiles(library);
    expect(listed).toEqual(['1.txt']);
    expect(diagnostics.map((d) => d.file)).toEqual(['root', 'up']);
    expect(diagnostics[0]!.reason).toContain('leads outside the library folder (to "/")');
  });

  test('a broken link named *.txt is reported; other files still load', async ({ tmpDir }) => {
    await files(tmpDir, ['1.txt']);
    await symlink(path.join(tmpDir, 'gone.txt'), path.join(tmpDir, 'broken.txt'));
    const { files: listed, diagnostics } = await listDigestFiles(tmpDir);
    expect(listed).toEqual(['1.txt']);
    expect(diagnostics).toEqual([
      { file: 'broken.txt', line: 0, reason: 'This link could not be followed (it does not exist), so it was skipped.' },
    ]);
  });

  test('a library opened through a link is read, and its own links judged by where it really is', async ({ tmpDir }) => {
    await files(tmpDir, ['real/1.txt']);
    await symlink(path.join(tmpDir, 'real'), path.join(tmpDir, 'alias'));
    await symlink(path.join(tmpDir, 'real', '1.txt'), path.join(tmpDir, 'real', 'again.txt'));
    expect((await listDigestFiles(path.join(tmpDir, 'alias'))).files).toEqual(['1.txt']);
  });

  test.skipIf(isRoot)('an unreadable subfolder is reported and the rest loads', async ({ tmpDir }) => {
    await files(tmpDir, ['1.txt', 'locked/2.txt']);
    await chmod(path.join(tmpDir, 'locked'), 0o000);
    try {
      const { files: listed, diagnostics } = await listDigestFiles(tmpDir);
      expect(listed).toEqual(['1.txt']);
      expect(diagnostics).toEqual([
        {
          file: 'locked',
          line: 0,
          reason: 'This folder could not be read (permission denied), so its files were skipped. Check its permissions.',
        },
      ]);
    } finally {
      await chmod(path.join(tmpDir, 'locked'), 0o700);
    }
  });

  test('a missing folder, or a file, cannot be opened', async ({ tmpDir }) => {
    const missing = path.join(tmpDir, 'nope');
    await expect(listDigestFiles(missing)).rejects.toThrow(`Ponder: cannot open library folder "${missing}": it does not exist.`);
    await files(tmpDir, ['file.txt']);
    const file = path.join(tmpDir, 'file.txt');
    await expect(listDigestFiles(file)).rejects.toThrow(`Ponder: cannot open library folder "${file}": it is not a folder.`);
  });

  test('the messy fixture library lists as the e2e suite expects', async () => {
    const { files: listed, diagnostics } = await listDigestFiles(MESSY);
    expect(diagnostics).toEqual([]);
    expect(listed).toEqual([
      '1.txt',
      '2-missing-line.txt',
      '3-crlf-bom.txt',
      '4-blank-lines.txt',
      '5-leftover.txt',
      '6-latin1.txt',
      '7-binary.txt',
      '8-empty.txt',
      '9-international.txt',
      '10-html.txt',
      '11-duplicate.txt',
      '12-cr-only.txt',
      '13-utf16.txt',
      '14-extra-line.txt',
      '15-long-line.txt',
      'sub/2.txt',
      'sub/10.txt',
      'UPPER.TXT',
    ]);
  });
});

describe('compareNatural', () => {
  test('orders numbers by value and paths segment by segment', () => {
    const paths = ['b/1.txt', 'a10.txt', 'a2.txt', 'a/z.txt', 'A1.txt', 'a1.txt'];
    expect([...paths].sort(compareNatural)).toEqual(['a/z.txt', 'A1.txt', 'a1.txt', 'a2.txt', 'a10.txt', 'b/1.txt']);
  });
});
