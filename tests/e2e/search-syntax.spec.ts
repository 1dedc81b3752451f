import { loadLibrary } from '../../electron/core/library/load-library';
// Plain Lunr with Ponder's pipeline and syntax over the whole sample: the oracle the app must equal.
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

test('the placeholder’s examples, phrases and AND find what plain Lunr with Ponder’s pipeline finds', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const plain = PlainLunrIndex.build(library.stories);
  await ui.ready();
  const placeholder = (await ui.searchBox.getAttribute('placeholder')) ?? '';
  for (const example of ['kursk troops', '"north korea"', 'question:how']) expect(placeholder).toContain(example);

  for (const query of ['question:how', '"north korea"', 'troops AND korea', 'kursk troops']) {
    const outcome = plain.search(query);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.total, query).toBeGreaterThan(0);
    await ui.search(query);
    await expect(ui.storyRows, query).toHaveCount(outcome.total);
  }
  await ui.search('"korea north"');
  await expect(ui.storyRows).toHaveCount(0);
});

test('the "?" beside the box lists the syntax, and Escape closes it and returns focus', async ({ ui }) => {
  await ui.ready();
  const button = ui.page.getByRole('button', { name: 'Search syntax' });
  const help = ui.page.getByRole('dialog', { name: 'Search syntax' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(help).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  for (const example of ['"north korea"', 'question:how', 'int*', 'regoin~1']) await expect(help).toContainText(example);
  await expect(help).toBeFocused();
  await ui.page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();
  // A click elsewhere closes it too.
  await button.click();
  await expect(help).toBeVisible();
  await ui.searchBox.click();
  await expect(help).toBeHidden();
});
