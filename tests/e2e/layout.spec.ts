// The window's layout: splitters by keyboard and mouse, remembered; the topics hidden and
// shown; the topics drawer of a narrow window; stacked panes; Both mode side by side.

import { expect, test } from './fixtures';
import { savedView } from './view-state';

test('the splitters resize the panes by keyboard and by mouse, and the widths are remembered', async ({ reader, ui }) => {
  await ui.ready();
  const stories = ui.splitter('stories');
  await expect(stories).toHaveAttribute('aria-valuenow', '380');
  await expect(stories).toHaveAttribute('aria-orientation', 'vertical');
  await stories.focus();
  await ui.page.keyboard.press('ArrowRight');
  await ui.page.keyboard.press('ArrowRight');
  await expect(stories).toHaveAttribute('aria-valuenow', '412');
  await expect.poll(() => ui.width(ui.storiesRegion)).toBe(412);

  // Home shrinks the stories to their minimum, End brings the width back.
  await ui.page.keyboard.press('Home');
  await expect(stories).toHaveAttribute('aria-valuenow', '240');
  await ui.page.keyboard.press('End');
  await expect(stories).toHaveAttribute('aria-valuenow', '412');

  // Dragged with the mouse: the topics pane follows the pointer.
  const topics = ui.splitter('topics');
  await expect(topics).toHaveAttribute('aria-valuenow', '240');
  const box = (await topics.boundingBox())!;
  await ui.page.mouse.move(box.x + box.width / 2, box.y + 200);
  await ui.page.mouse.down();
  await ui.page.mouse.move(box.x + box.width / 2 + 30, box.y + 220);
  await ui.page.mouse.move(box.x + box.width / 2 + 60, box.y + 240);
  await ui.page.mouse.up();
  await expect(topics).toHaveAttribute('aria-valuenow', '300');
  await expect.poll(() => ui.width(ui.topicsNavigation)).toBe(300);

  await expect.poll(async () => (await savedView(reader.dataDir))?.topicsWidth).toBe(300);
  await expect.poll(async () => (await savedView(reader.dataDir))?.storiesWidth).toBe(412);
  await ui.page.reload();
  await ui.ready();
  await expect(ui.splitter('topics')).toHaveAttribute('aria-valuenow', '300');
  await expect(ui.splitter('stories')).toHaveAttribute('aria-valuenow', '412');
  await expect.poll(() => ui.width(ui.storiesRegion)).toBe(412);
});

test('the topics pane hides and comes back: Home/End on its splitter, Ctrl/Cmd+\\, View ▸ Toggle Topics', async ({ reader, ui }) => {
  await ui.ready();
  await ui.splitter('topics').focus();
  await ui.page.keyboard.press('Home');
  await expect(ui.topicsNavigation).toBeHidden();
  await expect(ui.splitter('topics')).toHaveAttribute('aria-valuenow', '0');
  await ui.page.keyboard.press('End');
  await expect(ui.topicsNavigation).toBeVisible();

  // The shortcut works while typing, too.
  await ui.searchBox.focus();
  await ui.page.keyboard.press('ControlOrMeta+Backslash');
  await expect(ui.topicsNavigation).toBeHidden();
  await expect.poll(async () => (await savedView(reader.dataDir))?.topicsHidden).toBe(true);
  await expect(ui.topicsButton).toBeVisible();
  await ui.topicsButton.click();
  await expect(ui.topicsNavigation).toBeVisible();
  await expect(ui.topicsButton).toBeHidden();

  await ui.menuCommand('toggle-topics');
  await expect(ui.topicsNavigation).toBeHidden();
  await ui.page.reload();
  await ui.ready();
  await expect(ui.topicsNavigation).toBeHidden();
  await ui.menuCommand('toggle-topics');
  await expect(ui.topicsNavigation).toBeVisible();
});

test('at 900 × 700 the topics are a drawer: a button opens it, Escape closes it, focus comes back', async ({ ui }) => {
  await ui.page.setViewportSize({ width: 900, height: 700 });
  await ui.ready();
  await expect(ui.topicsNavigation).toBeHidden();
  await ui.openRow(0);
  // The reading pane keeps room for a real editor.
  expect(await ui.width(ui.noteEditor)).toBeGreaterThanOrEqual(400);

  await ui.topicsButton.click();
  await expect(ui.topicsDrawer).toBeVisible();
  await expect(ui.topicsButton).toHaveAttribute('aria-expanded', 'true');
  await expect(ui.topicsDrawer.getByRole('listbox', { name: 'Topics' })).toBeFocused();
  await ui.page.keyboard.press('Escape');
  await expect(ui.topicsDrawer).toBeHidden();
  await expect(ui.topicsButton).toBeFocused();

  // Ctrl/Cmd+\ opens it too; picking a topic with the pointer closes it and shows the topic.
  await ui.page.keyboard.press('ControlOrMeta+Backslash');
  await expect(ui.topicsDrawer).toBeVisible();
  await ui.topic('North Korea').click();
  await expect(ui.topicsDrawer).toBeHidden();
  await expect(ui.storyCount).not.toHaveText('26 stories');
});

test('below 800 px the stories sit above the story', async ({ ui }) => {
  await ui.page.setViewportSize({ width: 700, height: 800 });
  await ui.ready();
  await ui.openRow(1);
  const stories = (await ui.storiesRegion.boundingBox())!;
  const reading = (await ui.readingMain.boundingBox())!;
  expect(reading.y).toBeGreaterThanOrEqual(stories.y + stories.height - 1);
  expect(stories.width).toBeGreaterThan(650);
  expect(reading.width).toBeGreaterThan(650);
  await expect(ui.splitter('stories')).toHaveCount(0);
});

test('Both mode shows the editor and the preview side by side on a wide window, stacked on a narrow one', async ({ ui }) => {
  await ui.page.setViewportSize({ width: 1440, height: 900 });
  await ui.ready();
  await ui.openRow(0);
  await ui.editorTab('Both').click();
  await ui.writeNote('Side by **side**');
  await expect(ui.notePreview.getByRole('strong')).toHaveText('side');
  const editor = (await ui.noteEditor.boundingBox())!;
  const preview = (await ui.notePreview.boundingBox())!;
  expect(preview.x).toBeGreaterThanOrEqual(editor.x + editor.width);
  expect(Math.abs(preview.y - editor.y)).toBeLessThan(2);

  await ui.page.setViewportSize({ width: 1000, height: 900 });
  // Both boxes read in the same poll: the reading pane reflows and scrolls as the window narrows.
  await expect
    .poll(async () => {
      const [narrowEditor, narrowPreview] = [(await ui.noteEditor.boundingBox())!, (await ui.notePreview.boundingBox())!];
      return narrowPreview.y - (narrowEditor.y + narrowEditor.height);
    })
    .toBeGreaterThanOrEqual(-1);
});
