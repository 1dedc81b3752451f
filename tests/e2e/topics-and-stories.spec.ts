import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

test('lists all stories, topics with counts, and the source files', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  await ui.ready();
  await expect(ui.allStories).toContainText('26');
  await expect(ui.storyRows).toHaveCount(26);

  const northKorea = library.topics.find((topic) => topic.name === 'North Korea');
  expect(northKorea, 'the sample is about North Korea').toBeDefined();
  for (const topic of library.topics.slice(0, 5).concat(northKorea!)) {
    const option = ui.topic(topic.name);
    await expect(option).toBeVisible();
    await expect(option).toContainText(String(topic.storyIds.length));
  }
  for (const source of library.sources) {
    await expect(ui.source(source.path)).toContainText(String(source.storyCount));
  }
});

test('choosing a topic shows only its stories; a chip on the story picks its topic', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const topic = library.topics.find((candidate) => candidate.name === 'North Korea')!;
  const titles = library.stories.filter((story) => topic.storyIds.includes(story.id)).map((story) => story.title);
  await ui.ready();

  await ui.topic(topic.name).click();
  await expect(ui.topic(topic.name)).toHaveAttribute('aria-selected', 'true');
  await expect(ui.storyRows).toHaveCount(titles.length);
  for (const title of titles) await expect(ui.storyRows.filter({ hasText: title })).toHaveCount(1);

  await ui.allStories.click();
  await expect(ui.storyRows).toHaveCount(26);

  // From a story's topic chips back to a topic.
  const story = library.stories.find((candidate) => candidate.topics.length > 0)!;
  await ui.openStory(story.title);
  await ui.detail.getByRole('button', { name: story.topics[0], exact: true }).click();
  await expect(ui.topic(story.topics[0]!)).toHaveAttribute('aria-selected', 'true');
});

test('arrow keys and j/k move through the stories and show each one whole', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const [first, second, third] = library.stories;
  await ui.ready();
  await ui.storyRows.first().click();
  await expect(ui.detail).toContainText(first!.summary);

  await ui.page.keyboard.press('ArrowDown');
  await expect(ui.detail).toContainText(second!.summary);
  await expect(ui.detail).toContainText(second!.reflection);
  await expect(ui.question).toContainText(second!.question);
  await ui.page.keyboard.press('j');
  await expect(ui.detail).toContainText(third!.summary);
  await ui.page.keyboard.press('k');
  await ui.page.keyboard.press('ArrowUp');
  await expect(ui.detail).toContainText(first!.summary);
  await expect(ui.selectedStory).toContainText(first!.title);
});
