import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCrowdedLibrary } from '../../bench/crowded-library';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { ReaderSession } from '../../electron/services/reader-session';
import type { EventChannel, IndexStatus, LibrarySnapshot } from '../../electron/shared/ipc-contract';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');
const WORKER = { script: path.resolve(__dirname, '../../electron/core/search/index-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

let root: string;
let library: string;
let dataDir: string;
let events: Array<{ channel: EventChannel; payload: unknown }>;
let session: ReaderSession;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ponder-session-'));
  library = path.join(root, 'library');
  dataDir = path.join(root, 'data');
  await cp(SAMPLE, library, { recursive: true });
  events = [];
  session = new ReaderSession({ dataDir, emit: (channel, payload) => events.push({ channel, payload }), indexWorker: WORKER });
});

afterEach(async () => {
  await session.close();
  await rm(root, { recursive: true, force: true });
});

const lastStatus = () => events.filter((event) => event.channel === 'index:status').at(-1)?.payload as IndexStatus | undefined;
const lastSnapshot = () => events.filter((event) => event.channel === 'library:changed').at(-1)?.payload as LibrarySnapshot | undefined;

async function hits(query: string): Promise<string[]> {
  const response = await session.search(query);
  if (response.ok !== true) throw new Error(`search not ready: ${JSON.stringify(response)}`);
  return response.hits.map((hit) => hit.id);
}

describe('ReaderSession on a watched library', () => {
  it('answers with the stories first, then sends their topics for the same stories', async () => {
    const opened = await session.open(library);
    expect(opened.stories).toHaveLength(26);
    expect(opened.topics).toEqual([]);
    await expect.poll(() => lastSnapshot()?.topics.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const withTopics = lastSnapshot()!;
    expect(withTopics.generation).toBe(opened.generation);
    expect(withTopics.stories.map((story) => story.id)).toEqual(opened.stories.map((story) => story.id));
    const northKorea = withTopics.topics.find((topic) => topic.name === 'North Korea')!;
    expect(northKorea.storyCount).toBeGreaterThan(0);
    expect(northKorea.unanswered).toBe(northKorea.storyCount);
    // Membership stays in main: the topic's stories are a view, and each story names its topics.
    const view = await session.view({ generation: opened.generation, filter: 'topic:North Korea' });
    expect(view.count).toBe(northKorea.storyCount);
    const { rows } = await session.rows({ generation: opened.generation, filter: 'topic:North Korea', start: 0, end: view.count });
    expect(rows).toHaveLength(northKorea.storyCount);
    expect((await session.getStory(rows[0]!.id))?.topics).toContain('North Korea');
  });

  it('reports indexing progress, then finds a story from a file added on disk, and forgets a removed one', async () => {
    const opened = await session.open(library);
    expect(opened.stories).toHaveLength(26);
    await expect.poll(() => lastStatus()?.state, { timeout: 15_000 }).toBe('ready');
    expect(await hits('zanzibar')).toEqual([]);

    const added = path.join(library, 'zz-new.txt');
    await writeFile(added, 'Ferries resumed between Zanzibar and the mainland.\nTrade returns.\nWill prices fall?\n');
    await expect.poll(() => lastSnapshot()?.stories.length, { timeout: 10_000 }).toBe(27);
    const newId = lastSnapshot()!.stories.find((story) => story.source === 'zz-new.txt')!.id;
    await expect.poll(() => hits('zanzibar'), { timeout: 10_000 }).toEqual([newId]);

    await unlink(added);
    await expect.poll(() => lastSnapshot()?.stories.length, { timeout: 10_000 }).toBe(26);
    await expect.poll(() => hits('zanzibar'), { timeout: 10_000 }).toEqual([]);
    expect((await hits('Kursk')).length).toBeGreaterThan(0);
  });

  it('loads the index from the cache on the next start', async () => {
    await session.open(library);
    await expect.poll(() => lastStatus()?.state, { timeout: 15_000 }).toBe('ready');
    expect(lastStatus()).toMatchObject({ state: 'ready', fromCache: false });
    const before = await hits('troops');
    await session.close();

    events = [];
    session = new ReaderSession({ dataDir, emit: (channel, payload) => events.push({ channel, payload }), indexWorker: WORKER });
    await session.open(library);
    await expect.poll(() => lastStatus()?.state, { timeout: 15_000 }).toBe('ready');
    expect(lastStatus()).toMatchObject({ state: 'ready', fromCache: true });
    expect(await hits('troops')).toEqual(before);
  });
});

describe('ReaderSession and the cached index of a library that changed while closed', () => {
  it('loads the cache early but indexes the new content again, never answering from the old one', async () => {
    await session.open(library);
    await expect.poll(() => lastStatus()?.state, { timeout: 15_000 }).toBe('ready');
    expect((await hits('kursk')).length).toBeGreaterThan(0);
    await session.close();
    // As many stories as before (so only the fingerprint tells), Kursk renamed.
    const file = path.join(library, '000_f4e10373848a0985.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('Kursk', 'Zanzibar'));

    events = [];
    session = new ReaderSession({ dataDir, emit: (channel, payload) => events.push({ channel, payload }), indexWorker: WORKER });
    await session.open(library);
    const answers: unknown[] = [];
    await expect
      .poll(
        async () => {
          const response = await session.search('kursk');
          if (response.ok !== 'pending') answers.push(response);
          return lastStatus()?.state;
        },
        { timeout: 15_000 },
      )
      .toBe('ready');
    expect(lastStatus()).toMatchObject({ state: 'ready', fromCache: false });
    // Whenever a search was answered, it was from the new content.
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, hits: [] });
    expect(await hits('kursk')).toEqual([]);
    expect((await hits('zanzibar')).length).toBeGreaterThan(0);
  });
});

