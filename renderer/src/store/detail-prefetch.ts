// The whole stories of the rows next to the selection, asked of main before
// they are needed: `j`/`k` then show the next story from here, in the same
// frame, instead of after a round trip. Kept a few seconds only — a note, a
// reload or a search changes what main would answer (the key holds the
// library's generation and the search, so those never mix).

import type { StoryDetail, StoryRequest } from '../../../electron/shared/ipc-contract';
import { rowAt } from './list-pages';
import type { ListPage } from './types';

/** How long a fetched story is served from here. */
export const DETAIL_FRESH_MS = 5_000;
/** Stories kept at most (the selection's neighbours and the last few shown). */
const MAX_ENTRIES = 16;

interface Entry {
  at: number;
  answer: Promise<StoryDetail | null>;
  /** Set once the answer is in: what can be shown without waiting. */
  detail?: StoryDetail | null;
}

export class DetailCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly getStory: (request: StoryRequest) => Promise<StoryDetail | null>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The story, from here when fetched in the last DETAIL_FRESH_MS, otherwise asked of main. */
  get(id: string, query: string | null, generation: number | undefined): Promise<StoryDetail | null> {
    return this.entry(id, query, generation).answer;
  }

  /** The story if it is here and already answered (undefined otherwise): shown at once. */
  peek(id: string, query: string | null, generation: number | undefined): StoryDetail | null | undefined {
    const entry = this.fresh(keyOf(id, query, generation));
    return entry?.detail;
  }

  /** Ask for the stories of the rows before and after `position`, when their rows are held. */
  prefetchAround(position: number, pages: ReadonlyMap<number, ListPage>, query: string | null, generation: number | undefined): string[] {
    const ids: string[] = [];
    for (const at of [position + 1, position - 1]) {
      const row = at >= 0 ? rowAt(pages, at) : undefined;
      if (!row) continue;
      this.entry(row.id, query, generation);
      ids.push(row.id);
    }
    return ids;
  }

  private entry(id: string, query: string | null, generation: number | undefined): Entry {
    const key = keyOf(id, query, generation);
    const kept = this.fresh(key);
    if (kept) return kept;
    const entry: Entry = { at: this.now(), answer: this.getStory(query ? { id, query } : { id }) };
    entry.answer.then(
      (detail) => (entry.detail = detail),
      () => this.entries.get(key) === entry && this.entries.delete(key), // asked again next time
    );
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at <= DETAIL_FRESH_MS) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }
}

function keyOf(id: string, query: string | null, generation: number | undefined): string {
  return `${generation ?? 0}\0${query ?? ''}\0${id}`;
}
