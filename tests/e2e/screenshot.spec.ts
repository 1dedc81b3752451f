import path from 'node:path';
import type { Page } from '@playwright/test';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

// The README's screenshots, one per theme, made from the real UI on the sample with a note
// written. `PONDER_UPDATE_SCREENSHOT=1 npm run test:e2e -- screenshot` refreshes
// docs/screenshot.png and docs/screenshot-dark.png.
const SHOTS = [
  { theme: 'Light', file: 'screenshot.png' },
  { theme: 'Dark', file: 'screenshot-dark.png' },
] as const;

for (const { theme, file } of SHOTS) {
  test(`the three panes on the sample, with a reflection written (${theme})`, async ({ ui }, testInfo) => {
    const library = await loadLibrary(SAMPLE_LIBRARY);
    const story = library.stories.find((candidate) => candidate.topics.includes('North Korea')) ?? library.stories[0]!;
    await ui.page.setViewportSize({ width: 1440, height: 900 });
    await ui.page.emulateMedia({ reducedMotion: 'reduce' });
    await ui.ready();
    await ui.chooseDisplay(theme);
    await ui.topic('North Korea').click();
    await ui.openStory(story.title);
    await ui.writeNote(
      'If one more country sends troops, the war stops being **regional**.\n\n- Watch Seoul’s response\n- Watch the Kursk front',
    );
    await expect(ui.notePreview.getByRole('strong')).toHaveText('regional');
    await ui.noteStatus.scrollIntoViewIfNeeded();
    await blurFocus(ui.page);
    const out = process.env['PONDER_UPDATE_SCREENSHOT'] ? path.resolve(__dirname, '../../docs', file) : testInfo.outputPath(file);
    await ui.page.screenshot({ path: out });
  });
}

/** No focus ring in the picture. */
async function blurFocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
