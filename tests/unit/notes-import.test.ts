import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { serializeNote } from '../../electron/core/notes/note-format';
import { exportJson } from '../../electron/core/notes/notes-export';
import { importNotes } from '../../electron/core/notes/notes-import';
import { NotesStore } from '../../electron/core/notes/notes-store';
import type { Note } from '../../electron/core/types';
import { test } from './helpers/temp-dir';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';

function note(id: string, text: string, updated = '2026-11-24T21:44:56.000Z', extra: Partial<Note> = {}): Note {
  return { id, question: `Question ${id}?`, source: `${id}.txt`, created: '2026-11-01T08:00:00.000Z', updated, text, ...extra };
}

/** Put notes in a store with their own times (as if written by another Ponder). */
async function seed(store: NotesStore, notes: Note[]): Promise<void> {
  for (const entry of notes) await store.importNote(entry);
}

async function writeExport(file: string, notes: Note[]): Promise<string> {
  await writeFile(file, exportJson(notes));
  return file;
}

describe('importNotes', () => {
  test('round trip: export JSON, import into an empty data folder, every note identical', async ({ tmpDir }) => {
    const notes = [
      note(A, 'Plain answer.\n'),
      note(B, '', '2026-11-25T10:00:00.123Z', { question: 'Quotes " and \\ backslashes, ünïcödé, 日本語 — and a\nnewline?' }),
      note(C, '---\nA body with a rule\n---\n\n# and a heading\r\nand CRLF\r\n', '2026-12-01T00:00:00.000Z', {
        source: 'sub/folder/00_x.txt',
        question: '',
      }),
    ];
    const from = new NotesStore(path.join(tmpDir, 'from'));
    await seed(from, notes);
    const exported = (await from.list()).notes;
    const file = path.join(tmpDir, 'notes.json');
    await writeFile(file, exportJson(exported));

    const into = new NotesStore(path.join(tmpDir, 'into'));
    expect(await importNotes(into, file)).toEqual({ added: 3, updated: 0, unchanged: 0, problems: [] });
    const strip = ({ id, question, source, created, updated, text }: Note) => ({ id, question, source, created, updated, text });
    const imported = (await into.list()).notes.map(strip).sort((x, y) => x.id.localeCompare(y.id));
    expect(imported).toEqual(exported.map(strip).sort((x, y) => x.id.localeCompare(y.id)));
    // The texts exactly as written, apart from the line endings a note file normalises.
    expect(imported.map((entry) => entry.text)).toEqual(notes.map((entry) => entry.text.replace(/\r\n/g, '\n')));
    // The same files, line endings aside.
    for (const entry of exported) {
      const original = (await readFile(from.fileFor(entry.id), 'utf8')).replace(/\r\n/g, '\n');
      expect(await readFile(into.fileFor(entry.id), 'utf8')).toBe(original);
    }
  });

  test('merges by id: new added, same text unchanged, other text newest wins and the other goes to history', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await seed(store, [
      note(A, 'same'),
      note(B, 'older here', '2026-11-01T00:00:00.000Z'),
      note(C, 'newer here', '2026-12-01T00:00:00.000Z'),
    ]);
    const file = await writeExport(path.join(tmpDir, 'in.json'), [
      note(A, 'same', '2026-11-30T00:00:00.000Z'),
      note(B, 'newer there', '2026-11-15T00:00:00.000Z'),
      note(C, 'older there', '2026-11-15T00:00:00.000Z'),
      note('dddddddddddddddd', 'only there'),
    ]);
    expect(await importNotes(store, file)).toEqual({ added: 1, updated: 2, unchanged: 1, problems: [] });
    const texts = Object.fromEntries((await store.list()).notes.map((entry) => [entry.id, entry.text]));
    expect(texts).toEqual({ [A]: 'same', [B]: 'newer there', [C]: 'newer here', dddddddddddddddd: 'only there' });
    expect(await store.load(B)).toMatchObject({ state: 'ok', note: { updated: '2026-11-15T00:00:00.000Z' } });
    expect((await store.history(B)).map((version) => [version.reason, version.text])).toEqual([['import', 'older here']]);
    expect((await store.history(C)).map((version) => [version.reason, version.text])).toEqual([['import', 'older there']]);
    expect(await store.history(A)).toEqual([]);

    // Importing the same file again changes nothing.
    expect(await importNotes(store, file)).toEqual({ added: 0, updated: 0, unchanged: 4, problems: [] });
    expect(await readdir(path.join(tmpDir, 'history', C))).toHaveLength(1);
  });

  test('imports a folder of note files, or a data folder, and reports the files it cannot read', async ({ tmpDir }) => {
    const folder = path.join(tmpDir, 'backup');
    await mkdir(folder);
    await writeFile(path.join(folder, `${A}.md`), serializeNote(note(A, 'from a file')));
    await writeFile(path.join(folder, 'renamed by hand.md'), serializeNote(note(B, 'named freely')));
    await writeFile(path.join(folder, `${C}.md`), 'no front matter');
    await writeFile(path.join(folder, 'bad.md'), Buffer.from([0x2d, 0xff]));
    // Not notes: skipped without a word.
    await writeFile(path.join(folder, `${A}.corrupt-20260101T000000000Z.md`), 'x');
    await writeFile(path.join(folder, `.${A}.md.0123456789ab.tmp`), 'x');
    await writeFile(path.join(folder, 'readme.txt'), 'x');

    const store = new NotesStore(path.join(tmpDir, 'data'));
    const report = await importNotes(store, folder);
    expect(report).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      problems: [
        `${path.join(folder, 'bad.md')}: It is not UTF-8 text.`,
        `${path.join(folder, `${C}.md`)}: The file does not start with front matter (a line of three dashes, ---).`,
      ],
    });
    expect((await store.list()).notes.map((entry) => entry.text).sort()).toEqual(['from a file', 'named freely']);

    // Another data folder: its notes/ are read; the same notes again are unchanged.
    const other = new NotesStore(path.join(tmpDir, 'other'));
    await seed(other, [note(A, 'from a file')]);
    expect(await importNotes(store, path.join(tmpDir, 'other'))).toEqual({ added: 0, updated: 0, unchanged: 1, problems: [] });
    // One note file.
    expect(await importNotes(store, path.join(folder, `${A}.md`))).toMatchObject({ unchanged: 1 });
  });

  test('reports export entries that are not notes, and imports the rest', async ({ tmpDir }) => {
    const file = path.join(tmpDir, 'in.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'ponder-notes',
        version: 1,
        exportedAt: '2026-11-30T00:00:00.000Z',
        notes: [
          { id: A, text: 'no times, no question' },
          { id: 'nope', text: 'x' },
          { id: B },
          'a string',
          { id: C, text: 'x', question: 42 },
        ],
      }),
    );
    const store = new NotesStore(path.join(tmpDir, 'data'));
    expect(await importNotes(store, file)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      problems: [
        `${file}, note 2: The id "nope" is not a story id (16 lowercase hex digits).`,
        `${file}, note 3: The note ${B} has no text.`,
        `${file}, note 4: It is not an object with the fields of a note.`,
        `${file}, note 5: The note ${C} has a question or source that is not text.`,
      ],
    });
    expect(await store.load(A)).toMatchObject({
      state: 'ok',
      note: { question: '', source: '', created: '2026-11-30T00:00:00.000Z', updated: '2026-11-30T00:00:00.000Z' },
    });
  });

  test('refuses what is not an export, naming it', async ({ tmpDir }) => {
    const store = new NotesStore(path.join(tmpDir, 'data'));
    const other = path.join(tmpDir, 'package.json');
    await writeFile(other, '{"name": "not notes"}');
    await expect(importNotes(store, other)).rejects.toThrow(
      `Ponder: ${other} is not a Ponder notes export (a JSON file with "format": "ponder-notes"), a note file (.md) or a folder of note files.`,
    );
    const newer = path.join(tmpDir, 'newer.json');
    await writeFile(newer, '{"format": "ponder-notes", "version": 2, "notes": []}');
    await expect(importNotes(store, newer)).rejects.toThrow('which this Ponder cannot read; update Ponder.');
    const missing = path.join(tmpDir, 'missing.json');
    await expect(importNotes(store, missing)).rejects.toThrow(`Ponder: cannot import notes from ${missing}: `);
  });
});
