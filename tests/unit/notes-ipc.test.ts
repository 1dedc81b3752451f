// The notes channels as a renderer (or a compromised one) calls them, through
// the one IPC handler table on a real data folder: history that cannot be
// used to erase a note (issue 8, item 7), very large notes (item 9), and
// purging and deleting (issue 9, item 7).

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteHistory } from '../../electron/core/notes/note-history';
import type { IpcHandlerTable } from '../../electron/services/ipc-handlers';
import type { ReaderSession } from '../../electron/services/reader-session';
import { TOO_MANY_SAVES } from '../../electron/services/save-rate';
import { NOTE_TOO_LARGE } from '../../electron/shared/ipc-contract';
import { MAX_NOTE_CHARS, NOTE_TOO_LARGE_MESSAGE } from '../../electron/shared/ipc-schemas';
import { SAMPLE, sessionWithHandlers, value } from './helpers/session-fixture';

let dataDir: string;
let handlers: IpcHandlerTable;
let session: ReaderSession;
let id: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-notes-ipc-'));
  ({ session, handlers } = sessionWithHandlers(dataDir, { shell: { pickFolder: async () => SAMPLE } }));
  const snapshot = await value(handlers['library:choose'](undefined));
  id = snapshot!.stories[0]!.id;
});

afterEach(async () => {
  await session.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Every file's text under the data folder. The search index writes its cache in the background
 * (a temp file renamed into place), so a file listed may be gone when read: it held no text.
 */
async function everything(): Promise<string> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch(goneIsEmpty)));
  return texts.join('\n');
}

function goneIsEmpty(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
  throw error;
}

describe('history that cannot be used to erase a note', () => {
  it('an empty save and a flood of conflicting saves leave the text the note held', async () => {
    const original = 'What I really think, written over a week.';
    await value(handlers['notes:save']({ id, text: original, baseRevision: null }));
    const load = await value(handlers['notes:get']({ id }));
    const revision = load.state === 'ok' ? load.note.revision : null;
    await value(handlers['notes:save']({ id, text: '', baseRevision: revision }));
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => handlers['notes:save']({ id, text: `conflict ${i}`, baseRevision: 'f'.repeat(16) })),
    );
    // Main refuses the excess, in words the renderer acts on (it retries later).
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.ok ? '' : answer.error).toMatch(new RegExp(`^${TOO_MANY_SAVES} `));
    expect(await everything()).toContain(original);
    // And two days later, when thinning by age has run, it is still there.
    await new NoteHistory(path.join(dataDir, 'history')).keep(
      { id, question: '', source: '', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', text: 'later' },
      'import',
      { now: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000) },
    );
    expect(await everything()).toContain(original);
  });
});

describe('very large notes', () => {
  it('up to 1 MB of UTF-8 saves; beyond the cap the answer says so and is marked permanent', async () => {
    const accented = 'é'.repeat(512 * 1024); // 1 MiB of UTF-8
    expect(Buffer.byteLength(accented)).toBe(1024 * 1024);
    expect(await value(handlers['notes:save']({ id, text: accented }))).toMatchObject({ status: 'saved' });
    const ascii = 'a'.repeat(MAX_NOTE_CHARS);
    expect(await value(handlers['notes:save']({ id, text: ascii }))).toMatchObject({ status: 'saved' });
    const answer = await handlers['notes:save']({ id, text: `${ascii}!` });
    expect(answer).toEqual({ ok: false, error: NOTE_TOO_LARGE_MESSAGE });
    expect(NOTE_TOO_LARGE_MESSAGE.startsWith(NOTE_TOO_LARGE)).toBe(true);
    expect(await value(handlers['notes:get']({ id }))).toMatchObject({ state: 'ok', note: { text: ascii } });
  });
});

describe('purging and deleting', () => {
  it('purges one note\'s history, keeping the note and the history of other notes', async () => {
    const other = (await value(handlers['library:current'](undefined)))!.stories[1]!.id;
    for (const text of ['one', 'two', 'three']) {
      await value(handlers['notes:save']({ id, text }));
      await value(handlers['notes:save']({ id: other, text }));
    }
    expect((await value(handlers['notes:history']({ id }))).length).toBeGreaterThan(0);
    expect(await value(handlers['notes:purge-history']({ id }))).toEqual([]);
    expect(await value(handlers['notes:history']({ id }))).toEqual([]);
    expect(await value(handlers['notes:get']({ id }))).toMatchObject({ state: 'ok', note: { text: 'three' } });
    expect((await value(handlers['notes:history']({ id: other }))).length).toBeGreaterThan(0);
  });

  it('deletes a note and its history; nothing of it is left in the data folder', async () => {
    for (const text of ['first secret', 'second secret']) await value(handlers['notes:save']({ id, text }));
    await value(handlers['notes:delete']({ id }));
    expect(await value(handlers['notes:get']({ id }))).toEqual({ state: 'missing' });
    expect(await value(handlers['notes:history']({ id }))).toEqual([]);
    expect(await everything()).not.toMatch(/secret/);
    expect(await handlers['notes:delete']({ id: '../../etc/passwd' })).toMatchObject({ ok: false });
  });
});
