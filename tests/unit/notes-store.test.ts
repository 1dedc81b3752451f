import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, test as base, describe, expect, vi } from 'vitest';
import { parseNote } from '../../electron/core/note-format';
import { NotesStore, UnreadableNoteError } from '../../electron/core/notes-store';

const test = base.extend<{ tmpDir: string; store: NotesStore }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  store: async ({ tmpDir }, use) => {
    await use(new NotesStore(tmpDir));
  },
});

const ID = '3f1c0a9be2d47a15';
const OTHER = '00000000000000ab';
const QUESTION = 'What implications will this deployment have for regional stability in Eastern Europe and beyond?';
const SOURCE = '000_f4e10373848a0985.txt';

afterEach(() => {
  vi.useRealTimers();
});

function at(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('NotesStore.save and read', () => {
  test('writes DATA/notes/<id>.md in the FORMATS.md layout', async ({ tmpDir, store }) => {
    at('2026-11-24T21:44:56.000Z');
    const note = await store.save({ id: ID, text: 'My answer, in Markdown.\n', question: QUESTION, source: SOURCE });
    expect(store.notesDir).toBe(path.join(tmpDir, 'notes'));
    expect(await readFile(path.join(tmpDir, 'notes', `${ID}.md`), 'utf8')).toBe(
      `---\nid: ${ID}\nquestion: "${QUESTION}"\nsource: "${SOURCE}"\n` +
        'created: 2026-11-24T21:44:56.000Z\nupdated: 2026-11-24T21:44:56.000Z\n---\nMy answer, in Markdown.\n',
    );
    expect(await store.read(ID)).toEqual(note);
  });

  test('reads null when there is no note', async ({ store }) => {
    expect(await store.read(ID)).toBeNull();
  });

  test('keeps created and moves updated on each save', async ({ store }) => {
    at('2026-11-24T21:44:56.000Z');
    await store.save({ id: ID, text: 'first', question: QUESTION, source: SOURCE });
    at('2026-11-24T21:52:10.000Z');
    const second = await store.save({ id: ID, text: 'second', question: QUESTION, source: SOURCE });
    expect(second).toMatchObject({ created: '2026-11-24T21:44:56.000Z', updated: '2026-11-24T21:52:10.000Z' });
    expect(await new NotesStore(store.notesDir.replace(/notes$/, '')).read(ID)).toEqual(second);
  });

  test('saves an emptied note and keeps the file', async ({ store }) => {
    await store.save({ id: ID, text: 'something', question: QUESTION, source: SOURCE });
    const cleared = await store.save({ id: ID, text: '', question: QUESTION, source: SOURCE });
    expect(cleared.text).toBe('');
    expect(await store.read(ID)).toMatchObject({ text: '', question: QUESTION });
  });

  test('keeps the question and source already in the file when given none (an orphan note)', async ({ store }) => {
    await store.save({ id: ID, text: 'one', question: QUESTION, source: SOURCE });
    const again = await store.save({ id: ID, text: 'two', question: '', source: '' });
    expect(again).toMatchObject({ question: QUESTION, source: SOURCE, text: 'two' });
  });

  test('keeps front-matter keys added by another program', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(
      path.join(store.notesDir, `${ID}.md`),
      `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-01T00:00:00.000Z\ntags: [a, b]\n---\nold`,
    );
    await store.save({ id: ID, text: 'new', question: 'q', source: 's' });
    const text = await readFile(path.join(store.notesDir, `${ID}.md`), 'utf8');
    expect(text).toContain('tags:\n  - a\n  - b\n---\nnew');
    expect(text).toContain('created: 2026-01-01T00:00:00.000Z\n');
  });

  test('refuses an invalid story id', async ({ store }) => {
    for (const id of ['', '3F1C0A9BE2D47A15', '../../etc/passwd', `${ID}0`, 42 as unknown as string]) {
      await expect(store.read(id)).rejects.toThrow(new Error('Ponder: invalid story id'));
      await expect(store.save({ id, text: '', question: '', source: '' })).rejects.toThrow(
        new Error('Ponder: invalid story id'),
      );
    }
    await expect(store.save({ id: ID, text: 5 as unknown as string, question: '', source: '' })).rejects.toThrow(
      new Error("Ponder: a note's text must be text."),
    );
  });

  test('serialises 50 concurrent saves: the last one wins and the file always parses', async ({ store }) => {
    const file = path.join(store.notesDir, `${ID}.md`);
    const saves = Array.from({ length: 50 }, (_, i) =>
      store.save({ id: ID, text: `text ${i}\n`.repeat(200), question: `question ${i}`, source: SOURCE }),
    );
    let done = false;
    const all = Promise.all(saves).finally(() => {
      done = true;
    });
    let reads = 0;
    while (!done) {
      const content = await readFile(file, 'utf8').catch(() => null);
      if (content !== null) {
        expect(parseNote(content, file).ok).toBe(true);
        reads++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const notes = await all;
    expect(reads).toBeGreaterThan(0);
    expect(notes.map((note) => note.question)).toEqual(Array.from({ length: 50 }, (_, i) => `question ${i}`));
    expect(await store.read(ID)).toMatchObject({ text: 'text 49\n'.repeat(200), question: 'question 49' });
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });

  test('a failed save does not block the next one', async ({ store }) => {
    const file = path.join(store.notesDir, `${ID}.md`);
    await mkdir(file, { recursive: true }); // a folder where the note should be
    const failing = store.save({ id: ID, text: 'x', question: 'q', source: 's' });
    const removed = failing.catch(() => rm(file, { recursive: true }));
    const next = removed.then(() => store.save({ id: ID, text: 'y', question: 'q', source: 's' }));
    await expect(failing).rejects.toThrow(
      `Ponder: could not save the note for story ${ID}. ${file}: It could not be read: the path is a folder.`,
    );
    expect((await next).text).toBe('y');
  });

  test('flush waits for pending saves', async ({ store }) => {
    void store.save({ id: ID, text: 'a', question: 'q', source: 's' });
    void store.save({ id: OTHER, text: 'b', question: 'q', source: 's' });
    await store.flush();
    expect(await readdir(store.notesDir)).toHaveLength(2);
  });
});

describe('a note file Ponder cannot read', () => {
  const corrupt = '---\nid: 3f1c0a9be2d47a15\nquestion: "unterminated\n---\nMy precious words.';

  test('read throws a message to show, naming the file and the reason', async ({ store }) => {
    const file = path.join(store.notesDir, `${ID}.md`);
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(file, 'no front matter here');
    const error = await store.read(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableNoteError);
    expect((error as Error).message).toBe(
      `Ponder: the note file ${file} cannot be read. The file does not start with front matter ` +
        '(a line of three dashes, ---). Ponder will not change it; fix or move it.',
    );
  });

  test('save copies it aside with its original bytes before writing', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(path.join(store.notesDir, `${ID}.md`), corrupt);
    at('2026-11-24T21:44:56.000Z');
    await store.save({ id: ID, text: 'new', question: 'q', source: 's' });
    const names = (await readdir(store.notesDir)).sort();
    expect(names).toEqual([`${ID}.corrupt-20261124T214456000Z.md`, `${ID}.md`]);
    expect(await readFile(path.join(store.notesDir, names[0]!), 'utf8')).toBe(corrupt);
    expect(await store.read(ID)).toMatchObject({ text: 'new', created: '2026-11-24T21:44:56.000Z' });
  });

  test('save copies an invalid UTF-8 file aside byte for byte', async ({ store }) => {
    const bytes = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(path.join(store.notesDir, `${ID}.md`), bytes);
    await store.save({ id: ID, text: 'new', question: 'q', source: 's' });
    const aside = (await readdir(store.notesDir)).find((name) => name.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(store.notesDir, aside!))).toEqual(bytes);
  });

  test('save refuses, rather than overwrite, when no copy can be kept', async ({ store }) => {
    const file = path.join(store.notesDir, `${ID}.md`);
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(file, corrupt);
    // Every name a copy could take is already taken.
    for (let i = 1; i <= 100; i++) {
      const suffix = i === 1 ? '' : `-${i}`;
      await writeFile(path.join(store.notesDir, `${ID}.corrupt-20261124T214456000Z${suffix}.md`), '');
    }
    at('2026-11-24T21:44:56.000Z');
    await expect(store.save({ id: ID, text: 'new', question: 'q', source: 's' })).rejects.toThrow(
      `Ponder: could not save the note for story ${ID}: the existing file ${file} is damaged and a copy of it could not be kept`,
    );
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });
});

