import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, vi } from 'vitest';
import { parseNote } from '../../electron/core/notes/note-format';
import { NotesStore } from '../../electron/core/notes/notes-store';
import type { SaveNoteInput } from '../../electron/core/notes/notes-store';
import type { NoteLoad, NoteView, SaveNoteResult } from '../../electron/core/types';
import { test as tmpTest } from './helpers/temp-dir';

const test = tmpTest.extend<{ store: NotesStore }>({
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

/** Save and expect it to be saved; the saved note. */
async function saved(store: NotesStore, input: Partial<SaveNoteInput> & { text: string }): Promise<NoteView> {
  const result = await store.save({ id: ID, question: 'q', source: 's', ...input });
  if (result.status !== 'saved') throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result.note;
}

async function loadOk(store: NotesStore, id = ID): Promise<NoteView> {
  const load = await store.load(id);
  if (load.state !== 'ok') throw new Error(`expected a note, got ${JSON.stringify(load)}`);
  return load.note;
}

const external = (text: string, updated = '2026-01-01T00:00:00.000Z') =>
  `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: ${updated}\n---\n${text}`;

const sha16 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

describe('NotesStore.save and load', () => {
  test('writes DATA/notes/<id>.md in the FORMATS.md layout and answers with its revision', async ({ tmpDir, store }) => {
    at('2026-11-24T21:44:56.000Z');
    const result = await store.save({ id: ID, text: 'My answer, in Markdown.\n', question: QUESTION, source: SOURCE });
    const file = path.join(tmpDir, 'notes', `${ID}.md`);
    const content =
      `---\nid: ${ID}\nquestion: "${QUESTION}"\nsource: "${SOURCE}"\n` +
      'created: 2026-11-24T21:44:56.000Z\nupdated: 2026-11-24T21:44:56.000Z\n---\nMy answer, in Markdown.\n';
    expect(store.notesDir).toBe(path.join(tmpDir, 'notes'));
    expect(await readFile(file, 'utf8')).toBe(content);
    const note: NoteView = {
      id: ID,
      question: QUESTION,
      source: SOURCE,
      created: '2026-11-24T21:44:56.000Z',
      updated: '2026-11-24T21:44:56.000Z',
      text: 'My answer, in Markdown.\n',
      revision: sha16(content),
    };
    expect(result).toEqual<SaveNoteResult>({ status: 'saved', note });
    expect(await store.load(ID)).toEqual<NoteLoad>({ state: 'ok', note });
  });

  test('loads "missing" when there is no note', async ({ store }) => {
    expect(await store.load(ID)).toEqual({ state: 'missing' });
  });

  test('keeps created and moves updated on each save', async ({ tmpDir, store }) => {
    at('2026-11-24T21:44:56.000Z');
    await saved(store, { text: 'first' });
    at('2026-11-24T21:52:10.000Z');
    const second = await saved(store, { text: 'second' });
    expect(second).toMatchObject({ created: '2026-11-24T21:44:56.000Z', updated: '2026-11-24T21:52:10.000Z' });
    expect(await loadOk(new NotesStore(tmpDir))).toEqual(second);
  });

  test('saves an emptied note and keeps the file', async ({ store }) => {
    await saved(store, { text: 'something' });
    expect((await saved(store, { text: '' })).text).toBe('');
    expect(await loadOk(store)).toMatchObject({ text: '', question: 'q' });
  });

  test('keeps the question and source already in the file when given none (an orphan note)', async ({ store }) => {
    await saved(store, { text: 'one', question: QUESTION, source: SOURCE });
    expect(await saved(store, { text: 'two', question: '', source: '' })).toMatchObject({
      question: QUESTION,
      source: SOURCE,
      text: 'two',
    });
  });

  test('keeps front-matter keys added by another program', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(
      path.join(store.notesDir, `${ID}.md`),
      `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-01T00:00:00.000Z\ntags: [a, b]\n---\nold`,
    );
    await saved(store, { text: 'new' });
    const text = await readFile(path.join(store.notesDir, `${ID}.md`), 'utf8');
    expect(text).toContain('tags:\n  - a\n  - b\n---\nnew');
    expect(text).toContain('created: 2026-01-01T00:00:00.000Z\n');
  });

  test('refuses an invalid story id, text or base revision', async ({ store }) => {
    const invalid = new Error('Ponder: invalid story id');
    for (const id of ['', '3F1C0A9BE2D47A15', '../../etc/passwd', `${ID}0`, 42 as unknown as string]) {
      await expect(store.load(id)).rejects.toThrow(invalid);
      await expect(store.save({ id, text: '', question: '', source: '' })).rejects.toThrow(invalid);
      await expect(store.history(id)).rejects.toThrow(invalid);
      await expect(store.restore(id, '20260101T000000000Z')).rejects.toThrow(invalid);
    }
    await expect(store.save({ id: ID, text: 5 as unknown as string, question: '', source: '' })).rejects.toThrow(
      new Error("Ponder: a note's text must be text."),
    );
    await expect(
      store.save({ id: ID, text: '', question: '', source: '', baseRevision: 7 as unknown as string }),
    ).rejects.toThrow(new Error("Ponder: a note's base revision must be text or null."));
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
    const results = await all;
    expect(reads).toBeGreaterThan(0);
    expect(results.map((result) => result.status === 'saved' && result.note.question)).toEqual(
      Array.from({ length: 50 }, (_, i) => `question ${i}`),
    );
    expect(await loadOk(store)).toMatchObject({ text: 'text 49\n'.repeat(200), question: 'question 49' });
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });

  test('a failed save does not block the next one', async ({ store }) => {
    const file = path.join(store.notesDir, `${ID}.md`);
    await mkdir(file, { recursive: true }); // a folder where the note should be
    const failing = store.save({ id: ID, text: 'x', question: 'q', source: 's' });
    const removed = failing.catch(() => rm(file, { recursive: true }));
    const next = removed.then(() => saved(store, { text: 'y' }));
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

  async function plant(store: NotesStore, content: string | Uint8Array): Promise<string> {
    await mkdir(store.notesDir, { recursive: true });
    const file = path.join(store.notesDir, `${ID}.md`);
    await writeFile(file, content);
    return file;
  }

  test('loads as unreadable: file, reason, the text recovered, and a revision', async ({ store }) => {
    const file = await plant(store, corrupt);
    const load = await store.load(ID);
    expect(load).toEqual({
      state: 'unreadable',
      file,
      reason: expect.stringMatching(/^The front matter is not valid YAML: /),
      recoveredText: 'My precious words.',
      revision: sha16(corrupt),
    });
  });

  test.for<[string, string, string]>([
    ['no front matter', 'just my words\nover two lines', 'just my words\nover two lines'],
    ['an unclosed front matter', `---\nid: ${ID}\nquestion: "q"\nMy words after it`, 'My words after it'],
    ['a wrong id', '---\nid: nope\n---\nbody\n---\nmore', 'body\n---\nmore'],
    ['NUL bytes', `---\nid: ${ID}\n---\nbinary\0junk`, 'binaryjunk'],
  ])('recovers the text of a file with %s', async ([, content, recovered], { store }) => {
    await plant(store, content);
    expect(await store.load(ID)).toMatchObject({ state: 'unreadable', recoveredText: recovered });
  });

  test('recovers the text of a file that is not UTF-8, with replacement characters', async ({ store }) => {
    const bytes = Buffer.concat([Buffer.from(`---\nid: ${ID}\n---\ncaf`), Buffer.from([0xe9]), Buffer.from(' au lait')]);
    await plant(store, bytes);
    expect(await store.load(ID)).toMatchObject({
      state: 'unreadable',
      reason: 'It is not UTF-8 text.',
      recoveredText: 'caf\uFFFD au lait',
      revision: sha16(bytes),
    });
  });

  test('save copies it aside with its original bytes before writing; list shows only the note', async ({ store }) => {
    await plant(store, corrupt);
    const load = await store.load(ID);
    at('2026-11-24T21:44:56.000Z');
    await saved(store, { text: 'My precious words, fixed.', baseRevision: load.state === 'unreadable' ? load.revision : '' });
    const names = (await readdir(store.notesDir)).sort();
    expect(names).toEqual([`${ID}.corrupt-20261124T214456000Z.md`, `${ID}.md`]);
    expect(await readFile(path.join(store.notesDir, names[0]!), 'utf8')).toBe(corrupt);
    expect(await loadOk(store)).toMatchObject({ text: 'My precious words, fixed.', created: '2026-11-24T21:44:56.000Z' });
    const { notes, unreadable } = await store.list();
    expect(notes.map((note) => note.id)).toEqual([ID]);
    expect(unreadable).toEqual([]);
  });

  test('save copies an invalid UTF-8 file aside byte for byte', async ({ store }) => {
    const bytes = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    await plant(store, bytes);
    await saved(store, { text: 'new' });
    const aside = (await readdir(store.notesDir)).find((name) => name.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(store.notesDir, aside!))).toEqual(bytes);
  });

  test('save refuses, rather than overwrite, when no copy can be kept', async ({ store }) => {
    const file = await plant(store, corrupt);
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

describe('conflicts: a save based on a revision that is no longer on disk', () => {
  test('changes nothing on disk but history, keeps both texts and answers with the disk state', async ({ store }) => {
    const base = (await saved(store, { text: 'mine' })).revision;
    const file = store.fileFor(ID);
    await writeFile(file, external('edited in vim'));
    at('2026-11-24T21:44:56.000Z');
    const result = await store.save({ id: ID, text: 'mine, later', question: 'q', source: 's', baseRevision: base });
    expect(result).toEqual({
      status: 'conflict',
      disk: { state: 'ok', note: expect.objectContaining({ text: 'edited in vim', revision: sha16(external('edited in vim')) }) },
    });
    expect(await readFile(file, 'utf8')).toBe(external('edited in vim'));
    const history = await store.history(ID);
    expect(history[0]).toEqual({
      version: '20261124T214456000Z-2',
      savedAt: '2026-11-24T21:44:56.000Z',
      text: 'mine, later',
      reason: 'conflict',
    });
    // Also kept: the text Ponder had written before vim changed the file.
    expect(history[1]).toMatchObject({ version: '20261124T214456000Z', text: 'mine', reason: 'external' });
    // The user picks their text: saving on the disk's revision replaces it, and the disk's text is kept.
    const disk = result.status === 'conflict' && result.disk.state === 'ok' ? result.disk.note.revision : '';
    await saved(store, { text: 'mine, later', baseRevision: disk });
    expect((await store.history(ID)).map((version) => version.text)).toContain('edited in vim');
    expect((await store.list()).notes).toHaveLength(1);
  });

  test('base null (there was no note) while a file appeared is a conflict', async ({ store }) => {
    expect(await store.load(ID)).toEqual({ state: 'missing' });
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(store.fileFor(ID), external('synced from elsewhere'));
    const result = await store.save({ id: ID, text: 'mine', question: 'q', source: 's', baseRevision: null });
    expect(result.status).toBe('conflict');
    expect(await readFile(store.fileFor(ID), 'utf8')).toBe(external('synced from elsewhere'));
    expect((await store.history(ID)).map((version) => [version.reason, version.text])).toEqual([['conflict', 'mine']]);
  });

  test('the same text on both sides is no conflict', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(store.fileFor(ID), external('same words'));
    const result = await store.save({ id: ID, text: 'same words', question: 'q', source: 's', baseRevision: 'feedfeedfeedfeed' });
    expect(result.status).toBe('saved');
  });

  test('a note removed on disk meanwhile is written again: there is nothing to lose', async ({ store }) => {
    const base = (await saved(store, { text: 'mine' })).revision;
    await rm(store.fileFor(ID));
    expect((await saved(store, { text: 'mine, more', baseRevision: base })).text).toBe('mine, more');
  });

  test('a stale base is a conflict even when this store wrote what replaced it (saves must chain)', async ({ store }) => {
    const first = await saved(store, { text: 'one' });
    await saved(store, { text: 'one two', baseRevision: first.revision });
    const stale = await store.save({ id: ID, text: 'one three', question: 'q', source: 's', baseRevision: first.revision });
    expect(stale).toMatchObject({ status: 'conflict', disk: { state: 'ok', note: { text: 'one two' } } });
  });

  test('a matching base revision saves', async ({ store }) => {
    const first = await saved(store, { text: 'one' });
    const second = await saved(store, { text: 'two', baseRevision: first.revision });
    expect(await store.save({ id: ID, text: 'three', question: 'q', source: 's', baseRevision: second.revision })).toMatchObject({
      status: 'saved',
    });
  });
});

describe('a note another program changed', () => {
  test('an unconditional save keeps the other text, and the one Ponder had, in history', async ({ store }) => {
    await saved(store, { text: 'mine' });
    await writeFile(store.fileFor(ID), external('edited in vim'));
    await saved(store, { text: 'mine, later' });
    const history = await store.history(ID);
    expect(history.map((version) => [version.reason, version.text]).sort()).toEqual([
      ['external', 'edited in vim'],
      ['external', 'mine'],
    ]);
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
  });

  test('loading the changed file keeps the text Ponder last had', async ({ store }) => {
    await saved(store, { text: 'what I wrote' });
    await writeFile(store.fileFor(ID), external('what Dropbox brought'));
    expect(await loadOk(store)).toMatchObject({ text: 'what Dropbox brought' });
    expect((await store.history(ID)).map((version) => [version.reason, version.text])).toEqual([['external', 'what I wrote']]);
    // Seen once, kept once.
    await loadOk(store);
    expect(await store.history(ID)).toHaveLength(1);
  });

  test('no copy when Ponder saw that very version', async ({ store }) => {
    await mkdir(store.notesDir, { recursive: true });
    await writeFile(store.fileFor(ID), external('by hand'));
    const base = (await loadOk(store)).revision;
    await saved(store, { text: 'mine', baseRevision: base });
    await saved(store, { text: 'mine again' });
    expect(await readdir(store.notesDir)).toEqual([`${ID}.md`]);
    expect((await store.history(ID)).map((version) => [version.reason, version.text])).toEqual([['edit', 'by hand']]);
  });
});

describe('history', () => {
  test('a new note has none; a save keeps the text it replaces, as a note file with a reason', async ({ tmpDir, store }) => {
    at('2026-11-24T21:44:56.123Z');
    await saved(store, { text: 'first' });
    expect(await store.history(ID)).toEqual([]);
    at('2026-11-24T21:45:00.000Z');
    await saved(store, { text: 'second' });
    const dir = path.join(tmpDir, 'history', ID);
    expect(await readdir(dir)).toEqual(['20261124T214500000Z.md']);
    const content = await readFile(path.join(dir, '20261124T214500000Z.md'), 'utf8');
    expect(content).toBe(
      `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-11-24T21:44:56.123Z\n` +
        'updated: 2026-11-24T21:44:56.123Z\nreason: edit\n---\nfirst',
    );
    expect(await store.history(ID)).toEqual([
      { version: '20261124T214500000Z', savedAt: '2026-11-24T21:44:56.123Z', text: 'first', reason: 'edit' },
    ]);
  });

  test('a burst of typing keeps one version per five minutes', async ({ store }) => {
    const start = Date.parse('2026-11-24T21:00:00.000Z');
    // A save every two seconds for twelve minutes.
    for (let second = 0; second <= 12 * 60; second += 2) {
      at(new Date(start + second * 1000).toISOString());
      await saved(store, { text: `typed for ${second} s` });
    }
    const history = await store.history(ID);
    expect(history.map((version) => [version.version, version.text])).toEqual([
      ['20261124T211002000Z', 'typed for 600 s'],
      ['20261124T210502000Z', 'typed for 300 s'],
      ['20261124T210002000Z', 'typed for 0 s'],
    ]);
  }, 60_000);

  test('reading the note back between saves (as the watcher does) does not end a burst', async ({ store }) => {
    for (let second = 0; second < 10; second++) {
      at(new Date(Date.parse('2026-11-24T21:00:00.000Z') + second * 1000).toISOString());
      await saved(store, { text: `typed for ${second} s` });
      await loadOk(store);
    }
    expect((await store.history(ID)).map((version) => version.text)).toEqual(['typed for 0 s']);
  });

  test('saving the same text keeps nothing; a restart keeps the text it starts from', async ({ tmpDir, store }) => {
    at('2026-11-24T21:00:00.000Z');
    await saved(store, { text: 'a' });
    at('2026-11-24T21:00:01.000Z');
    await saved(store, { text: 'b' });
    await saved(store, { text: 'b', question: 'a better question' });
    expect(await store.history(ID)).toHaveLength(1);
    // Another run of Ponder within five minutes: its first save keeps the text it found.
    at('2026-11-24T21:00:02.000Z');
    const restarted = new NotesStore(tmpDir);
    await saved(restarted, { text: 'c' });
    at('2026-11-24T21:00:03.000Z');
    await saved(restarted, { text: 'd' });
    expect((await restarted.history(ID)).map((version) => version.text)).toEqual(['b', 'a']);
  });

  test('thins by age, never by count: a long burst of saves does not push out the texts before it', async ({ store }) => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const atMinute = (minutes: number) => at(new Date(start + minutes * 60_000).toISOString());
    // Ten texts the reader had, each on disk for ten minutes.
    for (let i = 0; i < 10; i++) {
      atMinute(i * 10);
      await saved(store, { text: `kept ${i}` });
    }
    // Then 120 saves, one a second, each dropping the whole text (so none is coalesced).
    for (let i = 0; i < 120; i++) {
      at(new Date(start + 100 * 60_000 + i * 1000).toISOString());
      await saved(store, { text: i % 2 === 0 ? `${'x'.repeat(60)} burst ${i}` : '' });
    }
    // Two days on, one more save thins the history.
    atMinute(100 + 48 * 60);
    await saved(store, { text: 'two days on' });
    const texts = (await store.history(ID)).map((version) => version.text);
    for (let i = 0; i < 10; i++) expect(texts).toContain(`kept ${i}`);
    for (let i = 0; i < 120; i += 2) expect(texts).toContain(`${'x'.repeat(60)} burst ${i}`);
    // What thinning let go is repeats: the empty text, kept once per burst step, stays once.
    expect(texts.filter((text) => text === '')).toHaveLength(1);
  }, 60_000);

  test('names versions kept in the same millisecond, or after the clock went back, in order', async ({ store }) => {
    const base = (await saved(store, { text: 'disk' })).revision;
    at('2026-11-24T21:44:56.123Z');
    for (const text of ['one', 'two']) await store.save({ id: ID, text, question: 'q', source: 's', baseRevision: 'x' });
    at('2020-01-01T00:00:00.000Z');
    await store.save({ id: ID, text: 'three', question: 'q', source: 's', baseRevision: base.replace(/./, 'z') });
    expect((await store.history(ID)).map((version) => [version.version, version.text])).toEqual([
      ['20261124T214456123Z-3', 'three'],
      ['20261124T214456123Z-2', 'two'],
      ['20261124T214456123Z', 'one'],
    ]);
  });

  test('restore makes a version current and keeps the text it replaces', async ({ store }) => {
    at('2026-11-24T21:00:00.000Z');
    await saved(store, { text: 'the original' });
    at('2026-11-24T21:01:00.000Z');
    await saved(store, { text: 'an edit I regret' });
    const [version] = await store.history(ID);
    at('2026-11-24T21:02:00.000Z');
    const result = await store.restore(ID, version!.version);
    expect(result).toEqual({
      status: 'saved',
      note: expect.objectContaining({ text: 'the original', created: '2026-11-24T21:00:00.000Z', updated: '2026-11-24T21:02:00.000Z' }),
    });
    expect(await loadOk(store)).toMatchObject({ text: 'the original' });
    expect((await store.history(ID)).map((entry) => [entry.reason, entry.text])).toEqual([
      ['restore', 'an edit I regret'],
      ['edit', 'the original'],
    ]);
  });

  test('restore refuses a version that does not exist', async ({ store }) => {
    await saved(store, { text: 'x' });
    for (const version of ['20200101T000000000Z', '../../notes/3f1c0a9be2d47a15', '']) {
      await expect(store.restore(ID, version)).rejects.toThrow(
        `Ponder: the note for story ${ID} has no earlier version ${version}.`,
      );
    }
  });
});

describe('NotesStore.list', () => {
  test('is empty when there is no notes folder', async ({ store }) => {
    expect(await store.list()).toEqual({ notes: [], unreadable: [] });
  });

  test('lists notes by updated, newest first, and reports the unreadable ones', async ({ store }) => {
    at('2026-01-01T00:00:00.000Z');
    await saved(store, { text: 'old' });
    at('2026-02-01T00:00:00.000Z');
    await saved(store, { id: OTHER, text: 'new' });
    vi.useRealTimers();
    const dir = store.notesDir;
    await writeFile(path.join(dir, 'aaaaaaaaaaaaaaaa.md'), 'not a note');
    await writeFile(path.join(dir, 'bbbbbbbbbbbbbbbb.md'), Buffer.from([0x2d, 0xff, 0xfe]));
    await writeFile(path.join(dir, 'My thoughts.md'), `---\nid: ${ID}\n---\n`);
    // Skipped: other extensions, temp files, copies kept aside, folders.
    await writeFile(path.join(dir, 'readme.txt'), 'x');
    await writeFile(path.join(dir, `.${ID}.md.0123456789ab.tmp`), 'x');
    await writeFile(path.join(dir, `${ID}.corrupt-20260101T000000000Z.md`), 'x');
    await writeFile(path.join(dir, `${ID}.conflict-20260101T000000000Z.md`), 'x');
    await mkdir(path.join(dir, 'folder.md'));

    const { notes, unreadable } = await store.list();
    expect(notes.map((note) => [note.id, note.text])).toEqual([
      [OTHER, 'new'],
      [ID, 'old'],
    ]);
    expect(notes[1]!.revision).toBe(sha16(await readFile(store.fileFor(ID))));
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
