// search:find (stories, notes or both; sorted), story:related and saved searches, through
// the IPC handlers over a real ReaderSession on the sample and a temp data folder.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { AppStateStore } from '../../electron/core/data/app-state';
import type { FindResponse, SavedSearch } from '../../electron/shared/search-contract';
import { SAMPLE, sessionWithHandlers, value } from './helpers/session-fixture';
import { test } from './helpers/temp-dir';

/** A session on the sample whose index is built (the ready event, not a poll). */
async function openSample(dataDir: string) {
  let ready: () => void = () => undefined;
  const built = new Promise<void>((resolve) => (ready = resolve));
  const fixture = sessionWithHandlers(dataDir, { emit: (channel, payload) => channel === 'index:status' && (payload as { state: string }).state === 'ready' && ready() });
  await fixture.session.open(SAMPLE);
  await built;
  return fixture;
}

function ids(response: FindResponse): string[] {
  if (response.ok !== true) throw new Error(`not answered: ${JSON.stringify(response)}`);
  return response.hits.map((hit) => hit.id);
}

describe('search:find', () => {
  test('notes scope finds a note by its text, follows its saves, and shows its passage', async ({ tmpDir }) => {
    const { session, handlers } = await openSample(tmpDir);
    try {
      const { stories } = await loadLibrary(SAMPLE);
      const [a, b] = stories;
      await value(handlers['notes:save']({ id: a!.id, text: 'The zeppelin over the harbour.' }));
      const notes = await value(handlers['search:find']({ query: 'zeppelin', in: 'notes' }));
      expect(ids(notes)).toEqual([a!.id]);
      const note = notes.ok === true ? notes.hits[0]!.note! : null;
      expect(note!.ranges.map(([from, to]) => note!.text.slice(from, to))).toEqual(['zeppelin']);
      expect(ids(await value(handlers['search:find']({ query: 'zeppelin', in: 'stories' })))).toEqual([]);

      // Saved again with other words, and a second note: the index follows.
      await value(handlers['notes:save']({ id: a!.id, text: 'Now about airships.' }));
      await value(handlers['notes:save']({ id: b!.id, text: 'A zeppelin, finally.' }));
      expect(ids(await value(handlers['search:find']({ query: 'zeppelin', in: 'notes' })))).toEqual([b!.id]);
      expect(ids(await value(handlers['search:find']({ query: 'airships', in: 'all' })))).toEqual([a!.id]);

      // Within a file that does not hold it: nothing.
      const other = stories.find((story) => story.source !== b!.source);
      if (other) expect(ids(await value(handlers['search:find']({ query: 'zeppelin', in: 'notes', filter: `source:${other.source}` })))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('sorts by file order or unanswered first, keeping the same hits', async ({ tmpDir }) => {
    const { session, handlers } = await openSample(tmpDir);
    try {
      const { stories } = await loadLibrary(SAMPLE);
      const order = new Map(stories.map((story, i) => [story.id, i]));
      const byRelevance = ids(await value(handlers['search:find']({ query: 'russia' })));
      expect(byRelevance.length).toBeGreaterThan(3);
      const byFile = ids(await value(handlers['search:find']({ query: 'russia', sort: 'file' })));
      expect(byFile).toEqual([...byRelevance].sort((x, y) => order.get(x)! - order.get(y)!));
      expect(byFile).not.toEqual(byRelevance);
      // Answer the best hit: it moves to the end, the others keep their relevance order.
      await value(handlers['notes:save']({ id: byRelevance[0]!, text: 'Answered.' }));
      const unanswered = ids(await value(handlers['search:find']({ query: 'russia', sort: 'unanswered' })));
      expect(unanswered).toEqual([...byRelevance.slice(1), byRelevance[0]]);
    } finally {
      await session.close();
    }
  });

  test('story:related answers five stories with what they share', async ({ tmpDir }) => {
    const { session, handlers } = await openSample(tmpDir);
    try {
      const { stories } = await loadLibrary(SAMPLE);
      const kursk = stories.find((story) => /North Korea has deployed additional troops/.test(story.summary))!;
      const related = await value(handlers['story:related']({ id: kursk.id }));
      expect(related.stories).toHaveLength(5);
      expect(related.stories[0]).toMatchObject({ topics: expect.arrayContaining(['North Korea']) });
      expect(related.stories.every((story) => story.title.length > 0)).toBe(true);
      const refused = await handlers['story:related']({ id: kursk.id, limit: 500 });
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('Ponder: invalid request for story:related') });
    } finally {
      await session.close();
    }
  });
});

describe('saved searches', () => {
  test('are kept in state.json in order, renamed and reordered by replacing the list, and validated', async ({ tmpDir }) => {
    const { session, handlers } = sessionWithHandlers(tmpDir);
    try {
      expect(await value(handlers['searches:get'](undefined))).toEqual([]);
      const two: SavedSearch[] = [
        { id: 's1', name: 'Troops in Kursk', query: '+kursk troops', filter: 'topic:Russia', in: 'stories' },
        { id: 's2', name: 'My airships', query: 'zeppelin', filter: null, in: 'notes' },
      ];
      expect(await value(handlers['searches:set']({ searches: two }))).toEqual(two);
      const reordered = [{ ...two[1]!, name: 'Airships' }, two[0]!];
      await value(handlers['searches:set']({ searches: reordered }));
      const onDisk = JSON.parse(await readFile(path.join(tmpDir, 'state.json'), 'utf8')) as { savedSearches: SavedSearch[] };
      expect(onDisk.savedSearches).toEqual(reordered);
      expect(await value(handlers['searches:get'](undefined))).toEqual(reordered);
      expect(await handlers['searches:set']({ searches: [{ id: 'bad id!', name: '', query: 'x', filter: null, in: 'stories' }] })).toMatchObject({ ok: false });
    } finally {
      await session.close();
    }
  });

  test('a damaged entry in state.json is dropped alone; an old state.json has none', async ({ tmpDir }) => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      path.join(tmpDir, 'state.json'),
      JSON.stringify({
        version: 1,
        lastLibrary: null,
        view: {},
        savedSearches: [
          { id: 'ok', name: '', query: 'kursk', filter: 'topic:Russia', in: 'sideways' },
          { id: 'ok', name: 'duplicate', query: 'again', filter: null, in: 'notes' },
          { id: 'no-query', name: 'x', query: '  ', filter: null, in: 'notes' },
          'not an object',
          { id: 'bad-filter', name: 'y', query: 'z', filter: 'elsewhere', in: 'all' },
        ],
      }),
    );
    const state = await new AppStateStore(tmpDir).load();
    expect(state.savedSearches).toEqual([
      { id: 'ok', name: 'kursk', query: 'kursk', filter: 'topic:Russia', in: 'stories' },
      { id: 'bad-filter', name: 'y', query: 'z', filter: null, in: 'all' },
    ]);
    await writeFile(path.join(tmpDir, 'state.json'), JSON.stringify({ version: 1, lastLibrary: null, view: {} }));
    expect((await new AppStateStore(tmpDir).load()).savedSearches).toBeUndefined();
  });
});
