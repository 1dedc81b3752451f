import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { COALESCE_MS, NoteHistory } from '../../electron/core/notes/note-history';
import type { Note } from '../../electron/core/types';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const T0 = new Date('2026-11-24T21:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function note(text: string): Note {
  return { id: ID, question: 'q', source: 's', created: T0.toISOString(), updated: T0.toISOString(), text };
}

describe('NoteHistory', () => {
  test('keeps a version per call, named by time, newest first', async ({ tmpDir }) => {
    const history = new NoteHistory(tmpDir);
    expect(await history.keep(note('a'), 'edit', { now: T0 })).toBe('20261124T210000000Z');
    expect(await history.keep(note('b'), 'import', { now: later(1) })).toBe('20261124T210000001Z');
    expect((await history.list(ID)).map((version) => [version.version, version.reason, version.text])).toEqual([
      ['20261124T210000001Z', 'import', 'b'],
      ['20261124T210000000Z', 'edit', 'a'],
    ]);
  });

  test('never keeps the newest text twice', async ({ tmpDir }) => {
    const history = new NoteHistory(tmpDir);
    await history.keep(note('a'), 'conflict', { now: T0 });
    expect(await history.keep(note('a'), 'restore', { now: later(COALESCE_MS * 2) })).toBeNull();
    expect(await history.list(ID)).toHaveLength(1);
  });

  test(`coalesces edits within ${COALESCE_MS / 60_000} minutes of the newest edit, only when asked`, async ({ tmpDir }) => {
    const history = new NoteHistory(tmpDir);
    await history.keep(note('a'), 'edit', { now: T0 });
    expect(await history.keep(note('b'), 'edit', { now: later(COALESCE_MS - 1), coalesce: true })).toBeNull();
    expect(await history.keep(note('b'), 'edit', { now: later(COALESCE_MS - 1) })).not.toBeNull();
    expect(await history.keep(note('c'), 'edit', { now: later(COALESCE_MS * 3), coalesce: true })).not.toBeNull();
    // Other reasons are always kept.
    expect(await history.keep(note('d'), 'external', { now: later(COALESCE_MS * 3 + 1), coalesce: true })).not.toBeNull();
    expect(await history.list(ID)).toHaveLength(4);
  });

  test('skips files that are not readable versions, and refuses names that are not versions', async ({ tmpDir }) => {
    const history = new NoteHistory(tmpDir);
    await history.keep(note('kept'), 'edit', { now: T0 });
    const dir = history.dirFor(ID);
    await writeFile(path.join(dir, '20261124T210000001Z.md'), 'damaged');
    await writeFile(path.join(dir, 'notes.md'), '---\nid: 3f1c0a9be2d47a15\n---\nnot a version name');
    await writeFile(path.join(dir, '.20261124T210000002Z.md.0123456789ab.tmp'), 'temp');
    expect((await history.list(ID)).map((version) => version.text)).toEqual(['kept']);
    expect(await history.read(ID, '20261124T210000000Z')).toMatchObject({ reason: 'edit', note: { text: 'kept' } });
    expect(await history.read(ID, '20261124T210000001Z')).toBeUndefined();
    expect(await history.read(ID, '../../x')).toBeUndefined();
    expect(await new NoteHistory(path.join(tmpDir, 'none')).list(ID)).toEqual([]);
  });

  test('thinning keeps every text that exists nowhere else, and lets duplicates go', async ({ tmpDir }) => {
    const history = new NoteHistory(tmpDir);
    // 53 imports (texts from elsewhere) a minute apart, alternating two texts after the first 50.
    for (let i = 0; i < 53; i++) await history.keep(note(i < 50 ? `v${i}` : `dup${i % 2}`), 'import', { now: later(i * 60_000) });
    for (let i = 0; i < 4; i++) await history.keep(note(`dup${i % 2}`), 'import', { now: later((53 + i) * 60_000) });
    // A day later every distinct text is still there; of the duplicates, one copy each.
    await history.keep(note('a day later'), 'import', { now: later(26 * 60 * 60_000) });
    const texts = (await history.list(ID)).map((version) => version.text);
    for (let i = 0; i < 50; i++) expect(texts).toContain(`v${i}`);
    expect(texts.filter((text) => text.startsWith('dup')).sort()).toEqual(['dup0', 'dup1']);
  });
});
