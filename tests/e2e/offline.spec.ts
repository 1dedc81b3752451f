// Offline by design (issue 9): every feature of the window, used once, and not one
// request leaves the app's own origin — no font, image, dictionary or telemetry
// from anywhere else. The request log starts before the page loads.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { launchReader, SAMPLE_LIBRARY, target } from './host';
import { watchPage } from './page-watch';
import { ReaderPage } from './reader-page';

test('using every feature of the window requests nothing outside the app’s origin', async () => {
  test.skip(target !== 'chromium', 'the request log and the answered folder dialog are the chromium host’s');
  const root = await mkdtemp(path.join(os.tmpdir(), 'ponder-offline-'));
  const library = path.join(root, 'library');
  const dataDir = path.join(root, 'data');
  await cp(SAMPLE_LIBRARY, library, { recursive: true });
  await writeFile(path.join(library, 'zz-broken.txt'), 'A summary without the rest of its story.\n');
  await new NotesStore(dataDir).save({ id: 'aaaaaaaaaaaaaaaa', text: 'A note whose story is gone.', question: 'Where did it go?', source: 'gone.txt' });
  const { watch, beforeLoad } = watchPage();
  const reader = await launchReader({ library: null, dataDir, pickFolder: async () => library, beforeLoad });
  try {
    const ui = new ReaderPage(reader.page);
    const origin = new URL(reader.page.url()).origin;

    // Open a library from the empty screen.
    await ui.openFolderFromEmptyState();
    await ui.ready();

    // Topics, files, all stories.
    await ui.topicOptions.first().click();
    await expect(ui.topicOptions.first()).toHaveAttribute('aria-selected', 'true');
    await ui.sourceOptions.first().click();
    await expect(ui.sourceOptions.first()).toHaveAttribute('aria-selected', 'true');
    await ui.allStories.click();

    // Search, then a story, then a note with a live preview (a web link and a remote image in it).
    await ui.search('Kursk');
    await ui.openRow(0);
    await ui.search('');
    await ui.openRow(1);
    await ui.page.keyboard.press('j');
    await ui.editorTab('Both').click();
    await ui.writeNote('My **answer**, see [the source](https://example.com/) and ![a chart](https://example.com/chart.png).');
    await expect(ui.notePreview).toContainText('[a chart]');
    await ui.writeNote('My answer, revised.');

    // History, problems, orphans, the data folder.
    await ui.openHistory();
    await ui.closeDialog(ui.historyDialog);
    await ui.diagnosticsButton.click();
    await expect(ui.diagnosticsItems.first()).toBeVisible();
    await ui.closeDialog(ui.diagnosticsDialog);
    await ui.showOrphans();
    await ui.storyRows.first().click();
    await expect(ui.orphanNotice).toBeVisible();
    await ui.revealDataFolderButton.click();
    await expect.poll(() => reader.shellCalls).toContain('reveal-data-folder');

    // A reload: the app starts again from its remembered state.
    await ui.page.reload();
    await ui.ready();

    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.foreign(origin)).toEqual([]);
    expect(await watch.inPage()).toEqual({ pwned: undefined, cspViolations: [] });
    expect(watch.dialogs).toEqual([]);
    expect(watch.popups).toEqual([]);
    expect(reader.pageErrors).toEqual([]);
  } finally {
    await reader.close();
    await rm(root, { recursive: true, force: true });
  }
});
