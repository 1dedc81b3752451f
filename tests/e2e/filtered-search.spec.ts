// A search inside a file, topic or the orphaned notes is ranked by the search
// engine within them: none of their matches is lost to the library-wide limit
// on hits, the header counts them, and orphaned notes answer the query
// language (stemming, prefixes) like stories do.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeCrowdedLibrary } from '../../bench/crowded-library';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { expect, test } from './fixtures';
import { launchReader, SAMPLE_LIBRARY } from './host';
import { ReaderPage } from './reader-page';
import { SearchControls } from './search-controls';

let root: string;
test.beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-filtered-'));
});
test.afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('a search inside a file finds all of its matches, however many stories elsewhere rank higher', async () => {
  const library = path.join(root, 'library');
  const crowded = await writeCrowdedLibrary(library);
  const reader = await launchReader({ library });
  try {
    const ui = new ReaderPage(reader.page);
    await ui.ready();
    await ui.source(crowded.fewFile).click();
    await expect(ui.storyCount).toHaveText(`${crowded.fewCount} stories in ${crowded.fewFile}`);

    await ui.search(crowded.word);
    await expect(ui.storyCount).toHaveText(`${crowded.fewCount} results for “${crowded.word}” in ${crowded.fewFile}`);
    await expect(ui.storyRows).toHaveCount(crowded.fewCount);
    for (const mark of await ui.marks(ui.storyRows.first())) expect(mark.toLowerCase()).toBe(crowded.word);

    // The whole library: the count is every match, the list the best 500.
    await ui.allStories.click();
    const all = crowded.crowdCount + crowded.fewCount;
    await expect(ui.storyCount).toHaveText(`${all} results for “${crowded.word}” · best 500 shown`);
    // The last of the 500, its rows fetched as the list scrolls there, is marked as the first screen is.
    const last = await new SearchControls(reader.page).scrollToEnd(ui.storyList, 500);
    const marks = await ui.marks(last);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toBe(crowded.word);

    // Back in the file, the search is asked again within it.
    await ui.source(crowded.fewFile).click();
    await expect(ui.storyCount).toHaveText(`${crowded.fewCount} results for “${crowded.word}” in ${crowded.fewFile}`);
    expect(reader.pageErrors).toEqual([]);
  } finally {
    await reader.close();
  }
});

test('searching the orphaned notes uses the query language: stems, prefixes, exclusions', async () => {
  const dataDir = path.join(root, 'data');
  const store = new NotesStore(dataDir);
  await store.save({ id: 'aaaaaaaaaaaaaaaa', text: 'Ferries to Zanzibar were cancelled.', question: 'Will the islands cope?', source: 'gone.txt' });
  await store.save({ id: 'bbbbbbbbbbbbbbbb', text: 'Prices rose again.', question: 'Why does a ferry cost more?', source: 'gone.txt' });
  await store.save({ id: 'cccccccccccccccc', text: 'Nothing about boats.', question: 'What about trains?', source: 'gone.txt' });
  const reader = await launchReader({ library: SAMPLE_LIBRARY, dataDir });
  try {
    const ui = new ReaderPage(reader.page);
    await ui.ready();
    await ui.showOrphans();
    await expect(ui.storyCount).toHaveText('3 orphaned notes');

    // "ferry" finds "Ferries" too: stemmed as the index stems, not matched as a substring.
    await ui.search('ferry');
    await expect(ui.storyCount).toHaveText('2 orphaned notes for “ferry”');
    await expect(ui.storyRows.filter({ hasText: 'Will the islands cope?' })).toHaveCount(1);
    await expect(ui.storyRows.filter({ hasText: 'Why does a ferry cost more?' })).toHaveCount(1);

    await ui.search('ferry -zanzibar');
    await expect(ui.storyCount).toHaveText('1 orphaned note for “ferry -zanzibar”');
    await expect(ui.storyRows).toHaveText([/Why does a ferry cost more\?/]);

    await ui.search('train*');
    await expect(ui.storyRows).toHaveText([/What about trains\?/]);
    expect(reader.pageErrors).toEqual([]);
  } finally {
    await reader.close();
  }
});
