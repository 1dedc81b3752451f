// Page arithmetic of the stories list: the renderer holds a few pages of rows around
// the viewport, never the whole list. Pages are as long as the snapshot's first screen,
// so that screen is page 0 and the list shows with no second request.
import { FIRST_ROWS } from '../../../electron/shared/ipc-contract';
import type { StoryListItem } from '../../../electron/shared/ipc-contract';
import type { ListPage } from './types';

export const LIST_PAGE_ROWS = FIRST_ROWS;
/** Rows fetched past each edge of the viewport, so a scroll or a keyboard move lands on rows already here. */
export const PREFETCH_ROWS = LIST_PAGE_ROWS;
/** Pages held at most (about 1,400 rows): the farthest from the viewport are dropped first. */
export const MAX_HELD_PAGES = 24;

export function pageOf(position: number): number {
  return Math.floor(position / LIST_PAGE_ROWS);
}

export function rowAt(pages: ReadonlyMap<number, ListPage>, position: number): StoryListItem | undefined {
  return pages.get(pageOf(position))?.[position % LIST_PAGE_ROWS];
}

/** The pages covering rows `start`..`end` and the prefetch around them, within a list of `count` rows. */
export function pagesAround(start: number, end: number, count: number): number[] {
  if (count <= 0) return [];
  const first = pageOf(Math.max(0, start - PREFETCH_ROWS));
  const last = pageOf(Math.min(count - 1, end + PREFETCH_ROWS));
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/** `pages` with `page` added, and the pages farthest from `near` dropped past MAX_HELD_PAGES (never `keep`). */
export function withPage(
  pages: ReadonlyMap<number, ListPage>,
  page: number,
  rows: ListPage,
  near: number,
  keep: number,
): Map<number, ListPage> {
  const next = new Map(pages);
  next.set(page, rows);
  if (next.size <= MAX_HELD_PAGES) return next;
  const far = [...next.keys()].filter((held) => held !== page && held !== keep).sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
  for (const held of far.slice(0, next.size - MAX_HELD_PAGES)) next.delete(held);
  return next;
}

/** A list held whole (the orphaned notes) as pages. */
export function pagesOf(items: readonly StoryListItem[]): Map<number, ListPage> {
  const pages = new Map<number, ListPage>();
  for (let start = 0; start < items.length; start += LIST_PAGE_ROWS) pages.set(pageOf(start), items.slice(start, start + LIST_PAGE_ROWS));
  return pages;
}

/** Where story `id` is among the held pages, or -1. */
export function findHeld(pages: ReadonlyMap<number, ListPage>, id: string): number {
  for (const [page, rows] of pages) {
    const index = rows.findIndex((row) => row?.id === id);
    if (index >= 0) return page * LIST_PAGE_ROWS + index;
  }
  return -1;
}
