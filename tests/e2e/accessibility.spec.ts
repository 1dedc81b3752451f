// axe-core over every view of the window, in both themes: the reader with a note,
// search results, a search error, a failed save, the History and Problems dialogs,
// the no-library and empty-library states, and the narrow layouts. Zero violations
// of any impact; on failure each violation is printed with the elements it found.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';
import type { ReaderPage } from './reader-page';

const MESSY = path.resolve(__dirname, '../fixtures/messy');

/** Every violation axe finds, one line each: rule, impact, and the elements' selectors. */
async function violations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself, which works under Electron as well as Chromium.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ${violation.nodes
        .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`)
        .join('; ')}`,
  );
}

async function expectAccessible(ui: ReaderPage, view: string): Promise<void> {
  expect(await violations(ui.page), `axe violations in ${view}`).toEqual([]);
}

for (const theme of ['Light', 'Dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ ui }) => {
      // No transitions mid-check: colours are measured as they end up.
      await ui.page.emulateMedia({ reducedMotion: 'reduce' });
    });

    test('the reader with a note, search results, an error and History', async ({ ui }) => {
      const library = await loadLibrary(SAMPLE_LIBRARY);
      await ui.ready();
      await ui.chooseDisplay(theme);
      await expect.poll(() => ui.shownTheme()).toBe(theme.toLowerCase());

      await ui.openStory(library.stories[0]!.title);
      await ui.writeNote('A **first** thought.\n\n- one\n- two');
      await expect(ui.noteMark(library.stories[0]!.title)).toBeVisible();
      await expectAccessible(ui, 'the reader with a note');

      await ui.search('kursk');
      await expect(ui.storyRows.first()).toBeVisible();
      await ui.openRow(0);
      await expectAccessible(ui, 'search results');

      await ui.search('title:Kursk');
      await expect(ui.searchError).toBeVisible();
      await expectAccessible(ui, 'a search error');
      await ui.search('');

      await ui.openHistory();
      await expectAccessible(ui, 'the History dialog');
      await ui.closeDialog(ui.historyDialog);
    });

    test('a failed save', async ({ reader, ui }) => {
      const library = await loadLibrary(SAMPLE_LIBRARY);
      await ui.ready();
      await ui.chooseDisplay(theme);
      await expect.poll(() => ui.shownTheme()).toBe(theme.toLowerCase());

      // A file where the notes folder should be: the next save fails, and is announced.
      await rm(path.join(reader.dataDir, 'notes'), { recursive: true, force: true });
      await writeFile(path.join(reader.dataDir, 'notes'), 'not a folder');
      await ui.openStory(library.stories[1]!.title);
      await ui.noteEditor.fill('Kept while the disk is broken');
      await expect(ui.saveFailureBanner).toBeVisible();
      await expect(ui.announcement).toHaveText(/Ponder could not save 1 note\. Your text is kept/);
      await expectAccessible(ui, 'a failed save');
      await rm(path.join(reader.dataDir, 'notes'));
      await ui.retryFailedSaves();
    });

    test.describe('a library with problems', () => {
      test.use({ launch: { library: MESSY } });

      test('the Problems dialog', async ({ ui }) => {
        await ui.ready();
        await ui.chooseDisplay(theme);
        await ui.diagnosticsButton.click();
        await expect(ui.diagnosticsItems.first()).toBeVisible();
        await expectAccessible(ui, 'the Problems dialog');
      });
    });

    test.describe('no library', () => {
      test.use({ launch: { library: null } });

      test('the no-library state', async ({ ui }) => {
        await expect(ui.emptyState).toBeVisible();
        await ui.chooseDisplay(theme);
        await expectAccessible(ui, 'the no-library state');
      });
    });

    test.describe('a missing library, with recent folders', () => {
      test.use({
        // eslint-disable-next-line no-empty-pattern
        launch: async ({}, use) => {
          const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-missing-'));
          const gone = path.join(dataDir, 'gone');
          await writeFile(path.join(dataDir, 'state.json'), JSON.stringify({ version: 1, lastLibrary: gone, recentLibraries: [gone, SAMPLE_LIBRARY] }));
          await use({ library: null, dataDir });
          await rm(dataDir, { recursive: true, force: true });
        },
      });

      test('the missing-library card, the recent folders, and the Library and Notes menus', async ({ ui }) => {
        const menus = ui.libraries;
        await expect(menus.missingLibrary).toBeVisible();
        await expect(menus.recentFolders).toHaveCount(1);
        await ui.chooseDisplay(theme);
        await expectAccessible(ui, 'a missing library with recent folders');
        await menus.openMenu(menus.libraryButton, menus.libraryMenu);
        await expect(menus.recentMenuItem('gone (missing)')).toBeVisible();
        await expectAccessible(ui, 'the Library menu');
        await ui.page.keyboard.press('Escape');
        await menus.openMenu(menus.notesButton, menus.notesMenu);
        await expectAccessible(ui, 'the Notes menu');
      });
    });

    test.describe('an empty library', () => {
      // A fresh empty folder per test: the fixture makes it, and removes it after.
      test.use({
        // Playwright reads a fixture's dependencies from this pattern: none.
        // eslint-disable-next-line no-empty-pattern
        launch: async ({}, use) => {
          const empty = await mkdtemp(path.join(os.tmpdir(), 'ponder-empty-'));
          await use({ library: empty });
          await rm(empty, { recursive: true, force: true });
        },
      });

      test('no stories, nothing selected, and the Display panel open', async ({ ui }) => {
        await expect(ui.storyCount).toHaveText('0 stories');
        await ui.chooseDisplay(theme);
        await ui.displayButton.click();
        await expect(ui.displayPanel).toBeVisible();
        await expectAccessible(ui, 'an empty library with the Display panel');
      });
    });

    test('the narrow layouts: topics drawer and stacked panes', async ({ ui }) => {
      await ui.ready();
      await ui.chooseDisplay(theme);
      await ui.page.setViewportSize({ width: 900, height: 700 });
      await ui.topicsButton.click();
      await expect(ui.topicsDrawer).toBeVisible();
      await expectAccessible(ui, 'the topics drawer');
      await ui.page.keyboard.press('Escape');
      await expect(ui.topicsDrawer).toBeHidden();

      await ui.page.setViewportSize({ width: 700, height: 700 });
      await ui.openRow(0);
      await expectAccessible(ui, 'the stacked layout');
    });
  });
}
