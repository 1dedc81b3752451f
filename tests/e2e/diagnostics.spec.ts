import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';

const MESSY = path.resolve(__dirname, '../fixtures/messy');

test.describe('a messy library', () => {
  test.use({ launch: { library: MESSY } });

  test('loads every intact story and lists what it could not read', async ({ ui }) => {
    const library = await loadLibrary(MESSY);
    expect(library.diagnostics.length).toBeGreaterThan(0);
    await ui.ready();
    await expect(ui.storyRows).toHaveCount(library.stories.length);
    await expect(ui.diagnosticsButton).toContainText(String(library.diagnostics.length));

    await ui.diagnosticsButton.click();
    await expect(ui.diagnosticsItems).toHaveCount(library.diagnostics.length);
    for (const diagnostic of library.diagnostics) {
      const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file;
      await expect(ui.diagnosticsItems.filter({ hasText: where }).filter({ hasText: diagnostic.reason }).first()).toBeVisible();
    }
    await ui.page.keyboard.press('Escape');
    await expect(ui.diagnosticsItems).toHaveCount(0);
  });

  test('story text that looks like HTML is shown as text', async ({ ui }) => {
    const library = await loadLibrary(MESSY);
    const story = library.stories.find((candidate) => /<script|<img|<b>/i.test(candidate.summary));
    expect(story, 'the messy fixture has an HTML-looking story').toBeDefined();
    await ui.ready();
    await ui.openStory(story!.title);
    await expect(ui.summary).toContainText(story!.summary);
    const tags = await ui.tagNames(ui.detail);
    expect(tags, 'the story is on screen').toContain('p');
    for (const tag of ['script', 'img', 'b']) expect(tags).not.toContain(tag);
  });
});
