import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcHandlerTable } from '../../electron/services/ipc-handlers';
import type { ReaderSession } from '../../electron/services/reader-session';
import type { EventChannel } from '../../electron/shared/ipc-contract';
import { SAMPLE, sessionWithHandlers, value } from './helpers/session-fixture';

let dataDir: string;
let handlers: IpcHandlerTable;
let events: Array<{ channel: EventChannel; payload: unknown }>;
let session: ReaderSession;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-ipc-'));
  events = [];
  ({ session, handlers } = sessionWithHandlers(dataDir, {
    emit: (channel, payload) => events.push({ channel, payload }),
    shell: {
      pickFolder: async () => SAMPLE,
      pickExportFile: async (format) => path.join(dataDir, `export.${format === 'json' ? 'json' : 'md'}`),
    },
  }));
});

afterEach(async () => {
  await session.close();
  await rm(dataDir, { recursive: true, force: true });
});

const readyEvent = () =>
  events.find((event) => event.channel === 'index:status' && (event.payload as { state: string }).state === 'ready');

/** Resolves when the background index build has reported that search is ready. */
function indexReady(): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (readyEvent() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

describe('IPC handlers over a real library and data folder', () => {
  it('opens the chosen folder, lists stories before the index is ready, then searches', async () => {
    expect(await value(handlers['library:current'](undefined))).toBeNull();
    const snapshot = await value(handlers['library:choose'](undefined));
    expect(snapshot?.stories).toHaveLength(26);
    expect(snapshot?.index.state).toBe('building');
    expect(JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8')).lastLibrary).toBe(SAMPLE);

    await indexReady();
    expect(readyEvent()?.payload).toMatchObject({ state: 'ready', storyCount: 26 });
    const response = await value(handlers['search:query']({ query: 'Kursk', limit: 5 }));
    expect(response.ok).toBe(true);
    if (response.ok !== true) return;
    expect(response.hits.length).toBeGreaterThan(0);
    expect(response.hits.length).toBeLessThanOrEqual(5);

    const story = await value(handlers['story:get']({ id: response.hits[0]!.id, query: 'Kursk' }));
    const marked = (story?.highlights?.summary ?? []).map(([from, to]) => story!.summary.slice(from, to).toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['kursk']));
  });

  it('answers a search before the index is built with "pending", not an error', async () => {
    await session.open(SAMPLE);
    const response = await value(handlers['search:query']({ query: 'Kursk' }));
    expect(response).toMatchObject({ ok: 'pending', index: { state: 'building' } });
  });

  it('saves a note with its question and source, and counts it as answered', async () => {
    const snapshot = await session.open(SAMPLE);
    const story = snapshot.stories[0]!;
    const saved = await value(handlers['notes:save']({ id: story.id, text: 'My answer', baseRevision: null }));
    expect(saved).toMatchObject({ status: 'saved', answered: true });
    const load = await value(handlers['notes:get']({ id: story.id }));
    if (load.state !== 'ok') throw new Error(`expected a note, got ${load.state}`);
    expect(load.note).toMatchObject({ id: story.id, text: 'My answer', source: story.source });
    expect((await session.currentSnapshot())?.notedIds).toEqual([story.id]);
    const detail = await value(handlers['story:get']({ id: story.id }));
    expect(load.note.question).toBe(detail?.question);

    // A save based on an older revision is a conflict: nothing is overwritten.
    const stale = await value(handlers['notes:save']({ id: story.id, text: 'From a stale editor', baseRevision: null }));
    expect(stale).toMatchObject({ status: 'conflict', disk: { state: 'ok', note: { text: 'My answer' } } });
    const after = await value(handlers['notes:get']({ id: story.id }));
    expect(after.state === 'ok' && after.note.text).toBe('My answer');
    const history = await value(handlers['notes:history']({ id: story.id }));
    expect(history.map((version) => version.text)).toContain('From a stale editor');
  });

  it('exports all notes to the file the user picked', async () => {
    const snapshot = await session.open(SAMPLE);
    await value(handlers['notes:save']({ id: snapshot.stories[0]!.id, text: 'Exported answer' }));
    const result = await value(handlers['notes:export']({ format: 'json' }));
    expect(result).toEqual({ file: path.join(dataDir, 'export.json'), count: 1 });
    const exported = JSON.parse(await readFile(result!.file, 'utf8'));
    expect(exported.notes[0]).toMatchObject({ id: snapshot.stories[0]!.id, text: 'Exported answer' });
  });

  it('remembers the view state', async () => {
    await value(handlers['view:save']({ selectedTopic: 'topic:Russia', selectedStoryId: null }));
    expect(await value(handlers['view:load'](undefined))).toEqual({ selectedTopic: 'topic:Russia', selectedStoryId: null });
  });
});

describe('hostile or malformed requests', () => {
  const hostile: Array<[string, keyof IpcHandlerTable, unknown]> = [
    ['a path instead of an id', 'notes:save', { id: '../../../../tmp/owned', text: 'x' }],
    ['an upper-case id', 'notes:save', { id: 'ABCDEF0123456789', text: 'x' }],
    ['a number as text', 'notes:save', { id: '0123456789abcdef', text: 12 }],
    ['a note over 1 MiB', 'notes:save', { id: '0123456789abcdef', text: 'x'.repeat(1_048_577) }],
    ['an unknown key', 'notes:save', { id: '0123456789abcdef', text: 'x', extra: true }],
    ['null', 'notes:save', null],
    ['a string instead of an object', 'notes:get', 'not-an-object'],
    ['a number as query', 'search:query', { query: 42 }],
    ['a negative limit', 'search:query', { query: 'x', limit: -1 }],
    ['an object as id', 'story:get', { id: { $ne: null } }],
    ['a number as topic', 'view:save', { selectedTopic: 7 }],
    ['a path where none is taken', 'library:choose', { path: '/etc' }],
  ];

  it.each(hostile)('refuses %s (%s) with a message and writes nothing', async (_label, channel, request) => {
    const result = await handlers[channel](request);
    expect(result.ok).toBe(false);
    // A note over the cap is refused in its own words (issue 8, item 9), the rest as malformed requests.
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^Ponder: (invalid request for ${channel}: |this note is larger than )`));
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a note for a story that is in no library, without writing', async () => {
    await session.open(SAMPLE);
    const result = await handlers['notes:save']({ id: '0123456789abcdef', text: 'x' });
    expect(result).toEqual({ ok: false, error: 'Ponder: there is no story 0123456789abcdef in this library to attach a note to.' });
    expect(await readdir(dataDir)).not.toContain('notes');
  });
});
