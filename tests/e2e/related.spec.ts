import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';
import { SearchControls } from './search-controls';

test('a story lists five related stories with what they share; Enter on one opens it', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const kursk = library.stories.find((story) => /North Korea has deployed additional troops/.test(story.summary))!;
  const controls = new SearchControls(ui.page);
  await ui.ready();
  await ui.openStory(kursk.title);

  await expect(controls.relatedStories).toHaveCount(5);
  const first = controls.relatedStories.first();
  await expect(first).toContainText('Shared: North Korea');
  await expect(controls.related).not.toContainText(kursk.title);
  // The button reads its title, then what it shares, each on its own line.
  const title = (await first.innerText()).split('\n')[0]!.trim();

  // By keyboard: focus the first related story and press Enter.
  await first.focus();
  await ui.page.keyboard.press('Enter');
  await expect(ui.detail.getByRole('heading', { level: 1 })).toHaveText(title);
  // The new story has its own related list, without itself.
  await expect(controls.relatedStories).toHaveCount(5);
  await expect(controls.related).not.toContainText(title);
});
