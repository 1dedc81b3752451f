// A search answers ids and scores; what a hit's row marks (title and snippet ranges, the
// passage around its first match) is made only for the rows the renderer asks for
// (`library:rows` with the ids and the query): from the last search's hits when it was this
// query, else from one search among those rows. Real Lunr over real files in a temp folder.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import type { SearchEngine, SearchOptions } from '../../electron/core/search/engine';
import { highlightRanges } from '../../electron/core/search/highlight';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import { matchPassage } from '../../electron/core/search/match-passage';
import { QUERY_TOO_BROAD } from '../../electron/core/search/query-budget';
import type { SearchHit, Story } from '../../electron/core/types';
import { toListItem } from '../../electron/services/loaded-library';
import { SearchService } from '../../electron/services/search-service';
import type { SearchedLibrary } from '../../electron/services/search-types';
import type { StoryListItem } from '../../electron/shared/ipc-contract';
import { MAX_QUERY_CHARS, validateRequest } from '../../electron/shared/ipc-schemas';
import { test } from './helpers/temp-dir';

const DIGEST = [
  // The title and the snippet match.
  'Zebras crossed the river at dawn. Rangers counted the zebras twice before noon.',
  'A herd moves as one.',
  'What guides a herd?',
  // Only later in the summary: the row shows the passage around it.
  'Floods closed the northern roads. Farmers waited for news from the valley, where a zebra herd had been seen grazing near the old dam by the river.',
  'Water finds the low ground.',
  'Who rebuilds the roads?',
  // Only in the reflection.
  'Prices rose again in March. Markets stayed calm.',
  'A zebra is no horse, and no economist either.',
  'Who sets prices?',
  // Not at all.
  'Rain fell on the capital. Traffic slowed.',
  'Weather is news.',
  'Is rain news?',
].join('\n');

interface Fixture {
  engine: SearchEngine;
  service: SearchService;
  library: SearchedLibrary;
  rows: StoryListItem[];
  /** Queries the engine was asked, in order. */
  asked: string[];
}

async function fixture(folder: string): Promise<Fixture> {
  await writeFile(path.join(folder, 'digest.txt'), `${DIGEST}\n`);
  const { stories } = await loadLibrary(folder);
  const inner = new InProcessEngine();
  await inner.build(stories);
  const asked: string[] = [];
  const engine: SearchEngine = Object.assign(Object.create(inner) as SearchEngine, {
    search: (query: string, options?: SearchOptions) => {
      asked.push(query);
      return inner.search(query, options);
    },
  });
  const rows = stories.map(toListItem);
  const library = { generation: 1, itemsById: new Map(rows.map((row) => [row.id, row])), stories: new Map(stories.map((story) => [story.id, story])) };
  return { engine, service: new SearchService(engine, async () => []), library, rows, asked };
}

/** What the search answer carried for each hit's row before rows were marked lazily: the oracle. */
function markedAsBefore(row: StoryListItem, story: Story, hit: SearchHit) {
  const summaryTerms = hit.terms.summary ?? [];
  const passage = matchPassage(story, row.title, hit);
  return { title: highlightRanges(row.title, summaryTerms), snippet: highlightRanges(row.snippet, summaryTerms), ...(passage ? { passage } : {}) };
}

async function expectedMarks({ engine, library, rows }: Fixture, query: string) {
  const outcome = await engine.search(query, { supersede: false });
  if (!outcome.ok) throw new Error(outcome.error);
  const byId = new Map(outcome.hits.map((hit) => [hit.id, hit]));
  return rows.map((row) => {
    const hit = byId.get(row.id);
    return hit ? { ...row, match: markedAsBefore(row, library.stories!.get(row.id)!, hit) } : row;
  });
}

const shown = (text: string, ranges: readonly [number, number][] | undefined) => (ranges ?? []).map(([from, to]) => text.slice(from, to).toLowerCase());

