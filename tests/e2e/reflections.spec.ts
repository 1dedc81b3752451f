// The Reflections journal by keyboard: answers newest first with their questions, the count
// answered this week, a search through them, and Enter opens the story with the cursor in its note.

import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

test('r opens the journal: newest first, answered this week, searchable, Enter opens the story', async ({ ui }) => {
  const [older, newer] = (await loadLibrary(SAMPLE_LIBRARY)).stories.slice(2, 4);
  await ui.ready();
  await ui.openStory(older!.title);
  await ui.writeNote('Patience with the neighbours.');
  await ui.openStory(newer!.title);
  await ui.writeNote('Deterrence, mostly by drones.');
  await expect(ui.reflectionsButton).toContainText('2 this week');

  await ui.storyList.focus();
  await ui.page.keyboard.press('r');
  await expect(ui.reflectionsDialog).toBeVisible();
  await expect(ui.reflectionsDialog).toContainText('2 questions answered this week');
  await expect(ui.reflectionEntries).toHaveCount(2);
  await expect(ui.reflectionEntries.first()).toContainText(newer!.question);
  await expect(ui.reflectionEntries.nth(1)).toContainText(older!.question);

  await expect(ui.reflectionsSearch).toBeFocused();
  await ui.page.keyboard.type('patience');
  await expect(ui.reflectionEntries).toHaveCount(1);
  await expect(ui.reflectionEntries.first()).toContainText('Patience with the neighbours.');
  await ui.page.keyboard.press('ArrowDown');
  await ui.page.keyboard.press('Enter');
  await expect(ui.reflectionsDialog).toBeHidden();
  await expect(ui.selectedStory).toContainText(older!.title);
  await expect(ui.noteEditor).toBeFocused();
  await expect(ui.noteEditor).toHaveValue('Patience with the neighbours.');
});
