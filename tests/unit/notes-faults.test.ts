// What a save does when the disk says no: a full disk, a read-only folder, a
// locked file, a folder removed under Ponder, another program writing the
// same note. Disk faults are injected through the store's file-system seam
// (helpers/faulty-fs.ts); everything else happens for real.

import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path, { sep } from 'node:path';
import { describe, expect } from 'vitest';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { faultyFs, recordingFs } from './helpers/faulty-fs';
import type { Fault } from './helpers/faulty-fs';
import { filesUnder } from './helpers/files-under';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const note = (text: string) => ({ id: ID, text, question: 'q', source: 's' });

/** A data folder whose note holds 'before' (and one version), and a store writing through `fault`. */
async function setUp(tmpDir: string, fault: Fault) {
  const healthy = new NotesStore(tmpDir);
  await healthy.save(note('older'));
  await healthy.save(note('before'));
  const file = healthy.fileFor(ID);
  const bytes = await readFile(file);
  const files = await filesUnder(tmpDir);
  const fs = faultyFs(fault);
  return { store: new NotesStore(tmpDir, { fs }), fs, file, bytes, files };
}

describe('a save the disk refuses', () => {
  test.for<[string, Fault, string]>([
    ['the disk is full while writing', { call: 'write', code: 'ENOSPC' }, 'the disk is full'],
    ['the disk is full at fsync', { call: 'sync', code: 'ENOSPC' }, 'the disk is full'],
    ['the quota is exceeded', { call: 'write', code: 'EDQUOT' }, 'the disk quota is exceeded'],
    ['the disk is read-only', { call: 'open', code: 'EROFS' }, 'the disk is read-only'],
    ['permission is denied', { call: 'open', code: 'EACCES' }, 'permission denied'],
    ['the file is locked by another program', { call: 'rename', code: 'EBUSY' }, 'the file is in use by another program'],
    ['the disk fails', { call: 'sync', code: 'EIO' }, 'the disk reported an input/output error'],
  ])('when %s: rejects naming it; the note, its history and the folder are as they were', async ([, fault, words], { tmpDir }) => {
    const { store, fs, file, bytes, files } = await setUp(tmpDir, { ...fault, path: `notes${path.sep}` });
    await expect(store.save(note('after'))).rejects.toThrow(
      `Ponder: could not save the note for story ${ID} to ${file}: ${words}.`,
    );
    expect(fs.failures).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(bytes);
    // The previous text went to history before the write failed: one more version, and no temp file anywhere.
    const after = await filesUnder(tmpDir);
    expect(after.filter((name) => !files.includes(name))).toEqual([expect.stringMatching(/^history\/3f1c0a9be2d47a15\/\d{8}T\d{9}Z(-\d+)?\.md$/)]);
    expect(after.some((name) => path.basename(name).startsWith('.'))).toBe(false);
  });

  test('when the disk is full while keeping the previous text, the note is not touched', async ({ tmpDir }) => {
    const { store, file, bytes, files } = await setUp(tmpDir, { call: 'write', code: 'ENOSPC', path: 'history' });
    // A first save after start keeps the text it replaces, so it must write history first.
    await expect(store.save(note('after'))).rejects.toThrow(
      `Ponder: could not save the note for story ${ID}: a version of it could not be kept in ` +
        `${path.join(tmpDir, 'history', ID)}: the disk is full.`,
    );
    expect(await readFile(file)).toEqual(bytes);
    expect(await filesUnder(tmpDir)).toEqual(files);
  });

  test('once the disk has room again, the same store saves', async ({ tmpDir }) => {
    const { store } = await setUp(tmpDir, { call: 'write', code: 'ENOSPC', path: `notes${path.sep}`, times: 1 });
    await expect(store.save(note('after'))).rejects.toThrow('the disk is full');
    expect(await store.save(note('after'))).toMatchObject({ status: 'saved', note: { text: 'after' } });
    expect(await store.load(ID)).toMatchObject({ state: 'ok', note: { text: 'after' } });
  });

  test.skipIf(process.getuid?.() === 0)('a folder that is really read-only', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await store.save(note('before'));
    await chmod(store.notesDir, 0o555);
    try {
      await expect(store.save(note('after'))).rejects.toThrow(/: permission denied\.$/);
    } finally {
      await chmod(store.notesDir, 0o755);
    }
    expect(await store.load(ID)).toMatchObject({ state: 'ok', note: { text: 'before' } });
  });
});

