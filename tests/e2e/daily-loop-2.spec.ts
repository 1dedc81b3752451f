// The daily loop, second half, by keyboard: the Show radio group (All, Unread, Starred,
// Unanswered, Answered) with the topic, the search and `n`; reflection progress bars for the
// library, a topic and a file; and a search that behaves — unfinished queries say why and never
// leave stale results, a search without hits closes the story it does not list, new results
// start at the top, and a row shows the passage around its match, naming the question.

import { loadLibrary } from '../../electron/core/library/load-library';
import type { Story } from '../../electron/core/types';
import { testIds } from '../../renderer/src/test-ids';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';
import { LoopControls } from './loop-controls';
import type { ReaderPage } from './reader-page';

const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** A word of one story's question found nowhere else in the sample (not even as a stem). */
function questionOnlyWord(stories: readonly Story[]): { word: string; story: Story } {
  const elsewhere = stories.map((story) => `${story.summary} ${story.reflection}`.toLowerCase()).join(' ');
  for (const story of stories) {
    for (const word of words(story.question)) {
      if (word.length < 7 || elsewhere.includes(word.slice(0, 5))) continue;
      if (stories.filter((other) => other.question.toLowerCase().includes(word.slice(0, 5))).length === 1) return { word, story };
    }
  }
  throw new Error('the sample has no question-only word');
}

/** Answer the open story by keyboard: Enter to write, then Esc back to the list. */
async function answer(ui: ReaderPage, text: string): Promise<void> {
  await ui.page.keyboard.press('Enter');
  await expect(ui.noteEditor).toBeFocused();
  await ui.page.keyboard.type(text);
  await expect(ui.noteStatus).toHaveText(/Saved/);
  await ui.page.keyboard.press('Escape');
  await expect(ui.storyList).toBeFocused();
}

test('Show: All, Unread, Starred, Unanswered, Answered by keyboard, with a topic, a search and n', async ({ ui }) => {
  const { stories, topics } = await loadLibrary(SAMPLE_LIBRARY);
  const [first, second] = stories as [Story, Story];
  const loop = new LoopControls(ui.page);
  await ui.ready();
  await ui.storyList.focus();
  await answer(ui, 'My answer to the first question.');
  await expect(ui.storyRow(first.title)).not.toHaveAccessibleName(/Unread/);
  await ui.page.keyboard.press('j');
  await ui.page.keyboard.press('s');
  await expect(ui.storyRow(second.title)).toHaveAccessibleName(/Starred/);
  await expect(ui.storyRow(second.title)).not.toHaveAccessibleName(/Unread/);

  // One tab stop before the list; the arrows choose, and the list follows at once.
  await ui.page.keyboard.press('Shift+Tab');
  await expect(loop.showOption('all')).toBeFocused();
  await expect(loop.showOption('all')).toHaveAttribute('aria-checked', 'true');
  const expected = [
    ['unread', `${stories.length - 2} unread stories`, stories.length - 2],
    ['starred', '1 starred story', 1],
    ['unanswered', `${stories.length - 1} unanswered stories`, stories.length - 1],
    ['answered', '1 answered story', 1],
  ] as const;
  for (const [choice, header, rows] of expected) {
    await ui.page.keyboard.press('ArrowRight');
    await expect(loop.showOption(choice)).toBeFocused();
    await expect(loop.showOption(choice)).toHaveAttribute('aria-checked', 'true');
    await expect(ui.storyCount).toHaveText(header);
    await expect(ui.storyRows).toHaveCount(rows);
  }
  await expect(ui.storyRows.first()).toContainText(first.title);
  await ui.page.keyboard.press('ArrowRight');
  await expect(loop.showOption('all')).toHaveAttribute('aria-checked', 'true');
  await expect(ui.storyRows).toHaveCount(stories.length);
  await ui.page.keyboard.press('End');
  await expect(loop.showOption('answered')).toBeFocused();
  await ui.page.keyboard.press('ArrowLeft');
  await expect(loop.showOption('unanswered')).toHaveAttribute('aria-checked', 'true');

  // With a topic (] from here) and a search (/), still unanswered only.
  const topic = topics[0]!;
  const unansweredInTopic = topic.storyIds.filter((id) => id !== first.id).length;
  await ui.page.keyboard.press(']');
  await expect(ui.storyCount).toHaveText(`${unansweredInTopic} unanswered stories in ${topic.name}`);
  await ui.page.keyboard.press('/');
  await ui.page.keyboard.type(words(first.title).find((word) => word.length > 5)!);
  await expect(ui.storyCount).toContainText(`among unanswered in ${topic.name}`);
  await expect(ui.storyRow(first.title)).toHaveCount(0);
  await ui.page.keyboard.press('Escape');
  await ui.page.keyboard.press('Escape');
  await expect(ui.storyCount).toHaveText(`${unansweredInTopic} unanswered stories in ${topic.name}`);

  // n walks the list on show; with Show: Answered there is none, and it says so kindly.
  await ui.storyList.focus();
  await ui.page.keyboard.press('n');
  await expect(ui.noteEditor).toBeFocused();
  const opened = await ui.selectedStory.getAttribute('data-story-id');
  expect(topic.storyIds).toContain(opened);
  expect(opened).not.toBe(first.id);
  await ui.page.keyboard.press('Escape');
  await ui.page.keyboard.press('Shift+Tab');
  await ui.page.keyboard.press('ArrowRight');
  await expect(loop.showOption('answered')).toHaveAttribute('aria-checked', 'true');
  await expect(ui.storyCount).toContainText(`answered ${topic.storyIds.includes(first.id) ? 'story' : 'stories'} in ${topic.name}`);
  await ui.page.keyboard.press('n');
  await expect(ui.toast).toContainText('These are your answered stories. Choose Show: Unanswered or All to find the next question.');
});

