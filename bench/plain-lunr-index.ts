// One plain Lunr index over all the stories, on the calling thread: the oracle
// that Ponder's segmented engines (electron/core/search/) are checked against —
// same hits, order, scores and matched terms — and the benchmark's baseline.
// Not used by the app or the CLI.
//
// Like Ponder's engines it stores no term positions (Lunr's default): highlights
// are computed afterwards from the matched terms (highlight.ts).

import lunr from 'lunr';
import type { SearchOutcome } from '../electron/core/search/engine';
import { describeQueryError } from '../electron/core/search/query';
import { STORY_FIELDS } from '../electron/core/types';
import type { SearchHit, Story, StoryField } from '../electron/core/types';

export interface PlainSearchOptions {
  /** Most hits to return (all of them when omitted); `total` still counts every match. */
  limit?: number;
}

export class PlainLunrIndex {
  private constructor(
    private readonly index: lunr.Index,
    /** Number of stories indexed. */
    readonly size: number,
  ) {}

  static build(stories: Iterable<Pick<Story, 'id' | StoryField>>): PlainLunrIndex {
    let size = 0;
    const index = lunr(function () {
      this.ref('id');
      for (const field of STORY_FIELDS) this.field(field);
      for (const story of stories) {
        this.add({ id: story.id, summary: story.summary, reflection: story.reflection, question: story.question });
        size++;
      }
    });
    return new PlainLunrIndex(index, size);
  }

  /** Revive an index from `toJSON()` output. Throws if the data is not a Lunr index. */
  static load(serialised: { index: object; size: number }): PlainLunrIndex {
    return new PlainLunrIndex(lunr.Index.load(serialised.index), serialised.size);
  }

  toJSON(): { index: object; size: number } {
    return { index: this.index.toJSON(), size: this.size };
  }

  /** Run a query in Lunr's syntax; a query Lunr cannot parse is an outcome with Ponder's message. */
  search(query: string, options: PlainSearchOptions = {}): SearchOutcome {
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