describe('ReaderSession searches', () => {
  it('ranks a search inside a file among that file’s stories, and counts them, however many others match', async () => {
    const crowded = await writeCrowdedLibrary(path.join(root, 'crowded'));
    const opened = await session.open(path.join(root, 'crowded'));
    await expect.poll(() => lastStatus()?.state, { timeout: 15_000 }).toBe('ready');
    const filter = `source:${crowded.fewFile}` as const;
    const { rows } = await session.rows({ generation: opened.generation, filter, start: 0, end: 100 });
    const ids = rows.map((story) => story.id);
    expect(ids).toHaveLength(crowded.fewCount);

    const everywhere = await session.search(crowded.word);
    expect(everywhere).toMatchObject({ ok: true, total: crowded.crowdCount + crowded.fewCount });
    expect(everywhere.ok === true && everywhere.hits.filter((hit) => ids.includes(hit.id))).toEqual([]);

    // The renderer names the file; main resolves its stories (as it did the ids a caller names).
    const inFile = await session.search(crowded.word, { filter });
    if (inFile.ok !== true) throw new Error(JSON.stringify(inFile));
    expect(inFile.total).toBe(crowded.fewCount);
    expect(new Set(inFile.hits.map((hit) => hit.id))).toEqual(new Set(ids));
    expect(await session.search(crowded.word, { ids })).toEqual(inFile);
    // The hits' rows, asked for with the query, mark it.
    const marked = await session.rows({ generation: opened.generation, ids: inFile.hits.map((hit) => hit.id), query: crowded.word });
    expect(marked.rows).toHaveLength(crowded.fewCount);
    for (const item of marked.rows) expect(item.match?.title.map(([from, to]) => item.title.slice(from, to).toLowerCase())).toContain(crowded.word);
  });

  it('searches the orphaned notes with the query language, question and note text alike', async () => {
    const store = new NotesStore(dataDir);
    await store.save({ id: 'aaaaaaaaaaaaaaaa', text: 'Ferries to Zanzibar were cancelled.', question: 'Will the islands cope?', source: 'gone.txt' });
    await store.save({ id: 'bbbbbbbbbbbbbbbb', text: 'Prices rose again.', question: 'Why do ferries cost more?', source: 'gone.txt' });
    await session.open(library);
    const ids = async (query: string): Promise<string[]> => {
      const response = await session.search(query, { scope: 'orphans' });
      if (response.ok !== true) throw new Error(JSON.stringify(response));
      return response.hits.map((hit) => hit.id);
    };
    expect(new Set(await ids('ferry'))).toEqual(new Set(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']));
    expect(await ids('ferries -zanzibar')).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(await ids('question:islands')).toEqual(['aaaaaaaaaaaaaaaa']);
    expect(await ids('zanz*')).toEqual(['aaaaaaaaaaaaaaaa']);
    // A note edited since: the engine follows.
    await store.save({ id: 'bbbbbbbbbbbbbbbb', text: 'Zanzibar prices rose again.', question: '', source: '' });
    expect(new Set(await ids('zanzibar'))).toEqual(new Set(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']));
    expect(await session.search('title:x', { scope: 'orphans' })).toMatchObject({ ok: false, error: expect.stringContaining('unknown field "title"') });
  });
});
