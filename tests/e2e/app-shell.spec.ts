import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY, target } from './host';

test.describe('with no library open', () => {
  test.skip(target === 'electron', 'the real app always opens the sample at first start, and its folder dialog is native');
  test.use({ launch: { library: null, pickFolder: async () => SAMPLE_LIBRARY } });

  test('shows the empty state, and Open Folder… loads the chosen library', async ({ ui }) => {
    await expect(ui.emptyState).toBeVisible();
    await ui.openFolderFromEmptyState();
    await expect(ui.storyRows).toHaveCount(26);
    await expect(ui.libraryName).toHaveText('sample');
  });
});

test('the page runs no script of its own making: CSP blocks inline script', async ({ ui }) => {
  await ui.ready();
  const ran = await ui.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.head.append(script);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
});

test('the renderer has no Node and only the narrow API', async ({ ui }) => {
  await ui.ready();
  const globals = await ui.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys(window.ponder).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.api).toContain('saveNote');
  expect(globals.api).not.toContain('invoke');
  expect(globals.api).not.toContain('send');
});

test('hostile requests through the API are refused with a message', async ({ reader, ui }) => {
  await ui.ready();
  const errors = await ui.page.evaluate(async () => {
    const attempts = [
      () => window.ponder.saveNote({ id: '../../../etc/passwd', text: 'x' }),
      () => window.ponder.saveNote({ id: 'aaaaaaaaaaaaaaaa', text: 42 as unknown as string }),
      () => window.ponder.getStory({ id: 'aaaaaaaaaaaaaaaa', evil: true } as unknown as { id: string }),
      () => window.ponder.search({ query: 'x'.repeat(5000) }),
    ];
    const messages: string[] = [];
    for (const attempt of attempts) {
      try {
        await attempt();
        messages.push('accepted');
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    return messages;
  });
  for (const message of errors) expect(message).toMatch(/^Ponder: invalid request for /);
  const fs = await import('node:fs/promises');
  expect(await fs.readdir(reader.dataDir)).not.toContain('etc');
});
