import { describe, expect, it } from 'vitest';
import type { StoryDetail, StoryListItem, StoryRequest } from '../../../electron/shared/ipc-contract';
import { DETAIL_FRESH_MS, DetailCache } from './detail-prefetch';
import type { ListPage } from './types';

function row(id: string): StoryListItem {
  return { id, source: 'a.md', line: 1, title: id, snippet: '' };
}

function setup() {
  const asked: StoryRequest[] = [];
  let clock = 1_000;
  const cache = new DetailCache(
    async (request) => {
      asked.push(request);
      return { ...row(request.id), summary: `summary of ${request.id}`, reflection: '', question: '?', topics: [] } as StoryDetail;
    },
    () => clock,
  );
  return { cache, asked, advance: (ms: number) => (clock += ms) };
}

describe('DetailCache', () => {
  it('fetches the rows next to the selection once, and serves them at once afterwards', async () => {
    const { cache, asked } = setup();
    const pages = new Map<number, ListPage>([[0, [row('s0'), row('s1'), row('s2')] as ListPage]]);
    expect(cache.prefetchAround(1, pages, null, 3)).toEqual(['s2', 's0']);
    expect(asked.map((r) => r.id)).toEqual(['s2', 's0']);
    await cache.get('s2', null, 3);
    expect(cache.peek('s2', null, 3)?.summary).toBe('summary of s2');
    expect(asked).toHaveLength(2); // no second request
    // Another generation or search is another answer.
    expect(cache.peek('s2', null, 4)).toBeUndefined();
    expect(cache.peek('s2', 'putin', 3)).toBeUndefined();
  });

  it('asks main again once the kept answer is older than a few seconds', async () => {
    const { cache, asked, advance } = setup();
    await cache.get('s1', 'q', 1);
    advance(DETAIL_FRESH_MS + 1);
    expect(cache.peek('s1', 'q', 1)).toBeUndefined();
    await cache.get('s1', 'q', 1);
    expect(asked).toEqual([{ id: 's1', query: 'q' }, { id: 's1', query: 'q' }]);
  });

  it('skips neighbours whose rows are not held, and the row before the first', () => {
    const { cache, asked } = setup();
    const pages = new Map<number, ListPage>([[0, [row('s0'), row('s1')] as ListPage]]);
    expect(cache.prefetchAround(0, pages, null, 1)).toEqual(['s1']);
    expect(cache.prefetchAround(1, pages, null, 1)).toEqual(['s0']);
    expect(asked.map((r) => r.id)).toEqual(['s1', 's0']);
  });
});
