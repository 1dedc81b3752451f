// Notes that are never lost (issue 3): edits by other programs, history,
// orphans, failed saves and damaged note files, through the real UI and disk.

import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY, target } from './host';
import { diskText, editOnDisk } from './note-files';
import { ReaderPage } from './reader-page';

test('a note changed on disk while not being edited is reloaded', async ({ reader, ui }) => {
  const story = (await loadLibrary(SAMPLE_LIBRARY)).stories[1]!;
  await ui.ready();
  await ui.openStory(story.title);
  await ui.writeNote('Written in Ponder');
  await editOnDisk(reader.dataDir, story.id, story.question, 'Edited in another editor');
  await expect(ui.noteEditor).toHaveValue('Edited in another editor');
  await expect(ui.noteStatus).toHaveText('Updated from disk');
  await expect(ui.conflictBanner).toBeHidden();
});

test('a change on disk during unsaved edits keeps both texts and lets the reader choose', async ({ reader, ui }) => {
  const story = (await loadLibrary(SAMPLE_LIBRARY)).stories[2]!;
  await ui.ready();
  await ui.openStory(story.title);
  await ui.writeNote('First draft');
  // Type, and before the save lands another program writes the file.
  await ui.noteEditor.fill('My unsaved thoughts');
  await editOnDisk(reader.dataDir, story.id, story.question, 'Their version from a sync tool');

  await expect(ui.conflictBanner).toBeVisible();
  await expect(ui.noteEditor).toHaveValue('My unsaved thoughts');
  expect(await diskText(reader.dataDir, story.id)).toBe('Their version from a sync tool');

  await ui.keepMineButton.click();
  await expect(ui.conflictBanner).toBeHidden();
  await expect.poll(() => diskText(reader.dataDir, story.id)).toBe('My unsaved thoughts');
  const history = await new NotesStore(reader.dataDir).history(story.id);
  expect(history.map((version) => version.text)).toContain('Their version from a sync tool');
});

test('the history lists earlier versions and restores one', async ({ reader, ui }) => {
  const story = (await loadLibrary(SAMPLE_LIBRARY)).stories[3]!;
  await ui.ready();
  await ui.openStory(story.title);
  await ui.writeNote('First thought');
  await ui.writeNote('Second thought');

  await ui.openHistory();
  await expect(ui.historyVersions.first(), 'the newest earlier version comes first').toContainText('First thought');
  await ui.restoreVersion('First thought');

  await expect(ui.noteEditor).toHaveValue('First thought');
  await expect.poll(() => diskText(reader.dataDir, story.id)).toBe('First thought');
  const history = await new NotesStore(reader.dataDir).history(story.id);
  expect(history.map((version) => version.text)).toContain('Second thought');
});

test.describe('a library that changes', () => {
  let root: string;
  test.beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-lib-'));
    await cp(SAMPLE_LIBRARY, path.join(root, 'library'), { recursive: true });
  });
  test.afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('a note whose story leaves the library is listed as orphaned, readable and editable', async () => {
    const library = path.join(root, 'library');
    const [file] = await readdir(library);
    const lines = (await readFile(path.join(library, file!), 'utf8')).split('\n');
    const story = (await loadLibrary(library)).stories[0]!;

    const reader = await launchReader({ library });
    try {
      const ui = new ReaderPage(reader.page);
      await ui.ready();
      await ui.openStory(story.title);
      await ui.writeNote('A note that must outlive its story');

      // The story's three lines leave the file while Ponder is open.
      await writeFile(path.join(library, file!), lines.slice(3).join('\n'));
      await expect(ui.storyRows.filter({ hasText: story.title })).toHaveCount(0);
      await ui.showOrphans();
      await expect(ui.storyRows).toHaveCount(1);
      await ui.storyRows.first().click();
      await expect(ui.orphanNotice).toBeVisible();
      await expect(ui.question).toContainText(story.question);
      await expect(ui.noteEditor).toHaveValue('A note that must outlive its story');
      await ui.writeNote('Still mine, edited as an orphan');
      expect(await diskText(reader.dataDir, story.id)).toBe('Still mine, edited as an orphan');
    } finally {
      await reader.close();
    }
  });
});

test('a failed save is shown, the text kept, and saved once the problem is fixed', async ({ reader, ui }) => {
  const story = (await loadLibrary(SAMPLE_LIBRARY)).stories[4]!;
  // A file where the notes folder should be: every write fails, as on a broken disk.
  await rm(path.join(reader.dataDir, 'notes'), { recursive: true, force: true });
  await writeFile(path.join(reader.dataDir, 'notes'), 'not a folder');
  await ui.ready();
  await ui.openStory(story.title);
  await ui.noteEditor.fill('Words that must not be lost');

  await expect(ui.saveFailureBanner).toBeVisible();
  await expect(ui.saveFailureBanner).toContainText('could not save');
  await expect(ui.noteEditor).toHaveValue('Words that must not be lost');

  await rm(path.join(reader.dataDir, 'notes'));
  await ui.retrySaveButton.click();
  await expect(ui.saveFailureBanner).toBeHidden();
  await expect.poll(() => diskText(reader.dataDir, story.id)).toBe('Words that must not be lost');
});

test('a damaged note file is shown as such, its text recovered, and the original kept', async ({ reader, ui }) => {
  const story = (await loadLibrary(SAMPLE_LIBRARY)).stories[5]!;
  const file = path.join(reader.dataDir, 'notes', `${story.id}.md`);
  const damaged = '---\nid: [unclosed\nquestion: "x\n---\nThe words I wrote before the crash';
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, damaged);
  await ui.ready();
  await ui.openStory(story.title);

  await expect(ui.unreadableNoteWarning).toBeVisible();
  await expect(ui.noteEditor).toHaveValue(/The words I wrote before the crash/);
  await ui.writeNote('The words I wrote before the crash, recovered');
  expect(await diskText(reader.dataDir, story.id)).toBe('The words I wrote before the crash, recovered');
  const kept = (await readdir(path.dirname(file))).filter((name) => name.includes('.corrupt-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(path.join(path.dirname(file), kept[0]!), 'utf8')).toBe(damaged);
});

test('the data folder is shown and can be revealed', async ({ reader, ui }) => {
  await ui.ready();
  await expect(ui.dataFolderPath).toContainText(reader.dataDir);
  // In the real app Reveal opens the system's file manager, which a test cannot see.
  test.skip(target === 'electron', 'the file manager is outside the app');
  await ui.revealDataFolderButton.click();
  await expect.poll(() => reader.shellCalls).toContain('reveal-data-folder');
});
