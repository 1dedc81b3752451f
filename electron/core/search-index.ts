// Full-text search over stories with Lunr.
//
// The index stores no term positions (Lunr's default): positions cost ~40% more
// build time and ~50% more memory, which matters at 100k stories. Highlights are
// computed afterwards for the stories on screen only, from the index terms each
// hit matched (see highlight.ts).

import lunr from 'lunr';
import { STORY_FIELDS } from './types';
import type { SearchHit, Story, StoryField } from './types';

export type SearchOutcome =
  | { ok: true; hits: SearchHit[]; total: number }
  | { ok: false; error: string };

export interface SearchOptions {
  /** Most hits to return (all of them when omitted). */
  limit?: number;
}

/** Bumped whenever the index's shape or pipeline changes, so stale caches are rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;

export class SearchIndex {
  private constructor(
    private readonly index: lunr.Index,
    /** Number of stories indexed. */
    readonly size: number,
  ) {}

  static build(stories: Iterable<Pick<Story, 'id' | StoryField>>): SearchIndex {
    let size = 0;
    const index = lunr(function () {
      this.ref('id');
      for (const field of STORY_FIELDS) this.field(field);
      for (const story of stories) {
        this.add({ id: story.id, summary: story.summary, reflection: story.reflection, question: story.question });
        size++;
      }
    });
    return new SearchIndex(index, size);
  }

  /** Revive an index from `toJSON()` output. Throws if the data is not a Lunr index. */
  static load(serialised: { index: object; size: number }): SearchIndex {
    return new SearchIndex(lunr.Index.load(serialised.index), serialised.size);
  }

  toJSON(): { index: object; size: number } {
    return { index: this.index.toJSON(), size: this.size };
  }

  /**
   * Run a query in Lunr's syntax: words, `+must`, `-not`, `field:term`, `prefix*`, `fuzzy~1`.
   * A query Lunr cannot parse is an outcome with a message, never an exception.
   */
  search(query: string, options: SearchOptions = {}): SearchOutcome {
    let results: lunr.Index.Result[];
    try {
      results = this.index.search(query);
    } catch (error) {
      return { ok: false, error: describeQueryError(error) };
    }
    const limited = options.limit === undefined ? results : results.slice(0, options.limit);
    return { ok: true, total: results.length, hits: limited.map(toHit) };
  }
}

function toHit(result: lunr.Index.Result): SearchHit {
  const terms: SearchHit['terms'] = {};
  const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
  for (const [term, fields] of Object.entries(metadata)) {
    for (const field of Object.keys(fields) as StoryField[]) {
      (terms[field] ??= []).push(term);
    }
  }
  return { id: result.ref, score: result.score, terms };
}

function describeQueryError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Lunr's own messages are terse ("unrecognised field 'title'"); say what the user can do.
  const field = /^unrecognised field '([^']*)'/.exec(message);
  if (field) return `Ponder: unknown field "${field[1]}" — search summary:, reflection: or question:.`;
  return `Ponder: cannot search for that: ${message}.`;
}
