// The notes folder listed again and again (every snapshot, count and Show filter asks which
// stories are answered): a listing re-reads only the note files that changed, and never
// serves a stale note — an edit, a same-size edit that restores the mtime, a deletion, a
// new file and a damaged file all show at the next listing. Real files in a temp folder.

import { rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { serializeNote } from '../../electron/core/notes/note-format';
import { NoteListing } from '../../electron/core/notes/note-listing';
import { test } from './helpers/temp-dir';

const id = (n: number) => n.toString(16).padStart(16, '0');

async function writeNote(dir: string, n: number, text: string): Promise<string> {
  const file = path.join(dir, `${id(n)}.md`);
  const at = '2026-11-30T10:00:00.000Z';
  await writeFile(file, serializeNote({ id: id(n), question: `Question ${n}?`, source: 'a.txt', created: at, updated: at, text }));
  return file;
}

const texts = async (listing: NoteListing) => (await listing.list()).notes.map((note) => note.text).sort();

describe('NoteListing', () => {
  test('a second listing reads no file that did not change, and answers the same', async ({ tmpDir }) => {
    for (let n = 1; n <= 5; n++) await writeNote(tmpDir, n, `thought ${n}`);
    const listing = new NoteListing(tmpDir, 0);
    const first = await listing.list();
    expect(listing.reads).toBe(5);
    expect(await listing.list()).toEqual(first);
    expect(listing.reads).toBe(0);
  });

  test('an edit, a same-size edit with its mtime put back, a deletion and a new note all show', async ({ tmpDir }) => {
    const files = [];
    for (let n = 1; n <= 3; n++) files.push(await writeNote(tmpDir, n, `thought ${n}`));
    const listing = new NoteListing(tmpDir, 0);
    await listing.list();

    await writeNote(tmpDir, 1, 'a longer, second thought');
    // Same size, and the mtime restored as some sync tools do: the ctime still tells.
    const { atime, mtime } = await stat(files[1]!);
    await writeNote(tmpDir, 2, 'thought X');
    await utimes(files[1]!, atime, mtime);
    await rm(files[2]!);
    await writeNote(tmpDir, 4, 'a new one');

    expect(await texts(listing)).toEqual(['a longer, second thought', 'a new one', 'thought X']);
    expect(listing.reads).toBe(3);
  });

  test('a damaged note is listed as unreadable, and as a note again once repaired', async ({ tmpDir }) => {
    const file = await writeNote(tmpDir, 1, 'fine');
    const listing = new NoteListing(tmpDir, 0);
    await writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect((await listing.list()).unreadable).toEqual([{ file, reason: 'It is not UTF-8 text.' }]);
    expect((await listing.list()).unreadable).toHaveLength(1);
    await writeNote(tmpDir, 1, 'repaired');
    const repaired = await listing.list();
    expect(repaired.unreadable).toEqual([]);
    expect(repaired.notes.map((note) => note.text)).toEqual(['repaired']);
  });

  test('a file changed within the timestamp resolution is read again at every listing', async ({ tmpDir }) => {
    await writeNote(tmpDir, 1, 'just written');
    const listing = new NoteListing(tmpDir); // the default window: the file is seconds old at most
    await listing.list();
    await listing.list();
    expect(listing.reads).toBe(1);
  });

  test('a missing folder lists nothing', async ({ tmpDir }) => {
    expect(await new NoteListing(path.join(tmpDir, 'none')).list()).toEqual({ notes: [], unreadable: [] });
  });
});