test('progress bars of answered questions for the library, a topic and a file, kept up to date', async ({ ui }) => {
  const { stories } = await loadLibrary(SAMPLE_LIBRARY);
  const first = stories[0]!;
  const topic = first.topics[0]!;
  const inTopic = stories.filter((story) => story.topics.includes(topic)).length;
  const inFile = stories.filter((story) => story.source === first.source).length;
  const loop = new LoopControls(ui.page);
  await ui.ready();
  const bars = [
    [loop.progress('All stories'), stories.length],
    [loop.progress(topic), inTopic],
    [loop.progress(first.source), inFile],
  ] as const;
  for (const [bar, total] of bars) {
    await expect(bar).toHaveAttribute('aria-valuenow', '0');
    await expect(bar).toHaveAttribute('aria-valuemin', '0');
    await expect(bar).toHaveAttribute('aria-valuemax', String(total));
  }
  await ui.storyList.focus();
  await answer(ui, 'Answered: the bars move.');
  for (const [bar, total] of bars) {
    await expect(bar).toHaveAttribute('aria-valuenow', '1');
    await expect(bar).toHaveAccessibleName(new RegExp(`: 1 of ${total} questions answered$`));
  }
});

test('search that behaves: unfinished queries, no hits, best hits first, the passage around the match', async ({ ui }) => {
  const { stories, topics } = await loadLibrary(SAMPLE_LIBRARY);
  const loop = new LoopControls(ui.page);
  await ui.ready();
  await ui.storyList.focus();

  // Unfinished or invalid: a message, and the list of all stories rather than the last results.
  await ui.page.keyboard.press('/');
  await ui.page.keyboard.type('russia');
  await expect(ui.storyCount).toContainText('“russia”');
  for (const [query, message] of [
    ['title:', 'there is no “title:” field'],
    ['+', 'type a word right after “+”'],
    ['-', 'type a word right after “-”'],
    ['summary:', 'type a word after “summary:”'],
  ] as const) {
    await ui.page.keyboard.press('ControlOrMeta+A');
    await ui.page.keyboard.type(query);
    await expect(loop.searchMessage).toContainText(message);
    await expect(ui.storyCount).toHaveText(`${stories.length} stories`);
  }

  // No hits: the story open before is not among them, so the reading pane clears; Esc brings it back.
  await ui.page.keyboard.press('ControlOrMeta+A');
  await ui.page.keyboard.type('zzyzx');
  await expect(ui.page.getByTestId(testIds.storiesEmpty)).toContainText('No stories match “zzyzx”');
  await expect(loop.nothingOpen).toBeVisible();
  await ui.page.keyboard.press('Escape');
  await expect(ui.detail).toContainText(stories[0]!.title);

  // Best hits first: a story far down stays open among the hits, the list starts at the top; ↓ moves into the results.
  const common = 'russia';
  const at = stories.findLastIndex((story) => story.summary.toLowerCase().includes(common));
  await ui.storyList.focus();
  for (let n = 0; n < at; n++) await ui.page.keyboard.press('j');
  await expect(ui.selectedStory).toHaveAttribute('aria-posinset', String(at + 1));
  await ui.page.keyboard.press('/');
  await ui.page.keyboard.type(common);
  await expect(ui.storyCount).toContainText(`“${common}”`);
  await expect(ui.storyRows.first()).toBeInViewport();
  await expect(ui.storyRow(stories[at]!.title)).toHaveAttribute('aria-selected', 'true');
  const best = await ui.storyRows.first().getAttribute('data-story-id');
  await expect(ui.storyRows.first()).toHaveAttribute('aria-selected', String(best === stories[at]!.id));
  await ui.page.keyboard.press('ArrowDown');
  await expect(ui.storyRows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(ui.storyList).toBeFocused();

  // A match in the question: the row says so and marks it.
  const { word, story } = questionOnlyWord(stories);
  await ui.page.keyboard.press('/');
  await ui.page.keyboard.press('ControlOrMeta+A');
  await ui.page.keyboard.type(word);
  await expect(ui.storyRows).toHaveCount(1);
  const snippet = ui.storyRow(story.title).getByTestId(testIds.storyRowSnippet);
  await expect(snippet).toContainText('In the question:');
  expect((await ui.marks(snippet)).map((marked) => marked.toLowerCase())).toEqual([word]);

  // The header counts the results within the topic on show.
  const topic = topics[0]!;
  await ui.page.keyboard.press('ControlOrMeta+A');
  await ui.page.keyboard.type(common);
  await ui.page.keyboard.press('ArrowDown');
  await expect(ui.storyList).toBeFocused();
  await ui.page.keyboard.press(']');
  const inTopic = stories.filter((candidate) => candidate.topics.includes(topic.name));
  await expect(ui.storyCount).toContainText(`for “${common}” in ${topic.name}`);
  await expect.poll(async () => ui.storyRows.count()).toBeLessThanOrEqual(inTopic.length);
});