describe('a note another program changed', () => {
  const external = (text: string) =>
    `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-01T00:00:00.000Z\n---\n${text}`;

  test('is copied aside when it changed after Ponder read it', async ({ store }) => {
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    expect(await store.read(ID)).toMatchObject({ text: 'mine' });
    await writeFile(path.join(store.notesDir, `${ID}.md`), external('edited in vim'));
    at('2026-11-24T21:44:56.000Z');
    await store.save({ id: ID, text: 'mine, later', question: 'q', source: 's' });
    const conflict = path.join(store.notesDir, `${ID}.conflict-20261124T214456000Z.md`);
    expect(await readFile(conflict, 'utf8')).toBe(external('edited in vim'));
    expect(await store.read(ID)).toMatchObject({ text: 'mine, later' });
    expect((await store.list()).notes).toHaveLength(1);
  });

  test('is copied aside when it appeared after Ponder found no note', async ({ store }) => {
    expect(await store.read(ID)).toBeNull();
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(path.join(store.notesDir, `${ID}.md`), external('synced from elsewhere'));
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    const names = await readdir(store.notesDir);
    expect(names.filter((name) => name.includes('.conflict-'))).toHaveLength(1);
  });

  test('is not copied when Ponder saw that very version', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(path.join(store.notesDir, `${ID}.md`), external('by hand'));
    expect(await store.read(ID)).toMatchObject({ text: 'by hand' });
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    await store.save({ id: ID, text: 'mine again', question: 'q', source: 's' });
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });
});

