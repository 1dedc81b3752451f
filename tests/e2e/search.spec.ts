import { loadLibrary } from '../../electron/core/library/load-library';
// Plain Lunr over the whole sample: the oracle the app's ranking must equal.
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

test('search ranks matching stories and highlights the matched words', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const outcome = PlainLunrIndex.build(library.stories).search('Kursk');
  if (!outcome.ok) throw new Error(outcome.error);
  const expectedTitles = outcome.hits.map((hit) => library.stories.find((story) => story.id === hit.id)!.title);
  await ui.ready();

  await ui.search('Kursk');
  await expect(ui.storyRows).toHaveCount(expectedTitles.length);
  await expect(ui.storyRows.first()).toContainText(expectedTitles[0]!);
  const rowMarks = await ui.marks(ui.storyRows.first());
  expect(rowMarks.length).toBeGreaterThan(0);
  for (const mark of rowMarks) expect(mark.toLowerCase()).toBe('kursk');

  await ui.openRow(0);
  await expect.poll(() => ui.marks(ui.detail)).not.toEqual([]);
  for (const mark of await ui.marks(ui.detail)) expect(mark.toLowerCase()).toBe('kursk');
});

test('stemmed, prefix and field queries highlight the forms they matched', async ({ ui }) => {
  await ui.ready();
  await ui.search('question:implications');
  await ui.openRow(0);
  await expect.poll(() => ui.marks(ui.question)).toContainEqual(expect.stringMatching(/^implications$/i));
  // A question: search marks nothing in the summary.
  expect(await ui.marks(ui.summary)).toEqual([]);

  await ui.search('ukrain*');
  await ui.openRow(0);
  // The top hit marks the words the prefix matched ("Ukraine", "Ukrainian", …), and only those.
  await expect.poll(() => ui.marks(ui.detail), 'the top hit marks what ukrain* matched')
    .toContainEqual(expect.stringMatching(/^ukrain/i));
  for (const mark of await ui.marks(ui.detail)) expect(mark.toLowerCase()).toMatch(/^ukrain/);
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
  const outcome = PlainLunrIndex.build(library.stories).search('troops');
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
