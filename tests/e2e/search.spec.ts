import { loadLibrary } from '../../electron/core/library/load-library';
import { SearchIndex } from '../../electron/core/search-index';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

test('search ranks matching stories and highlights the matched words', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const outcome = SearchIndex.build(library.stories).search('Kursk');
  if (!outcome.ok) throw new Error(outcome.error);
  const expectedTitles = outcome.hits.map((hit) => library.stories.find((story) => story.id === hit.id)!.title);
  await ui.ready();

  await ui.search('Kursk');
  await expect(ui.storyRows).toHaveCount(expectedTitles.length);
  await expect(ui.storyRows.first()).toContainText(expectedTitles[0]!);
  const rowMarks = await ui.marks(ui.storyRows.first());
  expect(rowMarks.length).toBeGreaterThan(0);
  for (const mark of rowMarks) expect(mark.toLowerCase()).toBe('kursk');

  await ui.storyRows.first().click();
  const detailMarks = await ui.marks(ui.detail);
  expect(detailMarks.length).toBeGreaterThan(0);
  for (const mark of detailMarks) expect(mark.toLowerCase()).toBe('kursk');
});

test('stemmed, prefix and field queries highlight the forms they matched', async ({ ui }) => {
  await ui.ready();
  await ui.search('question:implications');
  await expect(ui.storyRows.first()).toBeVisible();
  await ui.storyRows.first().click();
  const questionMarks = await ui.marks(ui.question);
  expect(questionMarks.map((mark) => mark.toLowerCase())).toContain('implications');
  // A question: search marks nothing in the summary.
  expect(await ui.marks(ui.page.getByTestId('story-summary'))).toEqual([]);

  await ui.search('ukrain*');
  await expect(ui.storyRows.first()).toBeVisible();
  const prefixMarks = await ui.marks(ui.storyRows.first());
  for (const mark of prefixMarks) expect(mark.toLowerCase()).toMatch(/^ukrain/);
});

test('a query Lunr cannot parse shows a message, and fixing it clears the message', async ({ ui }) => {
  await ui.ready();
  await ui.search('title:Kursk');
  await expect(ui.searchError).toBeVisible();
  await expect(ui.searchError).toContainText('unknown field "title"');
  await ui.search('summary:Kursk');
  await expect(ui.searchError).toBeHidden();
  await expect(ui.storyRows.first()).toBeVisible();
});

test('a search within a topic shows only that topic’s matches; Escape clears the search', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const topic = library.topics.find((candidate) => candidate.name === 'North Korea')!;
  const outcome = SearchIndex.build(library.stories).search('troops');
  if (!outcome.ok) throw new Error(outcome.error);
  const inTopic = outcome.hits.filter((hit) => topic.storyIds.includes(hit.id));
  await ui.ready();
  await ui.topic(topic.name).click();
  await ui.search('troops');
  await expect(ui.storyRows).toHaveCount(inTopic.length);
  await ui.searchBox.press('Escape');
  await expect(ui.searchBox).toHaveValue('');
  await expect(ui.storyRows).toHaveCount(topic.storyIds.length);
});
