import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, onTestFinished } from 'vitest';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { watchNotes } from '../../electron/core/notes/notes-watcher';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const OTHER = '00000000000000ab';
const POLL = { timeout: 5000, interval: 20 };

/** Watch `notesDir` until the test ends; the ids reported, in order. */
async function watching(notesDir: string, debounceMs = 50): Promise<string[]> {
  const seen: string[] = [];
  const watcher = watchNotes(notesDir, (id) => seen.push(id), { debounceMs });
  onTestFinished(() => watcher.close());
  await watcher.ready;
  return seen;
}

const noteText = (id: string, text: string) => `---\nid: ${id}\n---\n${text}`;

describe('watchNotes', () => {
  test('reports notes added, changed and removed by another program', async ({ tmpDir }) => {
    const notesDir = path.join(tmpDir, 'notes');
    const seen = await watching(notesDir);
    await writeFile(path.join(notesDir, `${ID}.md`), noteText(ID, 'new'));
    await expect.poll(() => seen, POLL).toEqual([ID]);
    await writeFile(path.join(notesDir, `${ID}.md`), noteText(ID, 'changed'));
    await expect.poll(() => seen, POLL).toEqual([ID, ID]);
    await rm(path.join(notesDir, `${ID}.md`));
    await expect.poll(() => seen, POLL).toEqual([ID, ID, ID]);
  });

  test('reports an editor-style atomic save (temp file renamed over the note) and a store save', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    const seen = await watching(store.notesDir);
    await store.save({ id: OTHER, text: 'via the store', question: 'q', source: 's' });
    await expect.poll(() => seen, POLL).toEqual([OTHER]);
    const temp = path.join(store.notesDir, 'note.md.swp');
    await writeFile(temp, noteText(ID, 'from vim'));
    await rename(temp, store.fileFor(ID));
    await expect.poll(() => seen, POLL).toEqual([OTHER, ID]);
  });

  test('ignores temp files, copies kept aside, subfolders and other files', async ({ tmpDir }) => {
    const notesDir = path.join(tmpDir, 'notes');
    const seen = await watching(notesDir);
    await writeFile(path.join(notesDir, `.${ID}.md.0123456789ab.tmp`), 'x');
    await writeFile(path.join(notesDir, `${ID}.corrupt-20260101T000000000Z.md`), 'x');
    await writeFile(path.join(notesDir, 'My thoughts.md'), 'x');
    await writeFile(path.join(notesDir, 'readme.txt'), 'x');
    await mkdir(path.join(notesDir, 'sub'));
    await writeFile(path.join(notesDir, 'sub', `${ID}.md`), 'x');
    // Nor anything else in the data folder.
    await writeFile(path.join(tmpDir, `${ID}.md`), 'x');
    await writeFile(path.join(tmpDir, 'state.json'), '{}');
    await mkdir(path.join(tmpDir, 'history', ID), { recursive: true });
    await writeFile(path.join(tmpDir, 'history', ID, '20260101T000000000Z.md'), noteText(ID, 'old'));
    // A real note last: once it is reported, the others would have been too.
    await writeFile(path.join(notesDir, `${OTHER}.md`), noteText(OTHER, 'real'));
    await expect.poll(() => seen, POLL).toEqual([OTHER]);
  });

  test('keeps watching when the notes folder is removed and made again', async ({ tmpDir }) => {
    const store = new NotesStore(tmpDir);
    const seen = await watching(store.notesDir);
    await store.save({ id: ID, text: 'one', question: 'q', source: 's' });
    await expect.poll(() => seen, POLL).toEqual([ID]);
    await rm(store.notesDir, { recursive: true });
    await expect.poll(() => seen, POLL).toEqual([ID, ID]);
    await store.save({ id: OTHER, text: 'two', question: 'q', source: 's' });
    await expect.poll(() => seen, POLL).toEqual([ID, ID, OTHER]);
  });

  test('reports a burst of writes to one note once', async ({ tmpDir }) => {
    const notesDir = path.join(tmpDir, 'notes');
    const seen = await watching(notesDir, 300);
    for (let i = 0; i < 5; i++) await writeFile(path.join(notesDir, `${ID}.md`), noteText(ID, `take ${i}`));
    await expect.poll(() => seen, POLL).toEqual([ID]);
  });

  test('makes a missing notes folder, and reports nothing after close', async ({ tmpDir }) => {
    const notesDir = path.join(tmpDir, 'data', 'notes');
    const seen: string[] = [];
    const watcher = watchNotes(notesDir, (id) => seen.push(id), { debounceMs: 10 });
    await watcher.ready;
    await watcher.close();
    await writeFile(path.join(notesDir, `${ID}.md`), noteText(ID, 'late'));
    // A later watcher sees the next change, so the first would have seen this one by then.
    const later = await watching(notesDir, 10);
    await writeFile(path.join(notesDir, `${OTHER}.md`), noteText(OTHER, 'later'));
    await expect.poll(() => later, POLL).toEqual([OTHER]);
    expect(seen).toEqual([]);
  });
});
