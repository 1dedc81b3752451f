import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../electron/core/library/load-library';
import { parseNote } from '../../electron/core/notes/note-format';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY } from './host';
import { ReaderPage } from './reader-page';

async function noteOnDisk(dataDir: string, id: string) {
  const file = path.join(dataDir, 'notes', `${id}.md`);
  const parsed = parseNote(await readFile(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.note;
}

test('a note is saved as you type, survives a reload, and is on disk in the documented format', async ({ reader, ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const story = library.stories[2]!;
  await ui.ready();
  await ui.openStory(story.title);
  await expect(ui.question).toHaveText(story.question);

  const text = 'The encirclement **forces** a choice: withdraw or hold.';
  await ui.writeNote(text);
  await expect.poll(async () => (await noteOnDisk(reader.dataDir, story.id)).text).toBe(text);
  const note = await noteOnDisk(reader.dataDir, story.id);
  expect(note).toMatchObject({ id: story.id, question: story.question, source: story.source });

  await ui.page.reload();
  await ui.openStory(story.title);
  await expect(ui.noteEditor).toHaveValue(text);
});

test('switching story at once after typing keeps the text', async ({ reader, ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const [first, second] = library.stories;
  await ui.ready();
  await ui.openStory(first!.title);
  await ui.noteEditor.fill('Written in a hurry');
  await ui.openStory(second!.title); // no wait for the save: switching must flush it
  await expect.poll(async () => (await noteOnDisk(reader.dataDir, first!.id).catch(() => null))?.text).toBe('Written in a hurry');
  await ui.openStory(first!.title);
  await expect(ui.noteEditor).toHaveValue('Written in a hurry');
});

test('closing the window right after typing keeps the note for the next start', async () => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const story = library.stories[5]!;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-'));
  const first = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
  try {
    const ui = new ReaderPage(first.page);
    await ui.ready();
    await ui.openStory(story.title);
    await ui.noteEditor.fill('Typed just before closing');
    await first.close(); // the host closes like the window does: flush request first
    expect((await noteOnDisk(dataDir, story.id)).text).toBe('Typed just before closing');

    const second = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
    try {
      const again = new ReaderPage(second.page);
      await again.ready();
      await again.openStory(story.title);
      await expect(again.noteEditor).toHaveValue('Typed just before closing');
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('answered questions leave the topic’s unanswered count and the story is marked', async ({ ui }) => {
  const library = await loadLibrary(SAMPLE_LIBRARY);
  const topic = library.topics.find((candidate) => candidate.name === 'North Korea')!;
  const story = library.stories.find((candidate) => topic.storyIds.includes(candidate.id))!;
  await ui.ready();
  const unanswered = ui.topicUnanswered(topic.name);
  await expect(unanswered).toHaveText(`${topic.storyIds.length} unanswered`);
  await expect(ui.noteMark(story.title)).toBeHidden();
  await ui.openStory(story.title);
  await ui.writeNote('An answer.');
  await expect(unanswered).toHaveText(`${topic.storyIds.length - 1} unanswered`);
  await expect(ui.noteMark(story.title)).toBeVisible();
});

test('the Markdown preview renders formatting but never raw HTML from a note', async ({ ui }) => {
  await ui.ready();
  await ui.storyRows.first().click();
  await ui.writeNote('# Heading\n\n**bold** <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [link](javascript:alert(1))');
  // The preview is live under the editor as you type.
  await expect(ui.notePreview.getByRole('heading', { name: 'Heading' })).toBeVisible();
  await ui.noteEditor.press('End');
  await ui.noteEditor.pressSequentially(' *live*');
  await expect(ui.notePreview.getByRole('emphasis')).toHaveText('live');
  await expect(ui.notePreview.getByRole('strong')).toHaveText('bold');
  const tags = await ui.tagNames(ui.notePreview);
  expect(tags).toEqual(expect.arrayContaining(['h1', 'strong', 'em']));
  for (const tag of ['img', 'script', 'iframe', 'a']) expect(tags, 'raw HTML and links are not rendered').not.toContain(tag);
  expect(await ui.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await ui.editorTab('Preview').click();
  await expect(ui.noteEditor).toBeHidden();
  await ui.editorTab('Write').click();
  await expect(ui.notePreview).toBeHidden();
  await expect(ui.noteEditor).toBeVisible();
});
