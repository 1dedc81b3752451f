// The daily loop by keyboard: stories become read when open a moment, `m` marks them, Shift+M
// marks the whole list with Undo, `s` stars; the marks survive a restart, and come with the
// rows (a reader of 100,000 stories opens without that read set crossing). Then the keyboard
// flow: `?`, search ↔ results, the editor's Esc, topics with [ and ], `n` and the Go menu.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY, target } from './host';
import { countIpcBytes } from './ipc-bytes';
import { ReaderPage } from './reader-page';

test('read marks, m, mark all with undo and stars, by keyboard, across a restart', async () => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const [first, second, third] = library.stories;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-loop-'));
  try {
    let reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
    let ui = new ReaderPage(reader.page);
    await ui.ready();
    await expect(ui.storyRow(third!.title)).toHaveAccessibleName(/Unread/);
    await ui.storyList.focus();
    // The first story is open from the start: read after a moment.
    await expect(ui.storyRow(first!.title)).not.toHaveAccessibleName(/Unread/);

    await ui.page.keyboard.press('j');
    await expect(ui.selectedStory).toContainText(second!.title);
    await expect(ui.storyRow(second!.title)).not.toHaveAccessibleName(/Unread/);
    await ui.page.keyboard.press('m');
    await expect(ui.storyRow(second!.title)).toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(second!.title)).toHaveClass(/story-row--unread/);

    await ui.page.keyboard.press('s');
    await expect(ui.starButton).toHaveAttribute('aria-pressed', 'true');
    await expect(ui.starButton).toHaveAccessibleName('Unstar');
    await expect(ui.storyRow(second!.title)).toHaveAccessibleName(/Starred/);

    await ui.page.keyboard.press('Shift+M');
    await expect(ui.toast).toContainText(`Marked ${library.stories.length - 1} stories as read.`);
    await expect(ui.storyRows.filter({ has: ui.page.getByRole('img', { name: 'Unread' }) })).toHaveCount(0);
    await ui.page.keyboard.press('u');
    await expect(ui.storyRow(third!.title)).toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(first!.title)).not.toHaveAccessibleName(/Unread/);
    await expect(ui.toast).toBeHidden();
    // The undone row is unread again; the story the reader read before stays read.
    await ui.page.keyboard.press('k');
    await expect(ui.selectedStory).toContainText(first!.title);
    await reader.close();

    reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
    ui = new ReaderPage(reader.page);
    await ui.ready();
    await expect(ui.storyRow(first!.title)).not.toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(third!.title)).toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(second!.title)).toHaveAccessibleName(/Starred/);
    await ui.openStory(second!.title);
    await ui.starButton.focus();
    await ui.page.keyboard.press('Enter');
    await expect(ui.starButton).toHaveAttribute('aria-pressed', 'false');
    await expect(ui.storyRow(second!.title)).not.toHaveAccessibleName(/Starred/);
    await reader.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('100,000 stories read elsewhere: the library opens without the read set, each row with its own marks', async () => {
  test.skip(target === 'electron', 'counts what crosses the test host\'s bridge');
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const [first, second, third, fourth] = library.stories;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-marks-'));
  // A long-time reader's state.json: 100,000 ids of stories read in other digests, two of these read, one starred.
  const elsewhere = Array.from({ length: 100_000 }, (_, n) => (n + 1).toString(16).padStart(16, 'e'));
  const reading = { read: [...elsewhere, first!.id, third!.id], starred: [second!.id] };
  await writeFile(path.join(dataDir, 'state.json'), JSON.stringify({ version: 1, view: { welcomed: true }, reading }));
  const { bytes, beforeLoad } = countIpcBytes();
  const reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir, beforeLoad });
  try {
    const ui = new ReaderPage(reader.page);
    await ui.ready();
    await expect(ui.storyRow(third!.title)).not.toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(fourth!.title)).toHaveAccessibleName(/Unread/);
    await expect(ui.storyRow(second!.title)).toHaveAccessibleName(/Starred/);
    await expect(ui.storyRow(fourth!.title)).not.toHaveAccessibleName(/Starred/);
    await ui.openStory(second!.title);
    await expect(ui.starButton).toHaveAttribute('aria-pressed', 'true');
    await expect(ui.indexProgress).toBeHidden();

    // The read set alone is ~1.9 MB of JSON; everything the page received to open is a small part of that.
    const received = await bytes.byChannel();
    const total = Object.values(received).reduce((sum, count) => sum + count, 0);
    expect(received['library:current'], 'counted from the first request on').toBeGreaterThan(0);
    for (const [channel, count] of Object.entries(received)) expect(count, `${channel} bytes`).toBeLessThan(100_000);
    expect(total, JSON.stringify(received)).toBeLessThan(250_000);
  } finally {
    await reader.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('? lists every shortcut, grouped, and focus comes back when it closes', async ({ ui }) => {
  await ui.ready();
  await ui.storyList.focus();
  await ui.page.keyboard.press('?');
  await expect(ui.shortcutsDialog).toBeVisible();
  for (const group of ['Stories', 'Reading and writing', 'Search', 'Window']) {
    await expect(ui.shortcutsDialog.getByRole('heading', { name: group })).toBeVisible();
  }
  for (const label of ['Next unanswered question', 'Mark read or unread', 'Star or unstar', 'Next topic', 'Write: put the cursor in the note']) {
    await expect(ui.shortcutsDialog.getByText(label, { exact: true })).toBeVisible();
  }
  await ui.page.keyboard.press('Escape');
  await expect(ui.shortcutsDialog).toBeHidden();
  await expect(ui.storyList).toBeFocused();
});

test('search box ↔ results, Enter to write, Esc back to the list, topics with [ and ], n, and the Go menu', async ({ reader, ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const target = library.stories[7]!;
  const word = target.summary.split(/\W+/).filter((candidate) => candidate.length > 6).sort((a, b) => b.length - a.length)[0]!.toLowerCase();
  await ui.ready();
  await ui.storyList.focus();

  await ui.page.keyboard.press('/');
  await expect(ui.searchBox).toBeFocused();
  await ui.page.keyboard.type(word);
  await ui.page.keyboard.press('ArrowDown');
  await expect(ui.storyList).toBeFocused();
  await expect(ui.storyCount).toContainText(`“${word}”`);
  const firstHit = ui.storyRows.first();
  await expect(firstHit).toHaveAttribute('aria-selected', 'true');
  await ui.page.keyboard.press('Escape');
  await expect(ui.searchBox).toBeFocused();
  await expect(ui.searchBox).toHaveValue(word);
  await ui.page.keyboard.press('Escape');
  await expect(ui.searchBox).toHaveValue('');
  await expect(ui.storyRows).toHaveCount(library.stories.length);

  // Enter writes; Esc leaves the editor for the list with the text kept.
  await ui.storyList.focus();
  await ui.page.keyboard.press('Enter');
  await expect(ui.noteEditor).toBeFocused();
  await ui.page.keyboard.type('Answered by keyboard');
  await ui.page.keyboard.press('Escape');
  await expect(ui.storyList).toBeFocused();
  await expect(ui.noteEditor).toHaveValue('Answered by keyboard');
  await expect(ui.noteStatus).toHaveText(/Saved/);
  const answered = await ui.selectedStory.getAttribute('data-story-id');

  // n: the next story without a note, cursor in its editor.
  await ui.page.keyboard.press('n');
  await expect(ui.noteEditor).toBeFocused();
  await expect(ui.selectedStory).not.toHaveAttribute('data-story-id', answered!);
  await expect(ui.noteEditor).toHaveValue('');
  await ui.page.keyboard.press('Escape');

  // [ and ]: the topics, in the topics pane's order (after "All stories").
  const topics = ui.topicOptions.filter({ hasNot: ui.page.getByText('All stories') });
  await ui.page.keyboard.press(']');
  await expect(topics.first()).toHaveAttribute('aria-selected', 'true');
  await ui.page.keyboard.press(']');
  await expect(topics.nth(1)).toHaveAttribute('aria-selected', 'true');
  await ui.page.keyboard.press('[');
  await expect(topics.first()).toHaveAttribute('aria-selected', 'true');

  // Go ▸ Next Story / Previous Story / Search Stories.
  await ui.allStories.click();
  await ui.openRow(0);
  await ui.menuCommand('next-story');
  await expect(ui.selectedStory).toHaveAttribute('aria-posinset', '2');
  await ui.menuCommand('previous-story');
  await expect(ui.selectedStory).toHaveAttribute('aria-posinset', '1');
  await ui.menuCommand('focus-search');
  await expect(ui.searchBox).toBeFocused();
  expect(reader.pageErrors).toEqual([]);
});
