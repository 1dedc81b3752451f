import path from 'node:path';
import type { Page } from '@playwright/test';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';
import { LoopControls } from './loop-controls';

// The README's screenshots, one per theme, made from the real UI on the sample in the middle
// of the daily loop: a few stories read (the rest keep their unread dot), Show:
// Unanswered within a topic, a reflection written and its story starred, and the progress bars of answered
// questions. `PONDER_UPDATE_SCREENSHOT=1 npm run test:e2e -- screenshot` refreshes
// docs/screenshot.png and docs/screenshot-dark.png.
const SHOTS = [
  { theme: 'Light', file: 'screenshot.png' },
  { theme: 'Dark', file: 'screenshot-dark.png' },
] as const;

for (const { theme, file } of SHOTS) {
  test(`the three panes on the sample, mid-loop, with a reflection written (${theme})`, async ({ ui }, testInfo) => {
    const library = await loadLibrary(SAMPLE_LIBRARY);
    const story = library.stories.find((candidate) => candidate.topics.includes('North Korea')) ?? library.stories[0]!;
    const loop = new LoopControls(ui.page);
    await ui.page.setViewportSize({ width: 1440, height: 900 });
    await ui.page.emulateMedia({ reducedMotion: 'reduce' });
    await ui.ready();
    // Closed by keyboard (it sits under the panes' edge at this size).
    await ui.welcome.getByRole('button', { name: 'Start reading' }).focus();
    await ui.page.keyboard.press('Enter');
    await expect(ui.welcome).toBeHidden();
    await ui.chooseDisplay(theme);
    // Read the first three stories (each becomes read after a moment open).
    for (const index of [0, 1, 2]) {
      await ui.openRow(index);
      await expect(ui.storyRows.nth(index)).not.toHaveAccessibleName(/Unread/);
    }
    await ui.topic('North Korea').click();
    await loop.showOption('unanswered').click();
    await expect(ui.storyCount).toContainText('unanswered stories in North Korea');
    await ui.openStory(story.title);
    await ui.writeNote(
      'If one more country sends troops, the war stops being **regional**.\n\n- Watch Seoul’s response\n- Watch the Kursk front',
    );
    await expect(ui.notePreview.getByRole('strong')).toHaveText('regional');
    await ui.starButton.click();
    await expect(ui.starButton).toHaveAttribute('aria-pressed', 'true');
    await expect(loop.progress('North Korea')).toHaveAttribute('aria-valuenow', '1');
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
