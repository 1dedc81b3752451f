import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { AppStateStore } from '../../electron/core/data/app-state';
import { NotesJournal } from '../../electron/services/notes-journal';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { nextUnanswered, ReadingState } from '../../electron/services/reading-state';
import { MAX_READING_IDS } from '../../electron/shared/loop-view';
import { test } from './helpers/temp-dir';

const A = 'aaaaaaaaaaaaaaa1';
const B = 'bbbbbbbbbbbbbbb2';
const C = 'ccccccccccccccc3';
/** Long enough that no write happens unless the test flushes. */
const NEVER = 3_600_000;

/** Both sets as id lists, oldest mark first. */
async function sets(reading: ReadingState): Promise<{ read: string[]; starred: string[] }> {
  return { read: [...(await reading.readIds())], starred: [...(await reading.starredIds())] };
}

async function stateFile(dir: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

describe('ReadingState', () => {
  test('marks and stars in memory at once, writes state.json only when flushed (debounced), and reads it back next run', async ({ tmpDir }) => {
    const reading = new ReadingState(new AppStateStore(tmpDir), { saveDelayMs: NEVER });
    expect(await sets(reading)).toEqual({ read: [], starred: [] });
    expect(await reading.mark([A, B], true)).toEqual([A, B]);
    expect(await reading.mark([A, C], true)).toEqual([C]); // A was read already: only C changed
    expect(await reading.mark([B], false)).toEqual([B]);
    await reading.star(C, true);
    await reading.star(A, true);
    await reading.star(A, false);
    expect(await sets(reading)).toEqual({ read: [A, C], starred: [C] });
    expect(await stateFile(tmpDir), 'nothing written before the marks settle').toBeNull();

    await reading.flush();
    expect((await stateFile(tmpDir))?.['reading']).toEqual({ read: [A, C], starred: [C] });
    const nextRun = new ReadingState(new AppStateStore(tmpDir));
    expect(await sets(nextRun)).toEqual({ read: [A, C], starred: [C] });
  });

  test('keeps the rest of state.json, and the view saved meanwhile', async ({ tmpDir }) => {
    const store = new AppStateStore(tmpDir);
    const reading = new ReadingState(store, { saveDelayMs: NEVER });
    await reading.mark([A], true);
    await store.update({ lastLibrary: '/digests', view: { selectedTopic: 'topic:NATO', selectedStoryId: A, editorMode: 'write', listShow: 'starred', welcomed: true } });
    await reading.flush();
    const saved = await stateFile(tmpDir);
    expect(saved).toMatchObject({ lastLibrary: '/digests', view: { selectedTopic: 'topic:NATO', editorMode: 'write', listShow: 'starred', welcomed: true }, reading: { read: [A] } });
    expect((await new AppStateStore(tmpDir).load()).view.listShow, 'the Show choice comes back next run').toBe('starred');
  });

  test('a state.json from before reading state loads as nothing read; bad ids and duplicates are dropped', async ({ tmpDir }) => {
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, lastLibrary: null, view: { selectedTopic: null } }));
    expect(await sets(new ReadingState(new AppStateStore(tmpDir)))).toEqual({ read: [], starred: [] });
    const messy = { version: 1, view: { editorMode: 'sideways', listShow: 'everything', welcomed: 'yes' }, reading: { read: [A, 'nope', A, 42, B.toUpperCase(), B], starred: 'all' } };
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify(messy));
    const state = await new AppStateStore(tmpDir).load();
    expect(state.reading).toEqual({ read: [A, B], starred: [] });
    expect(state.view).toEqual({ selectedTopic: null, selectedStoryId: null });
  });

  test(`keeps at most ${MAX_READING_IDS} ids per set, the newest marks`, async ({ tmpDir }) => {
    const ids = Array.from({ length: MAX_READING_IDS + 5 }, (_, i) => i.toString(16).padStart(16, '0'));
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, reading: { read: ids, starred: [] } }));
    const read = (await new AppStateStore(tmpDir).load()).reading!.read;
    expect(read).toHaveLength(MAX_READING_IDS);
    expect(read[0]).toBe(ids[5]);
    expect(read.at(-1)).toBe(ids.at(-1));
  });
});

describe('nextUnanswered', () => {
  test('walks the list from the story after the current one, wrapping round, and says when none is left', () => {
    const ids = [A, B, C];
    expect(nextUnanswered(ids, new Set(), null)).toBe(A);
    expect(nextUnanswered(ids, new Set([B]), A)).toBe(C);
    expect(nextUnanswered(ids, new Set([A]), C)).toBe(B);
    expect(nextUnanswered(ids, new Set([A, C]), B), 'the current story is not "next"').toBeNull();
    expect(nextUnanswered(ids, new Set([A, B, C]), null)).toBeNull();
    expect(nextUnanswered(ids, new Set([A]), 'ffffffffffffffff'), 'unknown current story: from the top').toBe(B);
  });
});

describe('NotesJournal', () => {
  async function writeNote(dir: string, id: string, created: string, question: string, text: string): Promise<void> {
    await mkdir(path.join(dir, 'notes'), { recursive: true });
    const front = `---\nid: ${id}\nquestion: "${question}"\nsource: "d.txt"\ncreated: ${created}\nupdated: ${created}\n---\n`;
    await writeFile(path.join(dir, 'notes', `${id}.md`), `${front}${text}`);
  }

  test('lists answered notes newest first with their questions, counts those since a time, and searches them', async ({ tmpDir }) => {
    await writeNote(tmpDir, A, '2026-03-02T09:00:00.000Z', 'Why troops?', 'Because of the drones.');
    await writeNote(tmpDir, B, '2026-03-09T08:00:00.000Z', 'What next for NATO?', 'Deterrence, mostly.');
    await writeNote(tmpDir, C, '2026-03-10T08:00:00.000Z', 'Emptied?', '   ');
    const store = new NotesStore(tmpDir);
    const journal = new NotesJournal({ notes: async () => (await store.list()).notes, storyIds: () => new Set([A]) });

    const all = await journal.entries({ since: '2026-03-09T00:00:00.000Z', limit: 10 });
    expect(all.total).toBe(2);
    expect(all.answeredSince).toBe(1);
    expect(all.entries.map((entry) => [entry.id, entry.question, entry.inLibrary])).toEqual([
      [B, 'What next for NATO?', false],
      [A, 'Why troops?', true],
    ]);
    expect(all.entries[1]!.snippet).toBe('Because of the drones.');

    expect((await journal.entries({ since: '2026-03-09T00:00:00.000Z', limit: 0 })).entries).toEqual([]);
    const found = await journal.entries({ since: '2026-03-09T00:00:00.000Z', limit: 10, query: 'drone' });
    expect(found.entries.map((entry) => entry.id)).toEqual([A]);
    expect((await journal.entries({ since: '2026-03-09T00:00:00.000Z', limit: 10, query: 'question:nato' })).entries.map((entry) => entry.id)).toEqual([B]);
    const broken = await journal.entries({ since: '2026-03-09T00:00:00.000Z', limit: 10, query: 'drone~3' });
    expect(broken.error).toMatch(/^Ponder: fuzzy search allows at most ~2/);
    expect(broken.entries).toEqual([]);
    await journal.close();
  });
});
