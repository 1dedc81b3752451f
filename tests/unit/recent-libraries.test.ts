// Recent libraries and opening a dropped folder, through the real IPC handler table over a
// real ReaderSession: temp libraries copied from the sample, a temp data folder, real state.json.

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcHandlerTable } from '../../electron/services/ipc-handlers';
import type { ReaderSession } from '../../electron/services/reader-session';
import { NOT_FROM_DISK, NOT_RECENT } from '../../electron/services/recent-libraries';
import { OPEN_FLOOD } from '../../electron/services/request-limits';
import type { Envelope, EventChannel } from '../../electron/shared/ipc-contract';
import { recordFsPaths } from './helpers/fs-recorder';
import { SAMPLE, sessionWithHandlers, value } from './helpers/session-fixture';

let root: string;
let dataDir: string;
let first: string;
let second: string;
let events: Array<{ channel: EventChannel; payload: unknown }>;
let session: ReaderSession;
let handlers: IpcHandlerTable;
let changes: number;

function start(options: { watchLibrary?: boolean; now?: () => number } = {}): void {
  ({ session, handlers } = sessionWithHandlers(dataDir, { ...options, emit: (channel, payload) => events.push({ channel, payload }) }));
  session.recents.onChange(() => (changes += 1));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-recents-'));
  dataDir = path.join(root, 'data');
  first = path.join(root, 'first');
  second = path.join(root, 'second');
  await cp(SAMPLE, first, { recursive: true });
  await cp(SAMPLE, second, { recursive: true });
  events = [];
  changes = 0;
});

afterEach(async () => {
  await session.close();
  await rm(root, { recursive: true, force: true });
});

async function error(envelope: Promise<Envelope<unknown>>): Promise<string> {
  const result = await envelope;
  if (result.ok) throw new Error('expected the request to be refused');
  return result.error;
}

describe('library:open (a dropped folder)', () => {
  it('opens an existing folder, and remembers it as the last library and first recent', async () => {
    start();
    const snapshot = await value(handlers['library:open']({ folder: first }));
    expect(snapshot).toMatchObject({ folder: first, name: 'first', storyCount: 26 });
    await value(handlers['library:open']({ folder: second }));
    expect(await value(handlers['library:recents'](undefined))).toEqual([
      { folder: second, name: 'second', missing: false },
      { folder: first, name: 'first', missing: false },
    ]);
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8'));
    expect(onDisk).toMatchObject({ lastLibrary: second, recentLibraries: [second, first] });
    expect(changes).toBe(2);
  });

  it('refuses what is not a folder on disk, saying what to do', async () => {
    start();
    const file = path.join(first, 'notes.txt');
    await writeFile(file, 'not a folder');
    expect(await error(handlers['library:open']({ folder: '' }))).toBe(NOT_FROM_DISK);
    expect(await error(handlers['library:open']({ folder: 'first' }))).toBe('Ponder: “first” is not a full path to a folder. Drop the folder itself, or use Open Folder….');
    expect(await error(handlers['library:open']({ folder: file }))).toBe(
      'Ponder: “notes.txt” is a file, not a folder. Drop the folder that holds your digest files to open it.',
    );
    expect(await error(handlers['library:open']({ folder: path.join(root, 'gone') }))).toMatch(/^Ponder: the folder .*gone is not there any more\. .*Locate…/);
    expect(await error(handlers['library:open']({ folder: 'a\0b' }))).toMatch(/^Ponder: invalid request for library:open: .*NUL/);
    expect(await error(handlers['library:open']({ folder: first, extra: 1 }))).toMatch(/^Ponder: invalid request for library:open/);
    expect(await value(handlers['library:current'](undefined))).toBeNull();
    expect(await value(handlers['library:recents'](undefined))).toEqual([]);
  });

  it('is rate-limited like the dialogs: a page looping on it is refused', async () => {
    start({ now: () => 0 });
    for (let i = 0; i < 3; i++) await value(handlers['library:open']({ folder: i % 2 ? second : first }));
    expect(await error(handlers['library:open']({ folder: second }))).toBe(OPEN_FLOOD);
  });
});

describe('library:open-recent, forget and clear', () => {
  it('opens only folders of the list, and touches no other path it is given', async () => {
    start();
    await value(handlers['library:open']({ folder: first }));
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    const recorder = recordFsPaths();
    try {
      expect(await error(handlers['library:open-recent']({ folder: outside }))).toBe(NOT_RECENT);
    } finally {
      recorder.stop();
    }
    expect(recorder.paths.filter((touched) => touched.startsWith(outside))).toEqual([]);
    await value(handlers['library:open']({ folder: second }));
    expect(await value(handlers['library:open-recent']({ folder: first }))).toMatchObject({ folder: first, storyCount: 26 });
    expect((await value(handlers['library:recents'](undefined))).map((recent) => recent.folder)).toEqual([first, second]);
  });

  it('marks a folder that moved as missing, refuses to open it, and forgets it on request', async () => {
    start();
    await value(handlers['library:open']({ folder: first }));
    await value(handlers['library:open']({ folder: second }));
    await rm(first, { recursive: true });
    expect(await value(handlers['library:recents'](undefined))).toEqual([
      { folder: second, name: 'second', missing: false },
      { folder: first, name: 'first', missing: true },
    ]);
    expect(await error(handlers['library:open-recent']({ folder: first }))).toMatch(/^Ponder: the folder .*first is not there any more/);
    const before = changes;
    expect(await value(handlers['library:forget-recent']({ folder: first }))).toEqual([{ folder: second, name: 'second', missing: false }]);
    expect(changes).toBe(before + 1);
    expect(await value(handlers['library:clear-recents'](undefined))).toEqual([]);
    expect(await value(handlers['library:recents'](undefined))).toEqual([]);
    // Clearing the list leaves the open library open, and reopened at the next start.
    expect((await value(handlers['library:current'](undefined)))?.folder).toBe(second);
    expect(JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8'))).toMatchObject({ lastLibrary: second });
  });
});

describe('a library folder that vanishes while open', () => {
  it('is closed and reported, shows as missing, and a note typed for one of its stories still saves', async () => {
    start({ watchLibrary: true });
    const snapshot = await value(handlers['library:open']({ folder: first }));
    const id = snapshot.stories[0]!.id;
    // The watcher reports changes once its first scan is done: wait for the whole library to be read.
    await expect.poll(() => events.some((event) => event.channel === 'library:changed'), { timeout: 10_000 }).toBe(true);
    await rm(first, { recursive: true });
    await expect
      .poll(() => events.find((event) => event.channel === 'library:missing')?.payload, { timeout: 10_000 })
      .toEqual({ folder: first });
    expect(await value(handlers['library:current'](undefined))).toBeNull();
    expect(await value(handlers['library:recents'](undefined))).toEqual([{ folder: first, name: 'first', missing: true }]);
    expect(await value(handlers['notes:save']({ id, text: 'Written as the folder went.' }))).toMatchObject({ status: 'saved', id });
    expect(await readFile(path.join(dataDir, 'notes', `${id}.md`), 'utf8')).toContain('Written as the folder went.');
  });
});
