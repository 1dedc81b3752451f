import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, describe, expect } from 'vitest';
import { AppStateStore, DEFAULT_APP_STATE, MAX_RECENT_LIBRARIES, withRecentLibrary } from '../../electron/core/data/app-state';
import type { AppState } from '../../electron/core/data/app-state';

const test = base.extend<{ tmpDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

const DEFAULTS: AppState = { version: 1, lastLibrary: null, view: { selectedTopic: null, selectedStoryId: null } };

describe('AppStateStore', () => {
  test('gives the defaults when there is no state.json, without writing one', async ({ tmpDir }) => {
    expect(await new AppStateStore(tmpDir).load()).toEqual(DEFAULTS);
    expect(DEFAULT_APP_STATE).toEqual(DEFAULTS);
    expect(await readdir(tmpDir)).toEqual([]);
  });

  test('writes updates to DATA/state.json and reads them back in a new run', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    const window = { x: 10, y: -20, width: 1200, height: 800, maximized: false };
    await store.update({ lastLibrary: '/home/me/digests', window });
    const updated = await store.update({ view: { selectedTopic: 'NATO', selectedStoryId: '3f1c0a9be2d47a15' } });
    const expected: AppState = {
      version: 1,
      lastLibrary: '/home/me/digests',
      view: { selectedTopic: 'NATO', selectedStoryId: '3f1c0a9be2d47a15' },
      window,
    };
    expect(updated).toEqual(expected);
    expect(store.file).toBe(path.join(tmpDir, 'state.json'));
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toEqual(expected);
    expect(await new AppStateStore(tmpDir).load()).toEqual(expected);
    expect(await readdir(tmpDir)).toEqual(['state.json']);
  });

  test('merges view key by key and removes the window when asked', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    await store.update({ view: { selectedTopic: 'NATO', selectedStoryId: null }, window: { width: 5, height: 5 } });
    const next = await store.update({ view: { selectedStoryId: 'abc' } as AppState['view'], window: undefined });
    expect(next).toEqual({ ...DEFAULTS, view: { selectedTopic: 'NATO', selectedStoryId: 'abc' } });
  });

  test('hands out copies, so callers cannot change the stored state', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    const state = await store.load();
    state.view.selectedTopic = 'mutated';
    expect((await store.load()).view.selectedTopic).toBeNull();
    expect(Object.isFrozen(DEFAULT_APP_STATE.view)).toBe(true);
  });

  test('keeps every one of many quick updates, in order', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    const updates = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? store.update({ lastLibrary: `/lib/${i}` })
        : store.update({ view: { selectedTopic: `topic ${i}`, selectedStoryId: null } }),
    );
    await Promise.all(updates);
    const onDisk = await new AppStateStore(tmpDir).load();
    expect(onDisk.lastLibrary).toBe('/lib/18');
    expect(onDisk.view.selectedTopic).toBe('topic 19');
  });

  test.for([
    ['not JSON', '{"lastLibrary": "/x",'],
    ['not an object', '[1, 2, 3]'],
    ['empty', ''],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ] as const)('falls back to the defaults when state.json is %s, keeping it aside', async ([, content], { tmpDir }) => {
    const file = path.join(tmpDir, 'state.json');
    await writeFile(file, content);
    const store = new AppStateStore(tmpDir);
    expect(await store.load()).toEqual(DEFAULTS);
    const aside = (await readdir(tmpDir)).filter((name) => /^state\.corrupt-\d{8}T\d{9}Z\.json$/.test(name));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(tmpDir, aside[0]!))).toEqual(Buffer.from(content));
    await store.update({ lastLibrary: '/lib' });
    expect(await new AppStateStore(tmpDir).load()).toMatchObject({ lastLibrary: '/lib' });
  });

  test('keeps the valid fields of a state.json and drops the invalid ones', async ({ tmpDir }) => {
    await writeFile(
      path.join(tmpDir, 'state.json'),
      JSON.stringify({
        version: 7,
        lastLibrary: '/lib',
        view: { selectedTopic: 42, selectedStoryId: '3f1c0a9be2d47a15' },
        window: { x: 'left', y: 30, width: 900, height: 700, maximized: 'yes' },
        theme: 'dark',
      }),
    );
    expect(await new AppStateStore(tmpDir).load()).toEqual({
      version: 1,
      lastLibrary: '/lib',
      view: { selectedTopic: null, selectedStoryId: '3f1c0a9be2d47a15' },
      window: { y: 30, width: 900, height: 700 },
    });
    expect(await readdir(tmpDir)).toEqual(['state.json']);
  });

  test('keeps the view preferences, each on its own: the valid ones stay, an invalid one is dropped alone', async ({ tmpDir }) => {
    await writeFile(
      path.join(tmpDir, 'state.json'),
      JSON.stringify({
        version: 1,
        lastLibrary: null,
        view: {
          selectedTopic: null,
          selectedStoryId: null,
          theme: 'dark',
          textScale: 125.4,
          lineWidth: 'huge',
          storyFont: 'sans',
          topicsWidth: 300,
          storiesWidth: -5,
          topicsHidden: 'no',
        },
      }),
    );
    const store = new AppStateStore(tmpDir);
    expect((await store.load()).view).toEqual({
      selectedTopic: null,
      selectedStoryId: null,
      theme: 'dark',
      textScale: 125,
      storyFont: 'sans',
      topicsWidth: 300,
    });
    // Merged key by key with the selection, as the renderer saves them apart.
    await store.update({ view: { topicsHidden: true } as AppState['view'] });
    await store.update({ view: { selectedTopic: 'topic:NATO', selectedStoryId: null } });
    expect((await new AppStateStore(tmpDir).load()).view).toMatchObject({ theme: 'dark', topicsHidden: true, selectedTopic: 'topic:NATO' });
  });

  test('drops a window without a usable size, and invalid patches', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    const bad = { lastLibrary: 3, window: { width: 0, height: 600 }, view: null } as unknown as Partial<AppState>;
    expect(await store.update(bad)).toEqual(DEFAULTS);
    expect(await store.update(null as unknown as Partial<AppState>)).toEqual(DEFAULTS);
  });

  test('never crashes on an unreadable state.json, and says why an update cannot be written', async ({ tmpDir }) => {
    await mkdir(path.join(tmpDir, 'state.json')); // a folder where the file should be
    const store = new AppStateStore(tmpDir);
    expect(await store.load()).toEqual(DEFAULTS);
    await expect(store.update({ lastLibrary: '/lib' })).rejects.toThrow(
      `Ponder: could not save the app state to ${path.join(tmpDir, 'state.json')}: `,
    );
    // The change is kept in memory, and later calls still work.
    expect(await store.load()).toMatchObject({ lastLibrary: '/lib' });
  });
});

