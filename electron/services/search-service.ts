// The renderer's searches, answered: the library's engine for stories (ranked
// within the topic or file the reader is in, when the request names its ids),
// an in-process engine over the orphaned notes for the orphans, and highlight
// ranges for the story on screen and for the hits' rows — only those the renderer
// asks for (a screen of a search's up to 500 hits), so a search answers ids and scores
// alone. The engine's life (build, update) belongs to ReaderSession; this file only
// asks it questions.

import type { SearchEngine } from '../core/search/engine';
import { highlightRanges, highlightStory } from '../core/search/highlight';
import { matchPassage } from '../core/search/match-passage';
import { isRefusal } from '../core/search/query-budget';
import type { FieldHighlights, NoteView, SearchHit, Story } from '../core/types';
import type { RowMatch, SearchResponse, StoryListItem } from '../shared/ipc-contract';
import type { FindRequest, FindResponse, RelatedRequest, RelatedResponse } from '../shared/search-contract';
import { findAcross } from './find-hits';
import type { FindLibrary, SearchedLibrary, SearchRequestOptions, SearchSession } from './search-types';

export type { FindLibrary, SearchedLibrary, SearchRequestOptions, SearchSession } from './search-types';
import { NotesEngine } from './notes-engine';
import { NotesSearch } from './notes-search';
import { relatedStories } from './related-stories';

/** Most hits a search answers when the request names no limit. */
const DEFAULT_LIMIT = 500;

export class SearchService {
  /**
   * Hits of the last query, so its rows and the stories opened from it are marked without searching
   * again; null hits: the query was refused for its cost, so highlighting does not pay it again per story.
   */
  private lastSearch: { query: string; generation: number; hits: Map<string, SearchHit> | null } | null = null;
  /** The orphaned notes' engine, rebuilt when they change. */
  private readonly orphanIndex = new NotesEngine();

  /** Every answered note, indexed as a search scope (notes-search.ts). */
  private readonly notesIndex = new NotesSearch();

  constructor(
    private readonly engine: SearchEngine,
    /** The notes whose story is not in the library. */
    private readonly orphans: () => Promise<readonly NoteView[]>,
    /** The session and its open library, for `find` and `related` (absent: those answer that no library is open). */
    private readonly owner?: { session: SearchSession; library: () => FindLibrary | null },
  ) {}

  /** Search the stories, the notes of the library's stories, or both; hits sorted as asked (find-hits.ts). */
  async find(request: FindRequest): Promise<FindResponse> {
    const library = this.owner?.library() ?? null;
    if (!this.owner || !library) return { ok: false, query: request.query, error: 'Ponder: no library is open.' };
    return findAcross(request, { session: this.owner.session, library, notes: this.notesIndex });
  }

  /** The stories most like one, each with the topics and words they share (related-stories.ts). */
  async related({ id, limit }: RelatedRequest): Promise<RelatedResponse> {
    const library = this.owner?.library() ?? null;
    if (!library) return { id, stories: [] };
    return relatedStories(this.engine, library, id, limit);
  }

  /** Rank the library's stories (those in `ids`, when given). The engine must be ready. */
  async searchLibrary(library: SearchedLibrary, query: string, options: SearchRequestOptions = {}): Promise<SearchResponse> {
    if (query.trim() === '') return { ok: true, query, total: 0, hits: [] };
    const outcome = await this.engine.search(query, { limit: options.limit ?? DEFAULT_LIMIT, ids: options.ids });
    if (!outcome.ok) {
      if (isRefusal(outcome.error)) this.lastSearch = { query, generation: library.generation, hits: null };
      return { ok: false, query, error: outcome.error };
    }
    // The same query again (as "Both" asks among the stories only their notes matched) adds to the
    // hits known: a story's matched terms do not depend on which others were searched with it.
    const known = this.lastSearch?.query === query && this.lastSearch.generation === library.generation ? this.lastSearch.hits : null;
    const hits = known ?? new Map<string, SearchHit>();
    for (const hit of outcome.hits) hits.set(hit.id, hit);
    this.lastSearch = { query, generation: library.generation, hits };
    // What each row marks is made when its row is asked for (markRows).
    return { ok: true, query, total: outcome.total, hits: outcome.hits.map(({ id, score }) => ({ id, score })) };
  }

