// Reading comfort: the theme (Light, Dark, System) overriding the system's, text size by
// keyboard for the story and the note only, line width, story font, reduced motion — all
// remembered across runs.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { savedView } from './view-state';

const background = (ui: { page: Page }) =>
  ui.page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('Light, Dark and System: the choice overrides the system and is remembered', async ({ reader, ui }) => {
  await ui.page.emulateMedia({ colorScheme: 'light' });
  await ui.ready();
  await expect.poll(() => ui.shownTheme()).toBe('light');
  const light = await background(ui);

  await ui.chooseDisplay('Dark');
  await expect.poll(() => ui.shownTheme()).toBe('dark');
  expect(await background(ui)).not.toBe(light);
  await expect.poll(async () => (await savedView(reader.dataDir))?.theme).toBe('dark');

  // Dark stays dark in a light system after a restart; Light stays light in a dark one.
  await ui.page.reload();
  await ui.ready();
  await expect.poll(() => ui.shownTheme()).toBe('dark');
  await ui.page.emulateMedia({ colorScheme: 'dark' });
  await ui.chooseDisplay('Light');
  await expect.poll(() => ui.shownTheme()).toBe('light');
  expect(await background(ui)).toBe(light);

  // System follows the system, as it changes.
  await ui.chooseDisplay('System');
  await expect.poll(() => ui.shownTheme()).toBe('dark');
  await ui.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => ui.shownTheme()).toBe('light');

  // View ▸ Theme ▸ Dark, and the panel shows the choice.
  await ui.menuCommand('theme-dark');
  await expect.poll(() => ui.shownTheme()).toBe('dark');
  await ui.displayButton.click();
  await expect(ui.displayChoice('Dark')).toBeChecked();
  // Radio buttons: the arrow keys change the theme.
  await ui.page.keyboard.press('ArrowRight');
  await expect(ui.displayChoice('System')).toBeChecked();
  await expect.poll(async () => (await savedView(reader.dataDir))?.theme).toBe('system');
});

test('Ctrl/Cmd +, - and 0 size the story and the note, not the window, and the size is remembered', async ({ reader, ui }) => {
  await ui.ready();
  await ui.openRow(0);
  const heading = ui.page.getByRole('banner').getByRole('heading', { name: 'Ponder' });
  const summary = await ui.fontSize(ui.summary);
  const note = await ui.fontSize(ui.noteEditor);
  const chrome = await ui.fontSize(heading);

  await ui.page.keyboard.press('ControlOrMeta+Equal');
  await ui.page.keyboard.press('ControlOrMeta+Equal');
  await expect.poll(() => ui.fontSize(ui.summary)).toBeCloseTo(summary * 1.25, 1);
  expect(await ui.fontSize(ui.noteEditor)).toBeCloseTo(note * 1.25, 1);
  expect(await ui.fontSize(heading)).toBe(chrome);
  await expect.poll(async () => (await savedView(reader.dataDir))?.textScale).toBe(125);

  await ui.page.reload();
  await ui.ready();
  await ui.openRow(0);
  await expect.poll(() => ui.fontSize(ui.summary)).toBeCloseTo(summary * 1.25, 1);

  // Typing in the note, the keys still size the text (and type nothing).
  await ui.noteEditor.focus();
  await ui.page.keyboard.press('ControlOrMeta+Minus');
  await ui.page.keyboard.press('ControlOrMeta+Minus');
  await ui.page.keyboard.press('ControlOrMeta+Minus');
  await expect.poll(() => ui.fontSize(ui.summary)).toBeCloseTo(summary * 0.9, 1);
  await expect(ui.noteEditor).toHaveValue('');
  await ui.page.keyboard.press('ControlOrMeta+Digit0');
  await expect.poll(() => ui.fontSize(ui.summary)).toBeCloseTo(summary, 1);

  // View ▸ Bigger Text.
  await ui.menuCommand('text-bigger');
  await expect.poll(() => ui.fontSize(ui.summary)).toBeCloseTo(summary * 1.1, 1);
});

test('line width and story font, from the Display panel', async ({ reader, ui }) => {
  await ui.page.setViewportSize({ width: 1600, height: 900 });
  await ui.ready();
  await ui.openRow(0);
  const widthOf = () => ui.width(ui.detail);
  const medium = await widthOf();
  await ui.chooseDisplay('Narrow');
  await expect.poll(widthOf).toBeLessThan(medium);
  await ui.chooseDisplay('Wide');
  await expect.poll(widthOf).toBeGreaterThan(medium);
  await expect.poll(async () => (await savedView(reader.dataDir))?.lineWidth).toBe('wide');

  const font = () => ui.summary.evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await font()).toMatch(/serif$/);
  await ui.chooseDisplay('Sans serif');
  await expect.poll(font).toMatch(/^system-ui/);
  await expect.poll(async () => (await savedView(reader.dataDir))?.storyFont).toBe('sans');
});

test('reduced motion turns transitions off', async ({ ui }) => {
  await ui.ready();
  const list = ui.storiesRegion.getByRole('listbox');
  const duration = () => list.evaluate((element) => getComputedStyle(element).transitionDuration);
  expect(await duration()).not.toBe('0s');
  await ui.page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(duration).toBe('0s');
});