describe('recent libraries in state.json', () => {
  test('keeps the last 10 folders, most recent first, each once, and reads them back in a new run', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    for (let i = 0; i < 12; i++) await store.update((current) => ({ recentLibraries: withRecentLibrary(current.recentLibraries, `/lib/${i}`) }));
    await store.update((current) => ({ recentLibraries: withRecentLibrary(current.recentLibraries, '/lib/5') }));
    const expected = ['/lib/5', '/lib/11', '/lib/10', '/lib/9', '/lib/8', '/lib/7', '/lib/6', '/lib/4', '/lib/3', '/lib/2'];
    expect(MAX_RECENT_LIBRARIES).toBe(10);
    expect((await new AppStateStore(tmpDir).load()).recentLibraries).toEqual(expected);
    expect(JSON.parse(await readFile(path.join(tmpDir, 'state.json'), 'utf8')).recentLibraries).toEqual(expected);
  });

  test('a state.json from before recents, or with an empty list, has none; clearing removes the key', async ({ tmpDir }) => {
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, lastLibrary: '/lib', view: {} }));
    const store = new AppStateStore(tmpDir);
    expect(await store.load()).toEqual({ ...DEFAULTS, lastLibrary: '/lib' });
    await store.update({ recentLibraries: ['/a'] });
    expect(await store.update({ recentLibraries: [] })).toEqual({ ...DEFAULTS, lastLibrary: '/lib' });
    expect(JSON.parse(await readFile(path.join(tmpDir, 'state.json'), 'utf8'))).not.toHaveProperty('recentLibraries');
  });

  test('drops entries that are not absolute folder paths, repeats, and the overflow; keeps the rest', async ({ tmpDir }) => {
    const listed = ['/ok', 'relative/dir', '', 42, null, '/nul\0byte', '/ok', { folder: '/x' }, ...Array.from({ length: 12 }, (_, i) => `/more/${i}`)];
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, recentLibraries: listed }));
    const recents = (await new AppStateStore(tmpDir).load()).recentLibraries;
    expect(recents).toEqual(['/ok', ...Array.from({ length: 9 }, (_, i) => `/more/${i}`)]);
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, recentLibraries: '/not-a-list' }));
    expect(await new AppStateStore(tmpDir).load()).toEqual(DEFAULTS);
  });

  test('changes made from the current state do not lose each other when they race', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.update((current) => ({ recentLibraries: withRecentLibrary(current.recentLibraries, `/lib/${i}`) }))),
    );
    expect((await new AppStateStore(tmpDir).load()).recentLibraries).toEqual(Array.from({ length: 8 }, (_, i) => `/lib/${7 - i}`));
  });
});