  /**
   * `rows` (of a search's hits, as `library:rows` answers them), each that matches `query` with
   * what its row marks. The terms come from the last search when it was this query, else from one
   * search among these rows; rows that do not match (or when no search can run yet) stay as they are.
   */
  async markRows(library: SearchedLibrary, rows: readonly StoryListItem[], query: string): Promise<StoryListItem[]> {
    if (query.trim() === '' || !this.engine.ready || rows.length === 0) return [...rows];
    const hits = await this.hitsFor(library, rows.map((row) => row.id), query);
    return rows.map((row) => {
      const hit = hits.get(row.id);
      return hit ? { ...row, match: rowMatch(row, library.stories?.get(row.id), hit) } : row;
    });
  }

  /**
   * Rank the orphaned notes with the same engine code as the library: a note's
   * question is its question field and its text its reflection (the reader's own).
   * Their rows are shown without highlights.
   */
  async searchOrphans(query: string, options: SearchRequestOptions = {}): Promise<SearchResponse> {
    if (query.trim() === '') return { ok: true, query, total: 0, hits: [] };
    const outcome = await this.orphanIndex.search(await this.orphans(), query, { limit: options.limit ?? DEFAULT_LIMIT, ids: options.ids });
    if (!outcome.ok) return { ok: false, query, error: outcome.error };
    return {
      ok: true,
      query,
      total: outcome.total,
      hits: outcome.hits.map(({ id, score }) => ({ id, score })),
    };
  }

  /** Ranges to mark in a story's fields for `query`, or undefined when it does not match (or no search can run yet). */
  async storyHighlights(library: SearchedLibrary, story: Story, query: string): Promise<FieldHighlights | undefined> {
    if (query.trim() === '' || !this.engine.ready) return undefined;
    const hit = (await this.hitsFor(library, [story.id], query)).get(story.id);
    if (!hit) return undefined;
    const { summary, reflection, question, title } = highlightStory(story, hit);
    return { summary, reflection, question, title };
  }

  /** A new library (or a reload) was adopted: hits of the last search name old stories. */
  forgetLastSearch(): void {
    this.lastSearch = null;
  }

  async close(): Promise<void> {
    await this.orphanIndex.close();
    await this.notesIndex.close();
  }

  /**
   * The terms each of `ids` matched for `query` (those that match): from the last search when it
   * was this query, the others from one search among them.
   */
  private async hitsFor(library: SearchedLibrary, ids: readonly string[], query: string): Promise<ReadonlyMap<string, SearchHit>> {
    const last = this.lastSearch?.query === query && this.lastSearch.generation === library.generation ? this.lastSearch : null;
    const found = new Map<string, SearchHit>();
    if (last && !last.hits) return found;
    const missing: string[] = [];
    for (const id of ids) {
      const cached = last?.hits?.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    // Under the engine's query budget like any search; a refusal is remembered for the next rows and stories.
    const outcome = await this.engine.search(query, { ids: missing, supersede: false });
    if (!outcome.ok && isRefusal(outcome.error)) this.lastSearch = { query, generation: library.generation, hits: null };
    if (outcome.ok) for (const hit of outcome.hits) found.set(hit.id, hit);
    return found;
  }
}

/** What a hit's row marks: the summary's matches in its title and snippet, and the passage around its first match the title does not show. */
function rowMatch(item: StoryListItem, story: Story | undefined, hit: SearchHit): RowMatch {
  const summaryTerms = hit.terms.summary ?? [];
  const passage = story ? matchPassage(story, item.title, hit) : null;
  return {
    title: highlightRanges(item.title, summaryTerms),
    snippet: highlightRanges(item.snippet, summaryTerms),
    ...(passage ? { passage } : {}),
  };
}
