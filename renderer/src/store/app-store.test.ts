// The store's note-saving and search logic against a small in-memory fake of
// `window.ponder` (the renderer's only boundary). What reaches the disk is
// covered end to end in tests/e2e; this pins down the state machine: saves
// named by revision, conflicts, retries, and queries too short to send.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteLoad, PonderApi, SaveNoteResponse } from '../../../electron/shared/ipc-contract';
import { createAppStore } from './create-app-store';
import { countUnsaved } from './note-drafts';
import { isTooShortQuery } from './search-slice';

/** One note "on disk", a switch to make saves fail, and a record of what was sent. */
function fakeApi() {
  const world = {
    disk: { text: 'on disk', revision: 'r1' } as { text: string; revision: string } | null,
    failSaves: 0,
    saves: [] as { text: string; baseRevision: string | null | undefined }[],
    searches: [] as string[],
    revision: 1,
  };
  const getNote = async (): Promise<NoteLoad> =>
    world.disk
      ? { state: 'ok', note: { id: 'a', question: 'q', source: 's', created: '', updated: 'u', text: world.disk.text, revision: world.disk.revision } }
      : { state: 'missing' };
  const api = {
    getNote,
    saveNote: async ({ text, baseRevision }: { id: string; text: string; baseRevision?: string | null }): Promise<SaveNoteResponse> => {
      world.saves.push({ text, baseRevision });
      if (world.failSaves > 0) {
        world.failSaves--;
        throw new Error('Ponder: the disk is full.');
      }
      if (baseRevision !== undefined && (world.disk?.revision ?? null) !== baseRevision) {
        return { status: 'conflict', id: 'a', disk: await getNote() };
      }
      world.disk = { text, revision: `r${++world.revision}` };
      return { status: 'saved', id: 'a', updated: 'now', revision: world.disk.revision, answered: text.trim() !== '' };
    },
    notesOverview: async () => ({ orphans: [], unreadable: [] }),
    search: async ({ query }: { query: string }) => {
      world.searches.push(query);
      return { ok: true, query, total: 0, hits: [] };
    },
  } as unknown as PonderApi;
  // The list's search goes through search:find (stories, notes or both; sorted in main).
  Object.assign(api, { find: api.search });
  return { world, api, getNote };
}

