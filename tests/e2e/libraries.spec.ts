// Library folders in the window (issue 11, Libraries): the header's Library menu with the
// recent folders (a missing one greyed, Clear Recently Opened), a library that moved or
// vanished (Locate…, Remove from Recents), a folder dropped on the window, and the Notes
// menu's export and import through the host's file pickers — by keyboard where a person
// would use it. Every library is a fresh copy of the sample in a temp folder.

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NotesExport } from '../../electron/core/notes/notes-export';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test as base } from './fixtures';
import { SAMPLE_LIBRARY, target } from './host';

const test = base.extend<{ temp: string }>({
  // Playwright reads a fixture's dependencies from this pattern: none.
  // eslint-disable-next-line no-empty-pattern
  temp: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-libraries-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test.skip(target === 'electron', "the real app's folder, export and import dialogs are native, and a page-made drop has no path there");

/** A copy of the sample digest, as the folder `name` under `temp`. */
async function library(temp: string, name: string): Promise<string> {
  const folder = path.join(temp, name);
  await cp(SAMPLE_LIBRARY, folder, { recursive: true });
  return folder;
}

async function savedState(dataDir: string): Promise<{ lastLibrary: string | null; recentLibraries?: string[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8'));
}

test.describe('recent folders in the Library menu', () => {
  test.use({ launch: async ({ temp }, use) => use({ library: await library(temp, 'alpha') }) });

  test('open a folder, reopen the other from the recent list, see a missing one greyed, and clear the list', async ({ reader, ui, temp }) => {
    const menu = ui.libraries;
    await ui.ready();
    const beta = await library(temp, 'beta');
    reader.pickNextFolder(beta);
    await menu.chooseByKeyboard(menu.libraryButton, menu.libraryMenu, menu.libraryMenu.getByRole('menuitem', { name: 'Open Folder…' }));
    await expect(ui.libraryName).toHaveText('beta');

    // Most recent first, each named by its folder (the path is its description).
    await menu.openMenu(menu.libraryButton, menu.libraryMenu);
    await expect(menu.libraryMenuItems.nth(1)).toHaveAccessibleName('beta');
    await expect(menu.libraryMenuItems.nth(1)).toHaveAccessibleDescription(beta);
    await expect(menu.libraryMenuItems.nth(2)).toHaveAccessibleName('alpha');
    await ui.page.keyboard.press('Escape');
    await expect(menu.libraryMenu).toBeHidden();
    await expect(menu.libraryButton).toBeFocused();

    await menu.openRecent('alpha');
    await expect(ui.libraryName).toHaveText('alpha');
    await ui.ready();

    await rm(beta, { recursive: true });
    await menu.openMenu(menu.libraryButton, menu.libraryMenu);
    const missing = menu.recentMenuItem('beta (missing)');
    await expect(missing).toHaveAttribute('aria-disabled', 'true');
    // Reachable by the arrow keys, but choosing it does nothing.
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('ArrowDown');
    await expect(missing).toBeFocused();
    await ui.page.keyboard.press('Enter');
    await expect(menu.libraryMenu).toBeVisible();
    await expect(ui.libraryName).toHaveText('alpha');
    await ui.page.keyboard.press('Escape');

    await menu.chooseByKeyboard(menu.libraryButton, menu.libraryMenu, menu.libraryMenu.getByRole('menuitem', { name: 'Clear Recently Opened' }));
    await menu.openMenu(menu.libraryButton, menu.libraryMenu);
    await expect(menu.libraryMenuItems).toHaveCount(2);
    await expect(menu.libraryMenu.getByRole('menuitem', { name: 'Clear Recently Opened' })).toHaveAttribute('aria-disabled', 'true');
    // Clearing the list keeps the open library, to reopen at the next start.
    const state = await savedState(reader.dataDir);
    expect(state.recentLibraries).toBeUndefined();
    expect(state.lastLibrary).toBe(path.join(temp, 'alpha'));
  });
});

test.describe('the last library went missing before the start', () => {
  test.use({
    launch: async ({ temp }, use) => {
      // What main does at start when the last library is gone: it opens nothing (not the sample).
      const dataDir = path.join(temp, 'data');
      await mkdir(dataDir);
      const gone = path.join(temp, 'gone');
      const other = await library(temp, 'other');
      await writeFile(path.join(dataDir, 'state.json'), JSON.stringify({ version: 1, lastLibrary: gone, recentLibraries: [gone, other], view: {} }));
      await use({ library: null, dataDir });
    },
  });

  test('Locate… opens the folder where it is now, and it replaces the missing one in the list', async ({ reader, ui, temp }) => {
    const menu = ui.libraries;
    await expect(ui.emptyState).toBeVisible();
    await expect(menu.missingLibrary).toContainText(path.join(temp, 'gone'));
    await expect(menu.recentFolders).toHaveCount(1);
    const moved = await library(temp, 'moved');
    reader.pickNextFolder(moved);
    await menu.locateButton.focus();
    await ui.page.keyboard.press('Enter');
    await expect(ui.libraryName).toHaveText('moved');
    await ui.ready();
    await expect.poll(async () => (await savedState(reader.dataDir)).recentLibraries).toEqual([moved, path.join(temp, 'other')]);
  });

  test('Remove from Recents forgets it, and another recent folder opens from the empty screen', async ({ reader, ui, temp }) => {
    const menu = ui.libraries;
    await menu.removeFromRecentsButton.focus();
    await ui.page.keyboard.press('Enter');
    await expect(menu.missingLibrary).toBeHidden();
    await expect(menu.recentFolders).toHaveCount(1);
    await expect(menu.recentFolders.first()).toHaveAccessibleName('other');
    await menu.recentFolders.first().focus();
    await ui.page.keyboard.press('Enter');
    await expect(ui.libraryName).toHaveText('other');
    await ui.ready();
    expect((await savedState(reader.dataDir)).recentLibraries).toEqual([path.join(temp, 'other')]);
  });
});

test.describe('a library folder that vanishes while open', () => {
  test.use({ launch: async ({ temp }, use) => use({ library: await library(temp, 'vanishing') }) });

  test('the window says it is gone and offers Locate… and Remove from Recents', async ({ ui, temp }) => {
    await ui.ready();
    await rm(path.join(temp, 'vanishing'), { recursive: true });
    await expect(ui.libraries.missingLibrary).toBeVisible();
    await expect(ui.emptyState).toBeVisible();
    await expect(ui.libraries.missingLibrary).toContainText(path.join(temp, 'vanishing'));
    await expect(ui.libraries.locateButton).toBeVisible();
    await expect(ui.libraries.removeFromRecentsButton).toBeVisible();
  });
});

test.describe('dropping on the window', () => {
  test.use({ launch: { library: null } });

  test('a dropped folder opens as the library; a dropped file or a File with no path is refused with what to do', async ({ ui, temp }) => {
    const menu = ui.libraries;
    await expect(ui.emptyState).toBeVisible();
    const file = path.join(temp, 'a digest.txt');
    await writeFile(file, 'A summary.\nA reflection.\nA question?\n');
    await menu.drop({ path: file });
    await expect(menu.notice).toContainText('Ponder: “a digest.txt” is a file, not a folder. Drop the folder that holds your digest files to open it.');
    await menu.drop({ pathless: 'from-a-web-page.txt' });
    await expect(menu.notice).toContainText('Ponder: only a folder from your disk can be dropped here.');
    await expect(ui.emptyState).toBeVisible();

    await menu.drop({ path: await library(temp, 'dropped') });
    await expect(ui.libraryName).toHaveText('dropped');
    await expect(ui.storyRows).toHaveCount(26);
    await menu.openMenu(menu.libraryButton, menu.libraryMenu);
    await expect(menu.recentMenuItem('dropped')).toBeVisible();
  });
});

test('Notes ▸ Export Journal, Export Notes and Import Notes, by keyboard, through the file pickers', async ({ reader, ui, temp }) => {
  const menu = ui.libraries;
  const [first, second] = (await loadLibrary(SAMPLE_LIBRARY)).stories;
  await ui.ready();
  await ui.openStory(first!.title);
  await ui.writeNote('First thought on **Kursk**.');

  const journal = path.join(temp, 'journal.md');
  reader.pickNextExportFile(journal);
  await menu.notesCommand('Export Journal (Markdown)…');
  await expect(menu.status(/Exported 1 note to .*journal\.md\./)).toBeVisible();
  const markdown = await readFile(journal, 'utf8');
  expect(markdown).toMatch(/^# Ponder journal\n/);
  expect(markdown).toContain(first!.question);
  expect(markdown).toContain('First thought on **Kursk**.');

  const json = path.join(temp, 'notes.json');
  reader.pickNextExportFile(json);
  await menu.notesCommand('Export Notes (JSON)…');
  await expect(menu.status(/Exported 1 note to .*notes\.json\./)).toBeVisible();
  const exported = JSON.parse(await readFile(json, 'utf8')) as NotesExport;
  expect(exported.notes.map((note) => [note.id, note.text])).toEqual([[first!.id, 'First thought on **Kursk**.']]);

  // Back in: a newer text for that note, and a note for a story that had none.
  const later = new Date(Date.now() + 60_000).toISOString();
  const note = exported.notes[0]!;
  const incoming: NotesExport = {
    ...exported,
    notes: [
      { ...note, text: 'Imported, newer text.', updated: later },
      { ...note, id: second!.id, question: second!.question, source: second!.source, text: 'A second, imported note.', created: later, updated: later },
    ],
  };
  const source = path.join(temp, 'incoming.json');
  await writeFile(source, JSON.stringify(incoming));
  reader.pickNextImportSource(source);
  await menu.notesCommand('Import Notes…');
  await expect(menu.status(/Imported notes: 1 added, 1 updated, 0 unchanged\./)).toBeVisible();
  await expect(ui.noteEditor).toHaveValue('Imported, newer text.');
  await expect(ui.noteMark(second!.title)).toBeVisible();
  await ui.openStory(second!.title);
  await expect(ui.noteEditor).toHaveValue('A second, imported note.');
});
