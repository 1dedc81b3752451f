// Digests and notes are data, never code (issue 9): a library whose stories carry
// script tags, event-handler attributes, javascript: and data: links, bidi
// overrides, zero-width characters and a 1 MB line, and a note full of remote
// images and web links. No script runs, no dialog opens, nothing is fetched from
// outside the app's own origin, the text shows literally — and a web link in a
// note's preview reaches the system browser only on a click, after its address
// was shown and the reader chose Open.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadLibrary } from '../../electron/core/library/load-library';
import { NotesStore } from '../../electron/core/notes/notes-store';
import type { Story } from '../../electron/core/types';
import { launchReader, target } from './host';
import { watchPage } from './page-watch';
import { ReaderPage } from './reader-page';

// Anything that runs sets window.__ponderPwned, or calls alert (a dialog).
const SCRIPT = '<script>window.__ponderPwned = "script"; alert("script")</script>';
const IMG = '<img src=x onerror="window.__ponderPwned = \'img\'; alert(\'img\')">';
const HOSTILE = [
  `${SCRIPT} Officials met in Kursk to talk about ${IMG} the border.`,
  'Read <a href="javascript:window.__ponderPwned=\'a\'">this</a>, [that](javascript:alert(1)) or data:text/html,<script>alert(1)</script> first.',
  'Would <iframe src="http://127.0.0.1:9/frame"></iframe> or <svg onload="alert(1)"></svg> ever render?',
  '',
  'The file invoice\u202Etxt.exe was shared by the ministry of finance in Kyiv.',
  'Zero\u200Bwidth\u200C joiners\u200D and\uFEFF marks stay in the text.',
  'What does \u202Ereversed\u202C text look like when shown?',
].join('\n');
const LONG_SUMMARY = `A very long line about Sumy. ${'Lorem ipsum dolor sit amet. '.repeat(38_000)}`; // over 1 MB
const LONG = [LONG_SUMMARY, 'Long lines load like any other.', 'Does the reading pane cope with a 1 MB line?'].join('\n');

const WEB_LINK = 'http://127.0.0.1:9/page';
const NOTE = [
  'Images: ![remote chart](http://127.0.0.1:9/x.png) and ![](https://example.com/y.png).',
  '',
  `Links: [a web link](${WEB_LINK}), [a script link](javascript:alert(1)), [a data link](data:text/html,<script>alert(1)</script>), [a file link](file:///etc/passwd).`,
  '',
  '<img src="http://127.0.0.1:9/raw.png" onerror="alert(1)"> <script>alert(1)</script>',
].join('\n');

let root: string;
let stories: Story[];

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-hostile-'));
  await writeFile(path.join(root, 'a-hostile.txt'), HOSTILE);
  await writeFile(path.join(root, 'b-long.txt'), LONG);
  stories = (await loadLibrary(root)).stories;
  expect(stories).toHaveLength(3);
});

test.afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

test('hostile stories and notes show as text: no script, no dialog, no request off the app', async () => {
  test.skip(target !== 'chromium', 'the recorded shell and request log are the chromium host’s');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-hostile-data-'));
  const [scripted, bidi, long] = stories as [Story, Story, Story];
  await new NotesStore(dataDir).save({ id: scripted.id, text: NOTE, question: scripted.question, source: scripted.source });
  const { watch, beforeLoad } = watchPage();
  const reader = await launchReader({ library: root, dataDir, beforeLoad });
  try {
    const ui = new ReaderPage(reader.page);
    await ui.ready();
    const origin = new URL(reader.page.url()).origin;

    // The stories, literally: every character of each field, and no element made from them.
    for (const story of [scripted, bidi, long]) {
      await ui.openStory(story.title);
      expect(await ui.summary.textContent()).toBe(story.summary);
      expect(await ui.question.textContent()).toBe(story.question);
      expect(await ui.detail.textContent()).toContain(story.reflection);
      expect(await ui.tagNames(ui.detail)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(script|img|iframe|svg|a|object|embed)$/)]));
    }
    expect(await ui.storyRows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<script>')]));

    // Found by search, highlighted as text.
    await ui.search('officials');
    await expect(ui.storyRows).toHaveCount(1);
    await expect(ui.storyRows).toContainText('<script>');
    await ui.openRow(0);
    expect(await ui.marks(ui.summary)).toEqual(['Officials']);
    await ui.search('');

    // The note: images are their alt text, raw HTML is dropped, only the web link is a link.
    await ui.openStory(scripted.title);
    await ui.editorTab('Both').click();
    await expect(ui.notePreview).toContainText('[remote chart]');
    await expect(ui.notePreview).toContainText('[image]');
    expect(await ui.tagNames(ui.notePreview)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(script|img|iframe|a)$/)]));
    for (const inert of ['a script link', 'a data link', 'a file link']) {
      await expect(ui.notePreview.getByText(inert)).toBeVisible();
      await expect(ui.previewLink(inert)).toHaveCount(0);
    }

    // The web link: nothing opens until the reader saw the address and chose Open.
    expect(reader.shellCalls).toEqual([]);
    await ui.previewLink('a web link').hover();
    await ui.previewLink('a web link').focus();
    expect(reader.shellCalls).toEqual([]);
    await ui.previewLink('a web link').click();
    await expect(ui.linkConfirm).toContainText(WEB_LINK);
    await ui.answerLinkConfirm('Cancel');
    expect(reader.shellCalls).toEqual([]);
    await ui.previewLink('a web link').click();
    await ui.answerLinkConfirm('Open in Browser');
    await expect.poll(() => reader.shellCalls).toEqual([`open-external ${WEB_LINK}`]);

    // A page that skips the confirm still cannot hand main anything but a web link.
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share']) {
      const refused = await reader.page.evaluate((link) => window.ponder.openExternal({ url: link }).then(() => 'opened', (error: Error) => error.message), url);
      expect(refused).toMatch(/^Ponder: only http and https links open in your browser/);
    }
    expect(reader.shellCalls).toEqual([`open-external ${WEB_LINK}`]);

    // Nothing ran, asked, opened or fetched.
    expect(await watch.inPage()).toEqual({ pwned: undefined, cspViolations: [] });
    expect(watch.dialogs).toEqual([]);
    expect(watch.popups).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.foreign(origin)).toEqual([]);
    expect(reader.pageErrors).toEqual([]);
  } finally {
    await reader.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
