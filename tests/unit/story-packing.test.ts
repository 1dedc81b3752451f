// Stories on the wire from a library worker (story-packing.ts): a file's text in one
// Latin-1 string and one wide string plus offsets, and the stories main makes of them
// equal, field for field, what readLibraryFile derives.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect } from 'vitest';
import { readLibraryFile } from '../../electron/core/library/library-file';
import type { FileStory } from '../../electron/core/library/library-file';
import { LibraryLoader } from '../../electron/core/library/library-loader';
import { loadLibrary } from '../../electron/core/library/load-library';
import { packedCount, packStories, unpackStories } from '../../electron/core/library/story-packing';
import { test } from './helpers/temp-dir';

const WORKER = { workerScript: path.resolve(__dirname, '../../electron/core/library/library-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

const LONG = 'The finance ministers of the twenty largest economies met in Lisbon for three days of talks about debt relief and trade rules. They agreed on little.';
const STORIES = {
  long: `${LONG}\nA reflection on debt.\nWill the talks resume?`,
  latin: 'Sébastien Lecornu met François Bayrou in Orléans. Both smiled.\nÆsop would have smiled too.\nWhat will they decide?',
  cyrillic: 'Обстріл Харкова триває третю добу. У Харкові знову вимкнули світло.\nМісто тримається.\nЯк Харків переживе зиму?',
  emoji: 'Fans cheered 🎉 as the team won in Porto. The city celebrated all night.\nJoy is contagious.\nWill the team win again?',
  quote: 'The mayor’s plan passed in Lyon. Critics were unconvinced.\nPolitics moves slowly.\nWhat comes next?',
  short: 'Rain fell in Oslo.\nNothing more.\nWill it stop?',
  oneSentence: 'Ministers from forty countries gathered in Geneva to discuss the long and difficult question of how the river should be shared\nWater is politics.\nWho will give way first?',
  spaced: 'Snow  fell in Bergen overnight. Roads closed.\nWinter came early.\nWill the roads reopen?',
};

/** The two files of the library: the second repeats a story of the first. */
async function writeLibrary(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, '1.txt'), [STORIES.long, STORIES.latin, STORIES.cyrillic, STORIES.short, STORIES.oneSentence].join('\n'));
  await writeFile(path.join(folder, '2.txt'), [STORIES.emoji, STORIES.latin, STORIES.quote, STORIES.spaced].join('\n'));
}

async function fileStories(folder: string): Promise<FileStory[]> {
  const first = await readLibraryFile(folder, '1.txt');
  const second = await readLibraryFile(folder, '2.txt');
  return [...first.stories, ...second.stories];
}

/** Whether V8 stores `text` one byte per character (the tag v8.serialize writes for it). */
function isOneByte(text: string): boolean {
  return serialize(text)[2] === '"'.charCodeAt(0);
}

describe('packStories', () => {
  test('gives back every field of every story, a title cut with "…" and an empty reflection included', async ({ tmpDir }) => {
    await writeLibrary(tmpDir);
    const read = await fileStories(tmpDir);
    const stories = [...read, { ...read[0]!, reflection: '' }];
    expect(stories[0]!.title.endsWith('…')).toBe(true);
    expect(stories[4]!.snippet.startsWith('…')).toBe(true);

    const packed = packStories(stories);
    expect(packedCount(packed)).toBe(stories.length);
    expect(unpackStories(packed, 'a.txt')).toEqual(stories.map((story) => ({ ...story, source: 'a.txt', topics: [] })));
    expect(unpackStories(packStories([]), 'a.txt')).toEqual([]);
  });

  test('puts the stories in one Latin-1 string and one wide string, a title or snippet that is a piece of its summary (but for "…") held once', async ({ tmpDir }) => {
    await writeLibrary(tmpDir);
    const stories = await fileStories(tmpDir);
    const packed = packStories(stories);

    const textOf = (story: FileStory) => story.id + story.summary + story.reflection + story.question;
    const extra = (story: FileStory) => [story.title, story.snippet].filter((piece) => !story.summary.includes(piece.replace(/^…|…$/gu, ''))).join('');
    const isWide = (story: FileStory) => /[\u0100-\u{10ffff}]/u.test(Object.values(story).join(''));
    const isWideText = (story: FileStory) => /[\u0100-\u{10ffff}]/u.test(textOf(story) + extra(story));
    const expected = (wide: boolean) =>
      stories
        .filter((story) => isWideText(story) === wide)
        .map((story) => textOf(story) + extra(story))
        .join('');
    expect(packed.narrow).toBe(expected(false));
    expect(packed.wide).toBe(expected(true));
    // Only a title that is not a piece of its summary (whose spaces were collapsed) is sent on its own:
    // the title cut with "…" is sent as a range, so its story stays Latin-1.
    expect(stories.map(extra).filter(Boolean)).toEqual(['Snow fell in Bergen overnight']);
    expect(isWide(stories[0]!)).toBe(true);
    expect(packed.narrow.startsWith(stories[0]!.id + stories[0]!.summary)).toBe(true);

    // The Latin-1 stories of a file holding Cyrillic are stored one byte per character all the same
    // (as read, their text is two bytes per character, like the file's).
    expect(isWide(stories[1]!)).toBe(false);
    expect(isOneByte(stories[1]!.summary)).toBe(false);
    expect(isOneByte(packed.narrow)).toBe(true);
    expect(isOneByte(packed.wide)).toBe(false);
  });
});

describe('LibraryLoader with packed stories', () => {
  const loaders: LibraryLoader[] = [];
  afterEach(async () => {
    await Promise.all(loaders.splice(0).map((loader) => loader.dispose()));
  });

  test('gives the stories readLibraryFile derives, field for field, cold, again, and warm from the cache, a duplicate across files shown once', async ({ tmpDir }) => {
    const folder = path.join(tmpDir, 'library');
    await writeLibrary(folder);
    const newLoader = (): LibraryLoader => {
      const loader = new LibraryLoader({ ...WORKER, cacheDir: path.join(tmpDir, 'cache') });
      loaders.push(loader);
      return loader;
    };
    const expected = await loadLibrary(folder, { topics: false });
    const first = newLoader();
    const cold = await first.load(folder);
    expect(first.lastStats.reads).toBe(2);
    await first.cacheWritten();
    // The same loader again (its workers know what main holds), then a new start on the cache: neither reads a file.
    const again = await first.load(folder);
    expect(first.lastStats.reads).toBe(0);
    const warmLoader = newLoader();
    const warm = await warmLoader.load(folder);
    expect(warmLoader.lastStats).toMatchObject({ hits: 2, reads: 0 });

    for (const [run, library] of Object.entries({ cold, again, warm })) {
      expect(library.stories, run).toEqual(expected.stories);
      expect(library.stories, run).toEqual(cold.stories);
      expect(library.stories.map((story) => story.title)).toContain((await readLibraryFile(folder, '1.txt')).stories[0]!.title);
      expect(library.diagnostics).toEqual([{ file: '2.txt', line: 4, reason: 'Same story as 1.txt:4; shown once.' }]);
      expect([...library.positions]).toEqual(library.stories.map((story, i) => [story.id, i]));
    }
  });
});
