// First run and edge states: the welcome (once), a folder without digests, a note orphaned
// while Ponder is open, a topic chosen just before quitting, the Show choice and the editor's
// mode — by keyboard.

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY } from './host';
import { LoopControls } from './loop-controls';
import { ReaderPage } from './reader-page';
import { savedView } from './view-state';

let root: string;
test.beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-first-'));
});
test.afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('the welcome shows once; a topic chosen just before quitting, the Show choice and the editor mode come back', async () => {
  const dataDir = path.join(root, 'data');
  let reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
  let ui = new ReaderPage(reader.page);
  await ui.ready();
  await expect(ui.welcome).toBeVisible();
  await expect(ui.welcome).toContainText('Topics');
  await expect(ui.welcome).toContainText('Reflection');
  const start = ui.welcome.getByRole('button', { name: 'Start reading' });
  await start.focus();
  await ui.page.keyboard.press('Enter');
  await expect(ui.welcome).toBeHidden();
  await expect(ui.storyList).toBeFocused();

  // The editor's mode, by keyboard: the tabs move with the arrow keys.
  await ui.editorTab('Both').focus();
  await ui.page.keyboard.press('ArrowLeft');
  await expect(ui.editorTab('Write')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await savedView(dataDir))?.editorMode).toBe('write');

  // Show: Unanswered (End, then ←), remembered like the rest of the view.
  let loop = new LoopControls(ui.page);
  await loop.showOption('all').focus();
  await ui.page.keyboard.press('End');
  await ui.page.keyboard.press('ArrowLeft');
  await expect(loop.showOption('unanswered')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await savedView(dataDir))?.listShow).toBe('unanswered');

  // A topic, then quit at once: the close path writes the view.
  await ui.storyList.focus();
  await ui.page.keyboard.press(']');
  const chosen = ui.topicOptions.filter({ hasNot: ui.page.getByText('All stories') }).first();
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  await reader.close();
  const saved = (await savedView(dataDir))?.selectedTopic ?? '';
  expect(saved).toMatch(/^topic:/);
  const name = saved.slice('topic:'.length);

  reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
  ui = new ReaderPage(reader.page);
  await ui.ready();
  await expect(ui.topic(name)).toHaveAttribute('aria-selected', 'true');
  loop = new LoopControls(ui.page);
  await expect(loop.showOption('unanswered')).toHaveAttribute('aria-checked', 'true');
  await expect(ui.storyCount).toContainText('unanswered stor');
  await expect(ui.storyCount).toContainText(`in ${name}`);
  await expect(ui.editorTab('Write')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.noteEditor).toBeVisible();
  await expect(ui.welcome).toBeHidden();
  await reader.close();
});

test('a folder with no .txt files says so, and how to fix it', async () => {
  const empty = path.join(root, 'empty');
  await cp(SAMPLE_LIBRARY, empty, { recursive: true, filter: (source) => !source.endsWith('.txt') });
  const reader = await launchReader({ library: empty });
  try {
    const ui = new ReaderPage(reader.page);
    await expect(ui.storiesRegion.getByText('No digests in this folder')).toBeVisible();
    await expect(ui.storiesRegion).toContainText('.txt');
    await expect(ui.storiesRegion).toContainText('Open Folder');
  } finally {
    await reader.close();
  }
});

test('a note orphaned while Ponder is open is announced at once, with a way to it', async () => {
  const library = path.join(root, 'library');
  await cp(SAMPLE_LIBRARY, library, { recursive: true });
  const [file] = await readdir(library);
  const lines = (await readFile(path.join(library, file!), 'utf8')).split('\n');
  const story = (await loadLibrary(library)).stories[0]!;
  const other = (await loadLibrary(library)).stories[3]!;
  const reader = await launchReader({ library });
  try {
    const ui = new ReaderPage(reader.page);
    await ui.ready();
    await ui.openStory(story.title);
    await ui.writeNote('Kept even when the story goes');
    await ui.openStory(other.title);

    await writeFile(path.join(library, file!), lines.slice(3).join('\n'));
    await expect(ui.toast).toContainText('now orphaned');
    await expect(ui.toast).toContainText(story.question.slice(0, 30));
    await ui.toastAction('Show').focus();
    await ui.page.keyboard.press('Enter');
    await expect(ui.orphansOption).toHaveAttribute('aria-selected', 'true');
    await expect(ui.selectedStory).toContainText(story.question.slice(0, 30));
    await expect(ui.storiesRegion.getByRole('listbox', { name: 'Orphaned notes' })).toBeFocused();
  } finally {
    await reader.close();
  }
});
