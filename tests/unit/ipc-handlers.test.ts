import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../electron/main/ipc-handlers';
import type { IpcHandlerTable } from '../../electron/main/ipc-handlers';
import { ReaderSession } from '../../electron/main/reader-session';
import type { EventChannel } from '../../electron/shared/ipc-contract';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');

let dataDir: string;
let handlers: IpcHandlerTable;
let events: Array<{ channel: EventChannel; payload: unknown }>;
let session: ReaderSession;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-ipc-'));
  events = [];
  session = new ReaderSession({ dataDir, emit: (channel, payload) => events.push({ channel, payload }) });
  handlers = createIpcHandlers(session, {
    appInfo: () => ({ version: 'test', dataDir, platform: process.platform }),
    pickFolder: async () => SAMPLE,
    flushed: () => undefined,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function value<T>(envelope: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> {
  const result = await envelope;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Resolves when the background index build has reported. */
function indexReady(): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (events.some((event) => event.channel === 'index:status') ? resolve() : setTimeout(poll, 5));
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
    expect(events.find((event) => event.channel === 'index:status')?.payload).toMatchObject({ state: 'ready', storyCount: 26 });
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
    const saved = await value(handlers['notes:save']({ id: story.id, text: 'My answer' }));
    expect(saved.answered).toBe(true);
    const note = await value(handlers['notes:get']({ id: story.id }));
    expect(note).toMatchObject({ id: story.id, text: 'My answer', source: story.source });
    expect((await session.currentSnapshot())?.notedIds).toEqual([story.id]);
    const detail = await value(handlers['story:get']({ id: story.id }));
    expect(note?.question).toBe(detail?.question);
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
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^Ponder: invalid request for ${channel}: `));
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a note for a story that is in no library, without writing', async () => {
    await session.open(SAMPLE);
    const result = await handlers['notes:save']({ id: '0123456789abcdef', text: 'x' });
    expect(result).toEqual({ ok: false, error: 'Ponder: there is no story 0123456789abcdef in this library to attach a note to.' });
    expect(await readdir(dataDir)).not.toContain('notes');
  });
});
