// Which changes on disk the app is told about. The store is the one owner of a
// note's known revision: the echo of its own save is not news, another
// program's edit is (once), and so is a note an import wrote.

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, vi } from 'vitest';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { NotesService } from '../../electron/services/notes-service';
import type { EventChannel, NoteLoad } from '../../electron/shared/ipc-contract';
import { test as tmpTest } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const OTHER = '00000000000000ab';

const noteText = (id: string, text: string) =>
  `---\nid: ${id}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-01T00:00:00.000Z\n---\n${text}`;

const textOf = (load: NoteLoad | undefined) => (load?.state === 'ok' ? load.note.text : undefined);

const test = tmpTest.extend<{ store: NotesStore }>({
  store: async ({ tmpDir }, use) => {
    await use(new NotesStore(tmpDir));
  },
});

describe('NotesStore.noticeChange', () => {
  test('the echo of its own save is no news', async ({ store }) => {
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    expect(await store.noticeChange(ID)).toBeUndefined();
  });

  test("another program's edit is reported once, with its text", async ({ store }) => {
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    await writeFile(store.fileFor(ID), noteText(ID, 'theirs'));
    expect(textOf(await store.noticeChange(ID))).toBe('theirs');
    expect(await store.noticeChange(ID)).toBeUndefined();
  });

  test('a note never read before is news; one just loaded is not', async ({ store }) => {
    await store.save({ id: ID, text: 'x', question: 'q', source: 's' });
    await writeFile(store.fileFor(OTHER), noteText(OTHER, 'by hand'));
    expect(textOf(await store.noticeChange(OTHER))).toBe('by hand');
    await writeFile(store.fileFor(OTHER), noteText(OTHER, 'by hand, again'));
    expect(textOf(await store.load(OTHER))).toBe('by hand, again');
    expect(await store.noticeChange(OTHER)).toBeUndefined();
  });

  test('a removed note is reported as missing, and a file still missing is not reported again', async ({ store }) => {
    await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    await rm(store.fileFor(ID));
    expect(await store.noticeChange(ID)).toEqual({ state: 'missing' });
    expect(await store.noticeChange(ID)).toBeUndefined();
  });

  test('the disk version a conflict answered with is known', async ({ store }) => {
    const first = await store.save({ id: ID, text: 'mine', question: 'q', source: 's' });
    if (first.status !== 'saved') throw new Error('expected a save');
    await writeFile(store.fileFor(ID), noteText(ID, 'theirs'));
    const result = await store.save({ id: ID, text: 'mine, edited', question: 'q', source: 's', baseRevision: first.note.revision });
    expect(result.status).toBe('conflict');
    expect(await store.noticeChange(ID)).toBeUndefined();
  });

  test('a note an import wrote is news once: the import answered with counts only', async ({ store }) => {
    await store.save({ id: ID, text: 'before', question: 'q', source: 's' });
    const imported = { id: ID, question: 'q', source: 's', created: '2026-01-01T00:00:00.000Z', updated: '2999-01-01T00:00:00.000Z', text: 'imported' };
    expect(await store.importNote(imported)).toBe('updated');
    expect(textOf(await store.noticeChange(ID))).toBe('imported');
    expect(await store.noticeChange(ID)).toBeUndefined();
  });
});

describe('NotesService, watching the notes folder', () => {
  test('tells the renderer about changes by others and imports, never about its own saves', async ({ tmpDir }) => {
    const events: Array<{ channel: EventChannel; id: string; text: string | undefined }> = [];
    const service = new NotesService({
      dataDir: tmpDir,
      emit: (channel, payload) => {
        const { id, load } = payload as { id: string; load: NoteLoad };
        events.push({ channel, id, text: textOf(load) });
      },
      story: () => ({ question: 'q', source: 's', title: 't', topics: [] }),
      storyIds: () => new Set([ID, OTHER]),
    });
    service.watch();
    try {
      await service.watching;
      expect((await service.save(ID, 'mine')).status).toBe('saved');
      // Another program edits the other note after our save: once it is reported, our echo would have been too.
      await writeFile(service.store.fileFor(OTHER), noteText(OTHER, 'theirs'));
      await vi.waitFor(() => expect(events).toHaveLength(1));
      await service.store.flush();
      expect(events).toEqual([{ channel: 'notes:changed', id: OTHER, text: 'theirs' }]);

      const exported = path.join(tmpDir, 'export.md');
      await writeFile(exported, noteText(ID, 'imported').replace('updated: 2026', 'updated: 2999'));
      expect(await service.import(exported)).toMatchObject({ updated: 1 });
      await vi.waitFor(() => expect(events).toHaveLength(2));
      expect(events[1]).toEqual({ channel: 'notes:changed', id: ID, text: 'imported' });
    } finally {
      await service.close();
    }
  });
});
