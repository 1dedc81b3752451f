// Another program's write racing a save (issue 8, item 6): whatever lands at
// any moment before Ponder's note appears is kept (on disk or in history) and
// the save answers conflict. The write is injected through the store's
// file-system seam ahead of each call a save makes, one step at a time.

import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { recordingFs } from './helpers/faulty-fs';
import type { FsCall } from './helpers/faulty-fs';
import { test } from './helpers/temp-dir';

const ID = '3f1c0a9be2d47a15';
const note = (text: string) => ({ id: ID, text, question: 'q', source: 's' });
const theirs = (text: string) =>
  `---\nid: ${ID}\nquestion: "q"\nsource: "s"\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-02T00:00:00.000Z\n---\n${text}`;

/** Every text of the note on disk and in its history, after a load (which keeps a text replaced behind the store's back). */
async function textsKept(store: NotesStore): Promise<string[]> {
  const load = await store.load(ID);
  const current = load.state === 'ok' ? [load.note.text] : [];
  return [...current, ...(await store.history(ID)).map((version) => version.text)];
}

/** The calls a conditional save of an existing note makes, in order. */
async function stepsOfASave(tmpDir: string): Promise<FsCall[]> {
  const fs = recordingFs();
  const store = new NotesStore(path.join(tmpDir, 'dry'), { fs });
  const base = await store.save(note('the start'));
  fs.calls.length = 0;
  await store.save({ ...note('mine'), baseRevision: base.status === 'saved' ? base.note.revision : null });
  return [...fs.calls];
}

describe('an external write landing at any step of a save', () => {
  test('is kept, and the save answers conflict unless it landed after the note was written', async ({ tmpDir }) => {
    const steps = await stepsOfASave(tmpDir);
    // The step that puts the new note in place (a link, or a rename over it).
    const placed = steps.findLastIndex((call) => (call.call === 'link' || call.call === 'rename') && call.path.endsWith(`${ID}.md`));
    expect(placed, steps.map((call) => `${call.call} ${path.basename(call.path)}`).join('\n')).toBeGreaterThan(0);
    for (const [index, step] of steps.entries()) {
      for (const how of ['in place', 'by rename'] as const) {
        const dataDir = path.join(tmpDir, `step-${index}-${how.replace(' ', '-')}`);
        let armed = false;
        let seen = 0;
        const fs = recordingFs(async () => {
          if (!armed || seen++ !== index) return;
          const file = store.fileFor(ID);
          if (how === 'in place') await writeFile(file, theirs('their words'));
          else {
            await writeFile(`${file}.sync-tmp`, theirs('their words'));
            await rename(`${file}.sync-tmp`, file);
          }
        });
        const store = new NotesStore(dataDir, { fs });
        const base = await store.save(note('the start'));
        const revision = base.status === 'saved' ? base.note.revision : null;
        armed = true;
        const result = await store.save({ ...note('mine'), baseRevision: revision });
        const context = `external write ${how} before step ${index} (${step.call} ${path.basename(step.path)})`;
        expect(result.status, context).toBe(index <= placed ? 'conflict' : 'saved');
        const kept = await textsKept(store);
        for (const text of ['the start', 'their words', 'mine']) expect(kept, context).toContain(text);
        if (result.status === 'conflict') {
          expect(await readFile(store.fileFor(ID), 'utf8'), context).toBe(theirs('their words'));
        }
        expect((await store.list()).unreadable, context).toEqual([]);
      }
    }
  });
});
