import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { AppStateStore } from '../../electron/core/data/app-state';
import { resolveDataDir } from '../../electron/core/data/data-dir';
import { LOCATION_FILE } from '../../electron/core/data/layout';
import { moveDataFolder } from '../../electron/core/data/data-folder-move';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { filesUnder } from './helpers/files-under';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';

/** A data folder with a note, a version of it, app state, a cache and a leftover temp file. */
async function dataFolder(dir: string): Promise<void> {
  const store = new NotesStore(dir);
  await store.save({ id: ID, text: 'first', question: 'q', source: 's' });
  await store.save({ id: ID, text: 'second ✓', question: 'q', source: 's' });
  await new AppStateStore(dir).update({ lastLibrary: '/digests' });
  await mkdir(path.join(dir, 'cache'));
  await writeFile(path.join(dir, 'cache', 'index.json'), '{}');
  await writeFile(path.join(dir, 'notes', `.${ID}.md.0123456789ab.tmp`), 'half a note');
}

describe('moveDataFolder', () => {
  test('copies notes, history and state, then points the default folder at the copy', async ({ tmpDir }) => {
    const defaultDir = path.join(tmpDir, 'default');
    const to = path.join(tmpDir, 'Dropbox', 'Ponder');
    await dataFolder(defaultDir);
    const before = await filesUnder(defaultDir);

    await moveDataFolder(defaultDir, to, defaultDir);

    const copied = await filesUnder(to);
    expect(copied).toEqual([
      expect.stringMatching(/^history\/3f1c0a9be2d47a15\/\d{8}T\d{9}Z\.md$/),
      `notes/${ID}.md`,
      'state.json',
    ]);
    for (const file of copied) {
      expect(await readFile(path.join(to, file))).toEqual(await readFile(path.join(defaultDir, file)));
    }
    // The old folder is all there, plus the pointer.
    expect(await filesUnder(defaultDir)).toEqual([...before, LOCATION_FILE].sort());
    expect(JSON.parse(await readFile(path.join(defaultDir, LOCATION_FILE), 'utf8'))).toEqual({ dataDir: to });
    expect(resolveDataDir({ argv: [], env: {}, defaultDir })).toBe(to);
    expect(await new NotesStore(to).load(ID)).toMatchObject({ state: 'ok', note: { text: 'second ✓' } });
    expect((await new NotesStore(to).history(ID)).map((version) => version.text)).toEqual(['first']);
  });

  test('moves again from a moved folder, and into an existing empty folder', async ({ tmpDir }) => {
    const defaultDir = path.join(tmpDir, 'default');
    const first = path.join(tmpDir, 'first');
    const second = path.join(tmpDir, 'second');
    await dataFolder(defaultDir);
    await moveDataFolder(defaultDir, first, defaultDir);
    await mkdir(second);
    await moveDataFolder(first, second, defaultDir);
    expect(resolveDataDir({ argv: [], env: {}, defaultDir })).toBe(second);
    expect(await filesUnder(second)).toEqual(await filesUnder(first));
  });

  test('refuses a folder that is not empty, the same folder, or one inside what it copies', async ({ tmpDir }) => {
    const from = path.join(tmpDir, 'data');
    await dataFolder(from);
    const full = path.join(tmpDir, 'full');
    await mkdir(full);
    await writeFile(path.join(full, 'something.txt'), 'mine');
    const cases: Array<[string, string]> = [
      [full, 'it is not empty. Choose an empty or a new folder.'],
      [from, 'it is already the data folder.'],
      [path.join(from, 'notes', 'x'), `it is inside ${path.join(from, 'notes')}.`],
      [path.join(full, 'something.txt'), 'it is a file, not a folder.'],
    ];
    for (const [to, why] of cases) {
      await expect(moveDataFolder(from, to, from)).rejects.toThrow(`Ponder: could not move the data folder to ${to}: ${why}`);
    }
    expect(await readFile(path.join(full, 'something.txt'), 'utf8')).toBe('mine');
    expect(await filesUnder(from)).not.toContain(LOCATION_FILE);
  });

  // Windows needs a privilege to make symbolic links.
  test.skipIf(process.platform === 'win32')('on a failed copy, removes what it copied and does not switch', async ({ tmpDir }) => {
    const from = path.join(tmpDir, 'data');
    const to = path.join(tmpDir, 'new');
    await dataFolder(from);
    // A symbolic link to itself in history/: copying it fails after notes/ and a version were copied.
    const loop = path.join(from, 'history', 'zz-loop');
    await symlink(loop, loop);
    const before = await filesUnder(from);
    await expect(moveDataFolder(from, to, from)).rejects.toThrow(
      `Ponder: could not move the data folder to ${to}: too many levels of symbolic links. Nothing was changed.`,
    );
    await expect(readdir(to)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await filesUnder(from)).toEqual(before);
    expect(resolveDataDir({ argv: [], env: {}, defaultDir: from })).toBe(from);
  });
});
