// Read and starred marks travel with the rows and stories main answers, never as whole sets:
// a reader who has read 100,000 stories opens the library without those ids crossing IPC
// (issue 13). Real sample library, real state.json in a temp data folder, the real handler table.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { INVOKE_METHODS } from '../../electron/shared/ipc-contract';
import type { InvokeChannel, StoryListItem } from '../../electron/shared/ipc-contract';
import { validateRequest } from '../../electron/shared/ipc-schemas';
import { SAMPLE, sessionWithHandlers, value } from './helpers/session-fixture';
import { test } from './helpers/temp-dir';

/** Story ids read in other libraries, as a long-time reader's state.json holds them. */
const READ_ELSEWHERE = Array.from({ length: 100_000 }, (_, n) => (n + 1).toString(16).padStart(16, 'e'));
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');
const marksOf = (rows: readonly StoryListItem[]) => rows.map((row) => [row.id, row.read ?? false, row.starred ?? false]);

describe('read and starred marks with the rows', () => {
  test('the snapshot, a window of rows, rows by id and a whole story carry their marks, as they are when asked', async ({ tmpDir }) => {
    const { stories } = await loadLibrary(SAMPLE);
    const [first, second, third] = stories as [(typeof stories)[0], (typeof stories)[0], (typeof stories)[0]];
    const state = { version: 1, view: {}, reading: { read: [...READ_ELSEWHERE, first.id, third.id], starred: [second.id] } };
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify(state));
    const { session, handlers } = sessionWithHandlers(tmpDir);
    try {
      const snapshot = await session.open(SAMPLE);
      const expected = (read: ReadonlySet<string>, starred: ReadonlySet<string>) => stories.map((story) => [story.id, read.has(story.id), starred.has(story.id)]);
      expect(marksOf(snapshot.stories)).toEqual(expected(new Set([first.id, third.id]), new Set([second.id])));
      // Only the true marks cross: an unmarked row has neither key.
      expect(Object.keys(snapshot.stories[3]!)).not.toContain('read');
      expect(Object.keys(snapshot.stories[3]!)).not.toContain('starred');

      const generation = snapshot.generation;
      const window = await value(handlers['library:rows']({ generation, filter: null, start: 1, end: 3 }));
      expect(marksOf(window.rows)).toEqual([
        [second.id, false, true],
        [third.id, true, false],
      ]);
      const byId = await value(handlers['library:rows']({ generation, ids: [third.id, first.id] }));
      expect(marksOf(byId.rows)).toEqual([
        [third.id, true, false],
        [first.id, true, false],
      ]);
      expect(await value(handlers['story:get']({ id: second.id }))).toMatchObject({ id: second.id, starred: true });
      expect(await value(handlers['story:get']({ id: second.id }))).not.toHaveProperty('read');

      // Marks change; the next answers say so (the rows main keeps for the library carry none).
      await value(handlers['reading:mark']({ ids: [first.id], read: false }));
      await value(handlers['reading:star']({ id: second.id, starred: false }));
      await value(handlers['reading:mark']({ ids: [second.id], read: true }));
      const again = await value(handlers['library:rows']({ generation, filter: null, start: 0, end: 3 }));
      expect(marksOf(again.rows)).toEqual([
        [first.id, false, false],
        [second.id, true, false],
        [third.id, true, false],
      ]);
      expect(await value(handlers['story:get']({ id: first.id }))).not.toHaveProperty('read');
      const unread = await value(handlers['library:rows']({ generation, filter: null, start: 0, end: 1, show: 'unread' }));
      expect(marksOf(unread.rows)).toEqual([[first.id, false, false]]);
    } finally {
      await session.close();
    }
  });

  test('no channel the renderer calls without a request sends the read set: 100,000 read ids stay in main', async ({ tmpDir }) => {
    const state = { version: 1, view: {}, reading: { read: READ_ELSEWHERE, starred: READ_ELSEWHERE.slice(0, 50_000) } };
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify(state));
    const { session, handlers } = sessionWithHandlers(tmpDir);
    try {
      await session.open(SAMPLE);
      const setBytes = bytes(READ_ELSEWHERE);
      expect(setBytes, 'what the read set alone weighs').toBeGreaterThan(1_800_000);
      // The argument-free channels are what a renderer can load state from at start.
      const argumentFree = (Object.values(INVOKE_METHODS) as InvokeChannel[]).filter((channel) => {
        try {
          validateRequest(channel, undefined);
          return true;
        } catch {
          return false;
        }
      });
      expect(argumentFree).toContain('library:current');
      expect(argumentFree).toContain('view:load');
      for (const channel of argumentFree) {
        const answer = await handlers[channel](undefined);
        expect(bytes(answer), `${channel} answers under 100 kB`).toBeLessThan(100_000);
      }
    } finally {
      await session.close();
    }
  });
});
