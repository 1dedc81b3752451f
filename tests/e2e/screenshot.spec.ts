import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { expect, test } from './fixtures';
import { SAMPLE_LIBRARY } from './host';

// The README's screenshot, made from the real UI on the sample with a note written.
// `PONDER_UPDATE_SCREENSHOT=1 npm run test:e2e -- screenshot` refreshes docs/screenshot.png.
test('the three panes on the sample, with a reflection written', async ({ ui }, testInfo) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const story = library.stories.find((candidate) => candidate.topics.includes('North Korea')) ?? library.stories[0]!;
  await ui.ready();
  await ui.topic('North Korea').click();
  await ui.openStory(story.title);
  await ui.writeNote(
    'If one more country sends troops, the war stops being **regional**.\n\n- Watch Seoul’s response\n- Watch the Kursk front',
  );
  await ui.page.setViewportSize({ width: 1440, height: 900 });
  await expect(ui.notePreview.getByRole('strong')).toHaveText('regional');
  await ui.noteStatus.scrollIntoViewIfNeeded();
  const file = process.env['PONDER_UPDATE_SCREENSHOT']
    ? path.resolve(__dirname, '../../docs/screenshot.png')
    : testInfo.outputPath('screenshot.png');
  await ui.page.screenshot({ path: file });
});
