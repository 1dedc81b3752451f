// Durability through the file-system seam (issue 8, item 8): every write that
// puts a note or the state file in place is preceded by an fsync of the temp
// file and followed by an fsync of the folder; and what a crash leaves behind
// (temp files, asides) is recovered at start-up, never deleted unread.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { AppStateStore } from '../../electron/core/data/app-state';
import { serializeNote } from '../../electron/core/notes/note-format';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { NotesService } from '../../electron/services/notes-service';
import { recordingFs } from './helpers/faulty-fs';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const note = (text: string) => ({ id: ID, text, question: 'q', source: 's' });
const file = (text: string, updated = '2026-01-02T00:00:00.000Z') =>
  serializeNote({ id: ID, question: 'q', source: 's', created: '2026-01-01T00:00:00.000Z', updated, text });

describe('every note and state write is durable', () => {
  test('a temp file is fsynced before it is renamed or linked into place, and the folder after', async ({ tmpDir }) => {
    const fs = recordingFs();
    const store = new NotesStore(tmpDir, { fs });
    const first = await store.save(note('one'));
    await store.save({ ...note('two'), baseRevision: first.status === 'saved' ? first.note.revision : null });
    await store.save(note('three'));
    await store.save({ ...note('refused'), baseRevision: 'f'.repeat(16) });
    await store.restore(ID, (await store.history(ID))[0]!.version);
    const state = new AppStateStore(tmpDir, fs);
    await state.update({ lastLibrary: '/a' });
    await state.update({ lastLibrary: '/b' });

    const placing = fs.calls
      .map((call, index) => ({ ...call, index }))
      .filter((call) => (call.call === 'rename' || call.call === 'link') && /(\.md|state\.json)$/.test(call.path))
      .filter((call) => call.from?.endsWith('.tmp'));
    // Notes are linked into place (fs/replace-if-unchanged.ts), the state renamed: three saves (the fourth was
    // refused) and a restore, and two states.
    expect(placing.filter((call) => call.path.endsWith(`${ID}.md`)).length).toBe(4);
    expect(placing.filter((call) => call.path.endsWith('state.json')).length).toBe(2);
    for (const place of placing) {
      const before = fs.calls.slice(0, place.index);
      const wrote = before.findLastIndex((call) => call.call === 'write' && call.path === place.from);
      const synced = before.findLastIndex((call) => call.call === 'sync' && call.path === place.from);
      expect(wrote, `${place.call} ${place.path}`).toBeGreaterThanOrEqual(0);
      expect(synced, `fsync of ${place.from} before it is put in place`).toBeGreaterThan(wrote);
      const dirSync = fs.calls.findIndex(
        (call, index) => index > place.index && call.call === 'syncdir' && call.path === path.dirname(place.path),
      );
      expect(dirSync, `fsync of the folder after ${place.path}`).toBeGreaterThan(place.index);
      const next = placing.find((other) => other.index > place.index);
      if (next) expect(dirSync, 'the folder is fsynced before the next write is placed').toBeLessThan(next.index);
    }
  });
});

describe('leftovers of an interrupted write, at start-up', () => {
  test('are put back or kept in history, then removed; nothing with text is lost', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await store.save(note('on disk'));
    const notes = store.notesDir;
    const other = '00000000000000a2';
    await writeFile(path.join(notes, `.${ID}.md.0123456789ab.tmp`), file('typed, never acknowledged'));
    await writeFile(path.join(notes, `.${ID}.md.0123456789ac.tmp`), file('on disk'));
    await writeFile(path.join(notes, `.${ID}.md.0123456789ad.aside`), file('replaced by a save that was cut short'));
    await writeFile(path.join(notes, `.${ID}.md.0123456789ae.tmp`), file('cut short in the middle of the w').slice(0, -6));
    // A save of another note that was cut short after its note was moved aside.
    await writeFile(path.join(notes, `.${other}.md.0123456789af.aside`), file('the other note').replace(ID, other));
    await mkdir(path.join(store.historyDir, ID), { recursive: true });
    await writeFile(path.join(store.historyDir, ID, '.20260101T000000000Z.md.0123456789b0.tmp'), file('a version being written'));
    await writeFile(path.join(tmpDir, '.state.json.0123456789b1.tmp'), '{"version": 1');

    const restarted = new NotesStore(tmpDir);
    const report = await restarted.recover();
    expect(report).toEqual({ restored: 1, kept: 4, removed: 7 });
    const texts = (await restarted.history(ID)).map((version) => version.text).sort();
    expect(texts).toEqual(['a version being written', 'cut short in the middle of', 'replaced by a save that was cut short', 'typed, never acknowledged']);
    expect(await restarted.load(ID)).toMatchObject({ state: 'ok', note: { text: 'on disk' } });
    expect(await restarted.load(other)).toMatchObject({ state: 'ok', note: { text: 'the other note' } });
    const hidden = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('.'));
    expect([...(await hidden(notes)), ...(await hidden(path.join(store.historyDir, ID))), ...(await hidden(tmpDir))]).toEqual([]);
  });

  test('the notes service recovers before it answers', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    await store.save(note('before'));
    await writeFile(path.join(store.notesDir, `.${ID}.md.0123456789ab.aside`), file('only here'));
    const service = new NotesService({ dataDir: tmpDir, emit: () => undefined, story: () => undefined, storyIds: () => new Set() });
    // `get` waits for the clean-up: by then the text is in history.
    await service.get(ID);
    expect((await service.history(ID)).map((version) => version.text)).toEqual(['only here']);
    expect(await readFile(store.fileFor(ID), 'utf8')).toContain('before');
    await service.close();
  });
});
