// What main decides after asking the page to write its notes — before the
// window closes and before the notes folder moves — and main's own record of
// saves it counts in, over the real handler table on a real data folder.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDecision, moveRefusal } from '../../electron/services/close-decision';
import { FlushGate } from '../../electron/services/flush-gate';
import type { IpcHandlerTable } from '../../electron/services/ipc-handlers';
import type { ReaderSession } from '../../electron/services/reader-session';
import { SaveJournal } from '../../electron/services/save-journal';
import { HELD_MESSAGE, holdWrites } from '../../electron/services/write-guard';
import { SAMPLE, sessionWithHandlers } from './helpers/session-fixture';

const flushed = (unsaved: number) => ({ state: 'flushed', report: { unsaved } }) as const;

describe('closing the window', () => {
  it('closes at once when every note is on disk', () => {
    expect(closeDecision(flushed(0), 0)).toEqual({ kind: 'close' });
  });

  it('asks when the page could not save a note', () => {
    expect(closeDecision(flushed(2), 0)).toMatchObject({ kind: 'ask', message: 'Ponder could not save 2 notes.' });
  });

  it('asks when the page does not answer in time, as for a failed save', async () => {
    const outcome = await new FlushGate(10).wait(() => undefined);
    expect(closeDecision(outcome, 0)).toMatchObject({ kind: 'ask', message: 'Ponder could not confirm that your notes are saved.' });
    expect(closeDecision(outcome, 1)).toMatchObject({ kind: 'ask', detail: expect.stringContaining('1 note known not to be saved') });
  });

  it('asks when main knows of an unsaved note the page says is not there', () => {
    expect(closeDecision(flushed(0), 1)).toMatchObject({ kind: 'ask', message: 'Ponder could not save 1 note.' });
  });
});

describe('moving the notes folder', () => {
  it('goes ahead only when every note is on disk', async () => {
    expect(moveRefusal(flushed(0), 0)).toBeNull();
    expect(moveRefusal(flushed(1), 0)).toMatch(/^Ponder: the notes folder was not moved, because 1 note could not be saved\./);
    expect(moveRefusal(flushed(0), 3)).toMatch(/because 3 notes could not be saved/);
    expect(moveRefusal(await new FlushGate(10).wait(() => undefined), 0)).toMatch(/^Ponder: .*did not confirm in time/);
  });
});

describe("main's own record of saves, over the real handlers", () => {
  let dataDir: string;
  let session: ReaderSession;
  let handlers: IpcHandlerTable;
  let storyId: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-journal-'));
    ({ session, handlers } = sessionWithHandlers(dataDir));
    storyId = (await session.open(SAMPLE)).stories[0]!.id;
  });
  afterEach(async () => {
    await session.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts a failed save as unsaved, keeps its text, and forgets it once a save works', async () => {
    const journal = new SaveJournal();
    const table = journal.record(handlers);
    const saved = await table['notes:save']({ id: storyId, text: 'first', baseRevision: null });
    expect(saved.ok).toBe(true);
    expect(journal.unsaved()).toBe(0);
    expect(journal.report().lastSaved).toMatchObject({ id: storyId, at: expect.stringMatching(/^\d{4}-/) });

    // A file where the notes folder should be: the save fails on disk.
    await rm(path.join(dataDir, 'notes'), { recursive: true, force: true });
    await writeFile(path.join(dataDir, 'notes'), 'not a folder');
    const failed = await table['notes:save']({ id: storyId, text: 'lost unless main keeps it' });
    expect(failed.ok).toBe(false);
    expect(journal.unsaved()).toBe(1);
    expect(journal.report().unsaved).toEqual([{ id: storyId, text: 'lost unless main keeps it' }]);
    // The page says all is well; main still asks.
    expect(closeDecision(flushed(0), journal.unsaved())).toMatchObject({ kind: 'ask' });

    await rm(path.join(dataDir, 'notes'));
    expect((await table['notes:save']({ id: storyId, text: 'lost unless main keeps it' })).ok).toBe(true);
    expect(journal.unsaved()).toBe(0);
    expect(journal.report().unsaved).toEqual([]);
  });

  it('counts a save refused as a conflict as kept (its text is in history)', async () => {
    const journal = new SaveJournal();
    const table = journal.record(handlers);
    await table['notes:save']({ id: storyId, text: 'on disk', baseRevision: null });
    const refused = await table['notes:save']({ id: storyId, text: 'from a stale editor', baseRevision: null });
    expect(refused).toMatchObject({ ok: true, value: { status: 'conflict' } });
    expect(journal.unsaved()).toBe(0);
    expect((await session.notes.history(storyId)).map((version) => version.text)).toContain('from a stale editor');
  });

  it('refuses every write while the folder moves, and records a refused save as unsaved', async () => {
    let moving = true;
    const journal = new SaveJournal();
    const table = journal.record(holdWrites(handlers, () => moving));
    expect(await table['notes:save']({ id: storyId, text: 'typed during the move' })).toEqual({ ok: false, error: HELD_MESSAGE });
    expect(await table['notes:restore']({ id: storyId, version: 'v1' })).toEqual({ ok: false, error: HELD_MESSAGE });
    expect(await table['view:save']({ selectedStoryId: storyId })).toEqual({ ok: false, error: HELD_MESSAGE });
    expect((await session.notes.get(storyId)).state).toBe('missing');
    expect(journal.unsaved()).toBe(1);
    moving = false;
    expect((await table['notes:save']({ id: storyId, text: 'typed during the move' })).ok).toBe(true);
    expect(journal.unsaved()).toBe(0);
  });
});