describe('the notes folder removed while Ponder runs', () => {
  test('the next save makes it again and succeeds; the text Ponder had is kept in history', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    const first = await store.save(note('one'));
    await rm(store.notesDir, { recursive: true, force: true });
    const second = await store.save({ ...note('two'), baseRevision: first.status === 'saved' ? first.note.revision : '' });
    expect(second).toMatchObject({ status: 'saved', note: { text: 'two' } });
    expect(await store.load(ID)).toMatchObject({ state: 'ok', note: { text: 'two' } });
    expect((await store.history(ID)).map((version) => [version.reason, version.text])).toEqual([['external', 'one']]);
  });

  test('with its history folder too', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await store.save(note('one'));
    await store.save(note('two'));
    await rm(store.notesDir, { recursive: true, force: true });
    await rm(store.historyDir, { recursive: true, force: true });
    expect(await store.save(note('three'))).toMatchObject({ status: 'saved' });
    expect(await store.load(ID)).toMatchObject({ state: 'ok', note: { text: 'three' } });
  });

  test('when it vanishes at the moment of writing, the write makes it again once', async ({ tmpDir }) => {
    const fs = faultyFs({ call: 'open', code: 'ENOENT', path: `notes${path.sep}.`, times: 1 });
    const store = new NotesStore(tmpDir, { fs });
    expect(await store.save(note('one'))).toMatchObject({ status: 'saved' });
    expect(fs.failures).toBe(1);
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });

  test('when it cannot be made, the message says so', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir, { fs: faultyFs({ call: 'open', code: 'ENOENT', path: `notes${path.sep}.` }) });
    await expect(store.save(note('one'))).rejects.toThrow(
      `Ponder: could not save the note for story ${ID} to ${store.fileFor(ID)}: its folder was removed and could not be made again.`,
    );
  });
});

describe('another program writing the same note', () => {
  test('a write between load and save makes the save a conflict; both texts stay on disk', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await store.save(note('the start'));
    const load = await store.load(ID);
    const base = load.state === 'ok' ? load.note.revision : '';
    // Syncthing brings another device's edit.
    const theirs =
      `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\n` +
      'updated: 2026-01-02T00:00:00.000Z\n---\nwritten on the laptop';
    await writeFile(store.fileFor(ID), theirs);
    const result = await store.save({ ...note('written here'), baseRevision: base });
    expect(result).toMatchObject({ status: 'conflict', disk: { state: 'ok', note: { text: 'written on the laptop' } } });
    expect(await readFile(store.fileFor(ID), 'utf8')).toBe(theirs);
    const texts = (await store.history(ID)).map((version) => version.text);
    expect(texts).toContain('written here');
    expect(texts).toContain('the start');
  });

  test('a write racing a save in flight leaves one whole note, and no text is lost', async ({ tmpDir }) => {
    const written: string[] = [];
    // Another program writes the note at the worst moments: just before each rename or link of a save.
    const fs = recordingFs(async (call) => {
      if ((call.call !== 'rename' && call.call !== 'link') || !call.path.includes(`${sep}notes${sep}`)) return;
      const text = `theirs ${written.length}`;
      written.push(text);
      await writeFile(store.fileFor(ID), theirsNote(text));
    });
    const store = new NotesStore(tmpDir, { fs });
    await store.save(note('the start'));
    const results = [];
    for (let i = 0; i < 20; i++) {
      // Each save is based on what the reader last loaded, as the editor's are.
      const load = await store.load(ID);
      results.push(await store.save({ ...note(`mine ${i}`), baseRevision: load.state === 'ok' ? load.note.revision : null }));
    }
    expect(results.every((result) => result.status === 'conflict')).toBe(true);
    // The note is whole, and every text — ours, and each one the other program wrote — is on disk or in history.
    const load = await store.load(ID);
    expect(load).toMatchObject({ state: 'ok', note: { text: expect.stringMatching(/^(mine|theirs) \d+$/) } });
    const kept = new Set([load.state === 'ok' ? load.note.text : '', ...(await store.history(ID)).map((version) => version.text)]);
    expect(written.length).toBeGreaterThan(20);
    for (const text of ['the start', ...written, ...Array.from({ length: 20 }, (_, i) => `mine ${i}`)]) expect(kept).toContain(text);
    expect((await store.list()).unreadable).toEqual([]);
  });
});

/** A whole note file, as another program would write it. */
function theirsNote(text: string): string {
  return `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-02T00:00:00.000Z\n---\n${text}`;
}

describe('a corrupt note', () => {
  test('is never overwritten: its bytes are kept aside before the first save', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await mkdir(store.notesDir, { recursive: true });
    const original = Buffer.from(`---\nid: ${ID}\nquestion: [broken\n---\nmy words \xff`, 'latin1');
    await writeFile(store.fileFor(ID), original);
    const load = await store.load(ID);
    expect(load).toMatchObject({ state: 'unreadable', recoveredText: 'my words \uFFFD' });
    await store.save({ ...note('my words, rescued'), baseRevision: load.state === 'unreadable' ? load.revision : '' });
    const asides = (await readdir(store.notesDir)).filter((name) => name.startsWith(`${ID}.corrupt-`));
    expect(asides).toHaveLength(1);
    expect(await readFile(path.join(store.notesDir, asides[0]!))).toEqual(original);
    expect(await store.load(ID)).toMatchObject({ state: 'ok', note: { text: 'my words, rescued' } });
  });

  test('when the copy aside cannot be written, the note is not saved and the file is kept', async ({ tmpDir }) => {
    const fs = faultyFs({ call: 'write', code: 'ENOSPC', path: '.corrupt-' });
    const store = new NotesStore(tmpDir, { fs });
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(store.fileFor(ID), 'no front matter');
    await expect(store.save(note('new'))).rejects.toThrow(/is damaged and a copy of it could not be kept \(the disk is full\)/);
    expect(await readFile(store.fileFor(ID), 'utf8')).toBe('no front matter');
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });
});