describe('rows marked for a search, made only when asked for', () => {
  test('a search answers ids and scores; its rows come with exactly the marks the answer used to carry, with no second search', async ({ tmpDir }) => {
    const world = await fixture(tmpDir);
    const expected = await expectedMarks(world, 'zebra');
    const answer = await world.service.searchLibrary(world.library, 'zebra');
    if (answer.ok !== true) throw new Error(JSON.stringify(answer));
    expect(answer.total).toBe(3);
    for (const hit of answer.hits) expect(Object.keys(hit).sort()).toEqual(['id', 'score']);

    world.asked.length = 0;
    const ids = answer.hits.map((hit) => hit.id);
    const marked = await world.service.markRows(world.library, ids.map((id) => world.library.itemsById.get(id)!), 'zebra');
    expect(world.asked).toEqual([]); // the last search's hits were used
    expect(marked).toEqual(ids.map((id) => expected.find((row) => row.id === id)));

    // What the marks say, field by field: the title and snippet, the summary's later passage, the reflection's.
    const [titled, later, reflected] = world.rows;
    const byId = new Map(marked.map((row) => [row.id, row]));
    expect(shown(titled!.title, byId.get(titled!.id)?.match?.title)).toEqual(['zebras']);
    expect(shown(titled!.snippet, byId.get(titled!.id)?.match?.snippet)).toEqual(['zebras']);
    expect(byId.get(later!.id)?.match?.passage).toMatchObject({ field: 'summary' });
    expect(shown(byId.get(later!.id)!.match!.passage!.text, byId.get(later!.id)!.match!.passage!.ranges)).toEqual(['zebra']);
    expect(byId.get(reflected!.id)?.match?.passage).toMatchObject({ field: 'reflection' });

    // The same query among other stories (as "Both" asks among those only their notes matched) keeps the hits known.
    await world.service.searchLibrary(world.library, 'zebra', { ids: [world.rows[3]!.id], limit: 1 });
    world.asked.length = 0;
    expect(await world.service.markRows(world.library, marked, 'zebra')).toEqual(marked);
    expect(world.asked).toEqual([]);
  });

  test('rows of a query that is not the last search are marked from one search among them; rows that do not match stay plain', async ({ tmpDir }) => {
    const world = await fixture(tmpDir);
    const expected = await expectedMarks(world, 'zebra');
    await world.service.searchLibrary(world.library, 'river');
    world.asked.length = 0;
    expect(await world.service.markRows(world.library, world.rows, 'zebra')).toEqual(expected);
    expect(world.asked).toEqual(['zebra']);
    expect(expected.at(-1)).not.toHaveProperty('match');

    // The same query again after a reload (no last search): the same marks.
    world.service.forgetLastSearch();
    expect(await world.service.markRows(world.library, world.rows, 'zebra')).toEqual(expected);
    // Rows of the last search that it did not answer (past its limit) are searched for too.
    await world.service.searchLibrary(world.library, 'zebra', { limit: 1 });
    world.asked.length = 0;
    expect(await world.service.markRows(world.library, world.rows, 'zebra')).toEqual(expected);
    expect(world.asked).toEqual(['zebra']);
  });

  test('a query refused for its cost is paid for once, not again for each page of rows', async ({ tmpDir }) => {
    const world = await fixture(tmpDir);
    const broad = `${'ab'.repeat(60)}~2`;
    expect(await world.service.markRows(world.library, world.rows.slice(0, 2), broad)).toEqual(world.rows.slice(0, 2));
    expect(await world.service.markRows(world.library, world.rows.slice(2), broad)).toEqual(world.rows.slice(2));
    expect(await world.service.searchLibrary(world.library, broad)).toEqual({ ok: false, query: broad, error: QUERY_TOO_BROAD });
    expect(world.asked).toEqual([broad, broad]);
  });
});

describe('library:rows requests with a query', () => {
  const ids = ['0123456789abcdef'];

  test('name the search their rows are marked for, as long as a search box allows', () => {
    expect(validateRequest('library:rows', { generation: 1, ids, query: 'zebra' })).toEqual({ generation: 1, ids, query: 'zebra' });
    expect(validateRequest('library:rows', { generation: 1, ids })).toEqual({ generation: 1, ids });
    expect(() => validateRequest('library:rows', { generation: 1, ids, query: 'z'.repeat(MAX_QUERY_CHARS + 1) })).toThrow(/^Ponder: invalid request for library:rows: /);
    expect(() => validateRequest('library:rows', { generation: 1, ids, query: 7 })).toThrow(/^Ponder: invalid request for library:rows: /);
    // A window of a view takes no query.
    expect(() => validateRequest('library:rows', { generation: 1, filter: null, start: 0, end: 10, query: 'zebra' })).toThrow(/^Ponder: invalid request for library:rows: /);
  });
});
