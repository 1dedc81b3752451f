// Issue 12 items 5–7 by keyboard: saved searches (save, live count, rename, reorder,
// delete with Undo, run; kept across a relaunch), widening a search from a topic to all
// stories, Enter opening the first hit, and a note's passage in its row.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { testIds } from '../../renderer/src/test-ids';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY } from './host';
import { ReaderPage } from './reader-page';
import { SavedSearchControls, SearchControls } from './search-controls';

/** The first topic's name (the Topics list starts with "All stories"). */
async function firstTopic(ui: ReaderPage): Promise<string> {
  return (await ui.topicOptions.nth(1).innerText()).split('\n')[0]!.trim();
}

/** "12 results for …" → 12. */
async function resultCount(ui: ReaderPage): Promise<number> {
  return Number((await ui.storyCount.innerText()).split(' ')[0]!.replace(/,/g, ''));
}

/** Choose the first topic and search its own name within it: the topic, the query and its result count. */
async function searchFirstTopic(ui: ReaderPage): Promise<{ topic: string; query: string; inTopic: number }> {
  const topic = await firstTopic(ui);
  await ui.topic(topic).click();
  const query = topic.toLowerCase();
  await ui.search(query);
  await expect(ui.storyCount).toContainText(`in ${topic}`);
  return { topic, query, inTopic: await resultCount(ui) };
}

test('saved searches: save, live count, rename, reorder, delete, run — and they survive a relaunch', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-saved-'));
  try {
    let reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
    let ui = new ReaderPage(reader.page);
    let saved = new SavedSearchControls(reader.page);
    await ui.ready();
    await expect(saved.saveButton).toBeDisabled();

    // A search within a topic, saved with it.
    const { topic, query, inTopic } = await searchFirstTopic(ui);
    await saved.saveButton.focus();
    await reader.page.keyboard.press('Enter');
    await expect(saved.count(query)).toHaveText(inTopic === 1 ? '1 result' : `${inTopic} results`);
    await saved.tool(query, 'Rename').focus();
    await reader.page.keyboard.press('Enter');
    await expect(saved.renameField()).toBeFocused();
    await reader.page.keyboard.type('In the topic');
    await reader.page.keyboard.press('Escape'); // cancelled: the name stays
    await expect.poll(() => saved.names()).toEqual([query]);
    await saved.tool(query, 'Rename').press('Enter');
    await reader.page.keyboard.type('In the topic');
    await reader.page.keyboard.press('Enter');
    await expect.poll(() => saved.names()).toEqual(['In the topic']);
    await expect(saved.runButton('In the topic')).toBeFocused();

    // A notes search, whose live count follows a note being written.
    const controls = new SearchControls(reader.page);
    await ui.search('');
    await ui.allStories.click();
    await controls.scope('Notes').check();
    await ui.search('zeppelin');
    await saved.saveButton.press('Enter');
    await expect(saved.count('zeppelin')).toHaveText('0 results');
    await ui.search('');
    await ui.openRow(1);
    await ui.writeNote('The zeppelin image stayed with me.');
    await expect(saved.count('zeppelin')).toHaveText('1 result');

    // Reorder by keyboard: Alt+↑ on the item, then its Move down button.
    await saved.runButton('zeppelin').focus();
    await reader.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => saved.names()).toEqual(['zeppelin', 'In the topic']);
    await expect(saved.runButton('zeppelin')).toBeFocused();
    await saved.tool('zeppelin', 'down').press('Enter');
    await expect.poll(() => saved.names()).toEqual(['In the topic', 'zeppelin']);

    // Delete, undo, delete for good.
    await saved.tool('In the topic', 'Delete').press('Enter');
    await expect.poll(() => saved.names()).toEqual(['zeppelin']);
    await ui.toastAction('Undo').click();
    await expect.poll(() => saved.names()).toEqual(['In the topic', 'zeppelin']);

    // Running one puts its query, topic and scope back.
    await controls.scope('Stories').check();
    await saved.runButton('In the topic').press('Enter');
    await expect(ui.searchBox).toHaveValue(query);
    await expect(ui.topic(topic)).toHaveAttribute('aria-selected', 'true');
    await expect(ui.storyCount).toContainText(`in ${topic}`);
    await expect.poll(() => resultCount(ui)).toBe(inTopic);

    // The list with its tools and counts is axe-clean (accessibility.spec.ts covers the rest of the window).
    const axe = await new AxeBuilder({ page: reader.page }).include('.saved-searches').setLegacyMode(true).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    await reader.close();
    reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
    ui = new ReaderPage(reader.page);
    saved = new SavedSearchControls(reader.page);
    await ui.ready();
    await expect.poll(() => saved.names()).toEqual(['In the topic', 'zeppelin']);
    await expect(saved.count('zeppelin')).toHaveText('1 result');
    await saved.tool('zeppelin', 'Delete').press('Enter');
    await expect.poll(() => saved.names()).toEqual(['In the topic']);
    await reader.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a search within a topic widens to all stories by button or by w; Enter opens the first hit', async ({ ui }) => {
  await ui.ready();
  const { topic, inTopic } = await searchFirstTopic(ui);

  const widen = ui.page.getByRole('button', { name: 'Search all stories' });
  await widen.click();
  await expect(ui.storyCount).not.toContainText(`in ${topic}`);
  await expect(widen).toBeHidden();
  await expect.poll(() => resultCount(ui)).toBeGreaterThanOrEqual(inTopic);
  await expect(ui.allStories).toHaveAttribute('aria-selected', 'true');

  // Again by key, from the list: `w`.
  await ui.topic(topic).click();
  await expect(ui.storyCount).toContainText(`in ${topic}`);
  await ui.storyList.focus();
  await ui.page.keyboard.press('w');
  await expect(ui.storyCount).not.toContainText(`in ${topic}`);

  // Enter in the search box opens the first hit.
  await ui.searchBox.focus();
  await ui.page.keyboard.press('Enter');
  const first = await ui.storyRows.first().getByTestId(testIds.storyRowTitle).innerText();
  await expect(ui.detail.getByRole('heading', { level: 1 })).toHaveText(first);
  await expect(ui.storyList).toBeFocused();
});

test('a hit found by its note shows the note’s passage, labelled, with the match marked', async ({ ui }) => {
  const controls = new SearchControls(ui.page);
  await ui.ready();
  await ui.openRow(2);
  await ui.writeNote('The zeppelin image stayed with me.');
  await controls.scope('Notes').check();
  await ui.search('zeppelin');
  await expect(ui.storyRows).toHaveCount(1);
  const snippet = ui.storyRows.first().getByTestId(testIds.storyRowSnippet);
  await expect(snippet).toHaveText('Note: The zeppelin image stayed with me.');
  expect(await ui.marks(snippet)).toEqual(['zeppelin']);
});
