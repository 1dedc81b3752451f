// Large libraries (issue 4): a 10,000-story library is browsable before its
// index is ready, and a file changed on disk shows up in search without a restart.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureLibrary } from '../../bench/generate';
import { expect, test } from './fixtures';
import { launchReader, target } from './host';
import { ReaderPage } from './reader-page';

test.describe.configure({ timeout: 120_000 });

let root: string;
test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-10k-'));
  await ensureLibrary(path.join(root, 'library'), { stories: 10_000 });
});
test.afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

test('stories appear before indexing finishes; a changed file is searchable without a restart', async () => {
  test.skip(target === 'electron', 'opens the library through the folder dialog, which is native in the real app');
  const library = path.join(root, 'library');
  // Opened from the empty state, as with File ▸ Open Folder…, so the index starts building
  // only when the library is chosen.
  const reader = await launchReader({ library: null, pickFolder: async () => library });
  try {
    const ui = new ReaderPage(reader.page);
    // Record in the page when the first story row appears and when search becomes ready.
    await ui.recordTimeline();
    await ui.openFolderFromEmptyState();
    await ui.ready(30_000);
    await expect(ui.storyCount).toContainText('10,000');
    // The reader browses while the index builds in its workers.
    await ui.storyRows.nth(1).click();
    await expect(ui.detail).toBeVisible();
    await ui.page.keyboard.press('j');
    await expect(ui.selectedStory).toBeVisible();

    await expect(ui.indexProgress).toBeHidden({ timeout: 60_000 });
    const timeline = await ui.timeline();
    expect(timeline.firstRow, 'stories were listed').toBeDefined();
    expect(timeline.ready, 'the index reported ready').toBeDefined();
    expect(timeline.firstRow!, 'the first stories were visible before indexing finished').toBeLessThan(timeline.ready!);
    await ui.search('quokka');
    await expect(ui.storyCount).toContainText('0 results');

    await writeFile(
      path.join(library, 'zz-today.txt'),
      'A quokka colony was counted on Rottnest Island for the first time in a decade.\nSmall animals draw big crowds.\nWhat should tourists change?\n',
    );
    await expect(async () => {
      await ui.search('quokka');
      await expect(ui.storyRows).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(ui.storyRows.first()).toContainText('quokka colony');
    expect(reader.pageErrors).toEqual([]);
  } finally {
    await reader.close();
  }
});