describe('the app store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a note shortly after typing, naming the revision it started from', async () => {
    const { world, api } = fakeApi();
    const store = createAppStore(api);
    await store.getState().loadNote('a');
    expect(store.getState().notes['a']).toMatchObject({ text: 'on disk', baseRevision: 'r1' });

    store.getState().editNote('a', 'mine 1');
    expect(world.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(world.saves).toEqual([{ text: 'mine 1', baseRevision: 'r1' }]);
    expect(store.getState().notes['a']).toMatchObject({ status: 'saved', baseRevision: world.disk!.revision });
  });

  it('adopts a change on disk when idle, and turns one during edits into a conflict that keeps both', async () => {
    const { world, api, getNote } = fakeApi();
    const store = createAppStore(api);
    const state = () => store.getState();
    await state().loadNote('a');

    world.disk = { text: 'external', revision: 'rX' };
    state().noteChangedOnDisk('a', await getNote());
    expect(state().notes['a']).toMatchObject({ text: 'external', status: 'updated' });

    state().editNote('a', 'mine 2');
    world.disk = { text: 'theirs 2', revision: 'rY' };
    state().noteChangedOnDisk('a', await getNote());
    await vi.advanceTimersByTimeAsync(20);
    expect(state().notes['a']).toMatchObject({ status: 'conflict', text: 'mine 2', conflict: { text: 'theirs 2' } });
    // The editor keeps taking keys in a conflict; nothing is written until the reader picks.
    const sent = world.saves.length;
    state().editNote('a', 'mine 2, typed on during the conflict');
    expect(state().notes['a']).toMatchObject({ status: 'conflict', text: 'mine 2, typed on during the conflict' });
    await state().flushNotes();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(world.saves.length).toBe(sent);
    expect(countUnsaved(state().notes)).toBe(1);

    await state().resolveConflict('a', 'merge');
    expect(world.disk?.text).toBe('mine 2, typed on during the conflict\n\n---\n\ntheirs 2');
    expect(state().notes['a']?.status).toBe('saved');
  });

  it('saves at least once a second while typing goes on without a pause', async () => {
    const { world, api } = fakeApi();
    const store = createAppStore(api);
    await store.getState().loadNote('a');
    const savedAt: number[] = [];
    const sentBefore = world.saves.length;
    let text = '';
    // A key every 200 ms for 5 s: the 250 ms quiet time alone never comes.
    for (let at = 0; at < 5_000; at += 200) {
      text += 'k';
      store.getState().editNote('a', text);
      const before = world.saves.length;
      await vi.advanceTimersByTimeAsync(200);
      if (world.saves.length > before) savedAt.push(at + 200);
    }
    expect(world.saves.length - sentBefore).toBeGreaterThanOrEqual(5);
    const gaps = savedAt.map((at, index) => at - (savedAt[index - 1] ?? 0));
    expect(Math.max(...gaps), `saves at ${savedAt.join(', ')} ms`).toBeLessThanOrEqual(1_000);
    await vi.advanceTimersByTimeAsync(300);
    expect(world.disk?.text).toBe(text);
  });

  it('never replaces the text being typed with a change on disk: both are kept', async () => {
    const { world, api, getNote } = fakeApi();
    const store = createAppStore(api);
    const state = () => store.getState();
    await state().loadNote('a');
    state().editNote('a', 'mine, all saved');
    await state().saveNote('a');
    expect(state().notes['a']?.status).toBe('saved');
    world.disk = { text: 'theirs', revision: 'rT' };
    state().noteChangedOnDisk('a', await getNote());
    expect(state().notes['a']).toMatchObject({ status: 'conflict', text: 'mine, all saved', conflict: { text: 'theirs' } });
  });

  it('keeps the text of a failed save and retries it', async () => {
    const { world, api } = fakeApi();
    const store = createAppStore(api);
    await store.getState().loadNote('a');
    world.failSaves = 1;
    store.getState().editNote('a', 'will fail once');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().notes['a']).toMatchObject({ status: 'error', text: 'will fail once', error: 'Ponder: the disk is full.' });
    expect(countUnsaved(store.getState().notes)).toBe(1);
    await vi.advanceTimersByTimeAsync(2_200);
    expect(store.getState().notes['a']?.status).toBe('saved');
    expect(world.disk?.text).toBe('will fail once');
  });

  it('resolves a conflict with their text or with mine', async () => {
    const { world, api } = fakeApi();
    const store = createAppStore(api);
    const state = () => store.getState();
    await state().loadNote('a');

    state().editNote('a', 'mine 3');
    world.disk = { text: 'theirs 3', revision: 'rZ' };
    await state().saveNote('a');
    expect(state().notes['a']?.status).toBe('conflict');
    state().editNote('a', 'mine 3 and more');
    await state().resolveConflict('a', 'theirs');
    expect(state().notes['a']).toMatchObject({ text: 'theirs 3', baseRevision: 'rZ', status: 'idle' });
    // What was typed in the conflict went to main first, refused as a conflict: main keeps it in history.
    expect(world.saves.at(-1)).toEqual({ text: 'mine 3 and more', baseRevision: 'r1' });
    expect(world.disk).toEqual({ text: 'theirs 3', revision: 'rZ' });

    state().editNote('a', 'mine 4');
    world.disk = { text: 'theirs 4', revision: 'rW' };
    await state().saveNote('a');
    await state().resolveConflict('a', 'mine');
    expect(world.disk?.text).toBe('mine 4');
    expect(countUnsaved(state().notes)).toBe(0);
  });

  it('sends no search for a one-letter query', async () => {
    for (const [query, short] of [['a', true], ['a*', true], ['+b*', true], ['question:c*', true], ['ab', false], ['a b', false], ['int*', false]] as const) {
      expect(isTooShortQuery(query), query).toBe(short);
    }
    const { world, api } = fakeApi();
    const store = createAppStore(api);
    store.getState().setSearchInput('k*');
    await vi.advanceTimersByTimeAsync(250);
    expect(world.searches).toEqual([]);
    store.getState().setSearchInput('ku');
    await vi.advanceTimersByTimeAsync(250);
    expect(world.searches).toEqual(['ku']);
  });
});