describe('NotesStore.list', () => {
  test('is empty when there is no notes folder', async ({ store }) => {
    expect(await store.list()).toEqual({ notes: [], unreadable: [] });
  });

  test('lists notes by updated, newest first, and reports the unreadable ones', async ({ store }) => {
    at('2026-01-01T00:00:00.000Z');
    await store.save({ id: ID, text: 'old', question: 'q', source: 's' });
    at('2026-02-01T00:00:00.000Z');
    await store.save({ id: OTHER, text: 'new', question: 'q', source: 's' });
    vi.useRealTimers();
    const dir = store.notesDir;
    await writeFile(path.join(dir, 'aaaaaaaaaaaaaaaa.md'), 'not a note');
    await writeFile(path.join(dir, 'bbbbbbbbbbbbbbbb.md'), Buffer.from([0x2d, 0xff, 0xfe]));
    await writeFile(path.join(dir, 'My thoughts.md'), `---\nid: ${ID}\n---\n`);
    // Skipped: other extensions, temp files, copies kept aside, folders.
    await writeFile(path.join(dir, 'readme.txt'), 'x');
    await writeFile(path.join(dir, `.${ID}.md.0123456789ab.tmp`), 'x');
    await writeFile(path.join(dir, `${ID}.corrupt-20260101T000000000Z.md`), 'x');
    await mkdir(path.join(dir, 'folder.md'));

    const { notes, unreadable } = await store.list();
    expect(notes.map((note) => [note.id, note.text])).toEqual([
      [OTHER, 'new'],
      [ID, 'old'],
    ]);
    expect(unreadable).toEqual([
      {
        file: path.join(dir, 'My thoughts.md'),
        reason: 'The file name is not a story id (16 lowercase hex digits and .md).',
      },
      {
        file: path.join(dir, 'aaaaaaaaaaaaaaaa.md'),
        reason: 'The file does not start with front matter (a line of three dashes, ---).',
      },
      { file: path.join(dir, 'bbbbbbbbbbbbbbbb.md'), reason: 'It is not UTF-8 text.' },
      { file: path.join(dir, 'folder.md'), reason: 'The file name is not a story id (16 lowercase hex digits and .md).' },
    ]);
  });

  test('dates a hand-written note without times by its modification time', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    const before = Date.now();
    await writeFile(path.join(store.notesDir, `${ID}.md`), `---\nid: ${ID}\n---\nby hand`);
    const [note] = (await store.list()).notes;
    expect(Date.parse(note!.updated)).toBeGreaterThanOrEqual(before - 1000);
    expect(note!.created).toBe(note!.updated);
  });
});
