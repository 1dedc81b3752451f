import { testIds } from '../../renderer/src/test-ids';
import { expect, test } from './fixtures';
import { SearchControls } from './search-controls';

test('Notes finds a note by its own words; Both adds it to the stories; Stories does not', async ({ ui }) => {
  const controls = new SearchControls(ui.page);
  await ui.ready();
  await ui.openRow(2);
  const title = await ui.detail.getByRole('heading', { level: 1 }).innerText();
  await ui.writeNote('The zeppelin image stayed with me.');

  await ui.search('zeppelin');
  await expect(ui.storyRows).toHaveCount(0);

  await controls.scope('Notes').check();
  await expect(ui.storyRows).toHaveCount(1);
  await expect(ui.storyRows.first()).toContainText(title);

  // Saved again with other words: the notes index follows the save.
  await ui.openRow(0);
  await ui.writeNote('Now about airships instead.');
  await ui.search('airships');
  await expect(ui.storyRows).toHaveCount(1);
  await ui.search('zeppelin');
  await expect(ui.storyRows).toHaveCount(0);

  await controls.scope('Both').check();
  await ui.search('airships OR kursk');
  await expect(ui.storyRows.filter({ hasText: title })).toHaveCount(1);
  await expect.poll(() => ui.storyRows.count()).toBeGreaterThan(1);
});

test('results sort by relevance, file order or unanswered first', async ({ ui }) => {
  const controls = new SearchControls(ui.page);
  await ui.ready();
  await ui.search('russia');
  const titles = () => ui.storyRows.getByTestId(testIds.storyRowTitle).allInnerTexts();
  const byRelevance = await titles();
  expect(byRelevance.length).toBeGreaterThan(3);

  await controls.sort.selectOption({ label: 'File order' });
  await expect.poll(titles).not.toEqual(byRelevance);
  expect([...(await titles())].sort()).toEqual([...byRelevance].sort());

  await controls.sort.selectOption({ label: 'Relevance' });
  await expect.poll(titles).toEqual(byRelevance);
  await ui.openRow(0);
  await ui.writeNote('Answered.');
  await controls.sort.selectOption({ label: 'Unanswered first' });
  await expect.poll(async () => (await titles()).at(-1)).toBe(byRelevance[0]);
});
