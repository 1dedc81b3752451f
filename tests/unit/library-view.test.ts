// The paged story list as main answers it (library-view.ts behind ReaderSession): a
// snapshot with counts and the first screen only, windows of rows, topic and file views,
// positions, and unanswered counts, on real generated libraries in temp folders.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLibrary } from '../../bench/generate';
import { loadLibrary } from '../../electron/core/library/load-library';
import type { Library } from '../../electron/core/types';
import { ReaderSession } from '../../electron/services/reader-session';
import { FIRST_ROWS } from '../../electron/shared/ipc-contract';
import type { LibrarySnapshot, StoryFilter } from '../../electron/shared/ipc-contract';

const WORKER = { script: path.resolve(__dirname, '../../electron/core/search/index-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
const STORIES = 10_000;

let root: string;
let folder: string;
let library: Library;
let session: ReaderSession;
let opened: LibrarySnapshot;
let withTopics: LibrarySnapshot;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-view-'));
  folder = path.join(root, 'library');
  await ensureLibrary(folder, { stories: STORIES });
  library = await loadLibrary(folder);
  let topicsArrived!: (snapshot: LibrarySnapshot) => void;
  const arrived = new Promise<LibrarySnapshot>((resolve) => (topicsArrived = resolve));
  session = new ReaderSession({
    dataDir: path.join(root, 'data'),
    emit: (channel, payload) => {
      if (channel === 'library:changed' && (payload as LibrarySnapshot).topics.length > 0) topicsArrived(payload as LibrarySnapshot);
    },
    indexWorker: WORKER,
    watchLibrary: false,
  });
  opened = await session.open(folder);
  withTopics = await arrived;
}, 120_000);

afterAll(async () => {
  await session.close();
  await rm(root, { recursive: true, force: true });
});

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

describe('the library as the renderer pages it', () => {
  it('opens with counts and the first screen, never the whole list', () => {
    // The first answer may hold only the files read so far (stories first, the rest streamed).
    expect(opened.storyCount).toBeGreaterThanOrEqual(FIRST_ROWS);
    expect(ids(opened.stories)).toEqual(ids(library.stories.slice(0, FIRST_ROWS)));
    expect(withTopics.storyCount).toBe(STORIES);
    expect(ids(withTopics.stories)).toEqual(ids(opened.stories));
    // The whole list was 5 MB here and 55 MB at 100k: now a few kilobytes of rows plus the files and topics.
    const size = bytes(withTopics);
    expect(size).toBeLessThan(150_000);
    expect(bytes(withTopics.stories)).toBeLessThan(FIRST_ROWS * 400);
    expect(withTopics.topics.map((topic) => [topic.name, topic.storyCount])).toEqual(
      library.topics.map((topic) => [topic.name, topic.storyIds.length]),
    );
  });

  it('answers windows of all stories by position, and where a story is', async () => {
    const generation = opened.generation;
    const { rows } = await session.rows({ generation, filter: null, start: 5_000, end: 5_060 });
    expect(ids(rows)).toEqual(ids(library.stories.slice(5_000, 5_060)));
    expect(rows[0]).toEqual({
      id: library.stories[5_000]!.id,
      source: library.stories[5_000]!.source,
      line: library.stories[5_000]!.line,
      title: library.stories[5_000]!.title,
      snippet: library.stories[5_000]!.snippet,
    });
    const last = library.stories.at(-1)!;
    expect(await session.view({ generation, filter: null, locate: last.id })).toEqual({ generation, count: STORIES, position: STORIES - 1, known: true });
    expect((await session.rows({ generation, filter: null, start: STORIES - 1, end: STORIES + 50 })).rows).toHaveLength(1);
  });

  it('answers a topic’s and a file’s stories in library order, with positions inside them', async () => {
    const generation = opened.generation;
    const topic = library.topics[3]!;
    const filter: StoryFilter = `topic:${topic.name}`;
    const view = await session.view({ generation, filter, locate: topic.storyIds[7]! });
    expect(view).toEqual({ generation, count: topic.storyIds.length, position: 7, known: true });
    expect(ids((await session.rows({ generation, filter, start: 5, end: 15 })).rows)).toEqual(topic.storyIds.slice(5, 15));

    const source = library.sources[42]!;
    const inFile = library.stories.filter((story) => story.source === source.path);
    const fileFilter: StoryFilter = `source:${source.path}`;
    expect(await session.view({ generation, filter: fileFilter, locate: library.stories[0]!.id })).toEqual({
      generation,
      count: source.storyCount,
      position: -1,
      known: true,
    });
    expect(ids((await session.rows({ generation, filter: fileFilter, start: 0, end: 100 })).rows)).toEqual(ids(inFile));
  });

  it('answers nothing for a filter this library does not have, and leaves unknown ids out of rows by id', async () => {
    const generation = opened.generation;
    expect(await session.view({ generation, filter: 'topic:No Such Topic', locate: 'ffffffffffffffff' })).toEqual({
      generation,
      count: 0,
      position: -1,
      known: false,
    });
    const wanted = [library.stories[9]!.id, 'ffffffffffffffff', library.stories[2]!.id];
    expect(ids((await session.rows({ generation, ids: wanted })).rows)).toEqual([wanted[0], wanted[2]]);
  });

  it('sends a story’s topics with it, and counts a topic’s unanswered stories as notes are written and emptied', async () => {
    const topic = library.topics[0]!;
    const story = library.stories.find((candidate) => candidate.id === topic.storyIds[0])!;
    expect((await session.getStory(story.id))?.topics).toEqual(story.topics);
    const unanswered = async () => (await session.counts()).topics.find((candidate) => candidate.name === topic.name)!.unanswered;
    expect(await unanswered()).toBe(topic.storyIds.length);
    await session.notes.save(story.id, 'An answer.');
    expect(await unanswered()).toBe(topic.storyIds.length - 1);
    await session.notes.save(story.id, '   ');
    expect(await unanswered()).toBe(topic.storyIds.length);
  });
});

describe('the Show choices and reflection progress, answered by main', () => {
  it('narrows a topic or all stories to the unread, starred, unanswered or answered, keeping each list until a fresh view', async () => {
    const generation = opened.generation;
    const topic = library.topics[1]!;
    const filter: StoryFilter = `topic:${topic.name}`;
    const [a, b, c] = topic.storyIds as [string, string, string];
    await session.reading.mark([a, b], true);
    await session.reading.star(c, true);
    await session.notes.save(b, 'Answered.');
    try {
      const unread = await session.view({ generation, filter, show: 'unread', fresh: true, locate: c });
      expect(unread).toEqual({ generation, count: topic.storyIds.length - 2, position: 0, known: true });
      expect(ids((await session.rows({ generation, filter, start: 0, end: 3, show: 'unread' })).rows)).toEqual(topic.storyIds.slice(2, 5));
      expect(ids((await session.rows({ generation, filter, start: 0, end: 100, show: 'starred' })).rows)).toEqual([c]);
      expect((await session.view({ generation, filter: null, show: 'answered', fresh: true })).count).toBe(1);
      expect(ids((await session.rows({ generation, filter: null, start: 0, end: 10, show: 'answered' })).rows)).toEqual([b]);
      expect((await session.view({ generation, filter, show: 'unanswered', fresh: true })).count).toBe(topic.storyIds.length - 1);

      // Reading on: the list on screen does not shift until the renderer asks for a fresh view.
      await session.reading.mark([c], true);
      expect(ids((await session.rows({ generation, filter, start: 0, end: 1, show: 'unread' })).rows)).toEqual([c]);
      expect(await session.viewIds(filter, generation, 'unread')).toContain(c);
      expect((await session.view({ generation, filter, show: 'unread', fresh: true })).count).toBe(topic.storyIds.length - 3);

      // Next unanswered walks the list on show; a search is ranked within the Show choice.
      expect((await session.nextUnanswered({ generation, filter: null, after: null, show: 'starred' })).id).toBe(c);
      expect((await session.nextUnanswered({ generation, filter: null, after: null, show: 'answered' })).id).toBeNull();
    } finally {
      await session.reading.mark([a, b, c], false);
      await session.reading.star(c, false);
      await session.notes.save(b, '');
    }
  });

  it('counts answered questions for the whole library and each file, in the snapshot and the counts', async () => {
    const source = library.sources[3]!;
    const inFile = library.stories.filter((story) => story.source === source.path);
    const before = (await session.counts()).progress;
    expect(before.storyCount).toBe(STORIES);
    expect(before.files).toHaveLength(library.sources.filter((file) => file.storyCount > 0).length);
    expect(before.files.find((file) => file.path === source.path)).toEqual({ path: source.path, storyCount: inFile.length, answered: 0 });
    await session.notes.save(inFile[0]!.id, 'One answer.');
    await session.notes.save(inFile[1]!.id, 'Two answers.');
    try {
      const after = (await session.counts()).progress;
      expect(after.answered).toBe(before.answered + 2);
      expect(after.files.find((file) => file.path === source.path)?.answered).toBe(2);
      expect((await session.currentSnapshot())?.progress).toEqual(after);
    } finally {
      await session.notes.save(inFile[0]!.id, '');
      await session.notes.save(inFile[1]!.id, '');
    }
  });
});
