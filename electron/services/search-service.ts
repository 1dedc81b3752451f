// The renderer's searches, answered: the library's engine for stories (ranked
// within the topic or file the reader is in, when the request names its ids),
// an in-process engine over the orphaned notes for the orphans, and highlight
// ranges for the rows and the story on screen. The engine's life (build,
// update) belongs to ReaderSession; this file only asks it questions.

import type { SearchEngine } from '../core/search/engine';
import { highlightRanges, highlightStory } from '../core/search/highlight';
import { matchPassage } from '../core/search/match-passage';
import { isRefusal } from '../core/search/query-budget';
import type { FieldHighlights, NoteView, SearchHit, Story } from '../core/types';
import type { SearchResponse } from '../shared/ipc-contract';
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
   * Hits of the last query, so opening one of its stories does not search again;
   * null hits: the query was refused for its cost, so highlighting does not pay it again per story.
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
    this.lastSearch = { query, generation: library.generation, hits: new Map(outcome.hits.map((hit) => [hit.id, hit])) };
    return {
      ok: true,
      query,
      total: outcome.total,
      hits: outcome.hits.map((hit) => {
        const item = library.itemsById.get(hit.id);
        const summaryTerms = hit.terms.summary ?? [];
        const story = library.stories?.get(hit.id);
        const passage = story && item ? matchPassage(story, item.title, hit) : null;
        return {
          id: hit.id,
          score: hit.score,
          highlights: {
            title: item ? highlightRanges(item.title, summaryTerms) : [],
            snippet: item ? highlightRanges(item.snippet, summaryTerms) : [],
          },
          ...(passage ? { passage } : {}),
        };
      }),
    };
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
      hits: outcome.hits.map((hit) => ({ id: hit.id, score: hit.score, highlights: { title: [], snippet: [] } })),
    };
  }

  /** Ranges to mark in a story's fields for `query`, or undefined when it does not match (or no search can run yet). */
  async storyHighlights(library: SearchedLibrary, story: Story, query: string): Promise<FieldHighlights | undefined> {
    if (query.trim() === '' || !this.engine.ready) return undefined;
    const hit = await this.hitFor(library, story.id, query);
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

  /** The terms a story matched for `query`: from the last search when it was this query. */
  private async hitFor(library: SearchedLibrary, id: string, query: string): Promise<SearchHit | undefined> {
    const last = this.lastSearch?.query === query && this.lastSearch.generation === library.generation ? this.lastSearch : null;
    if (last && !last.hits) return undefined;
    const cached = last?.hits?.get(id);
    if (cached) return cached;
    // Under the engine's query budget like any search; a refusal is remembered for the next story.
    const outcome = await this.engine.search(query, { ids: [id], supersede: false });
    if (!outcome.ok && isRefusal(outcome.error)) this.lastSearch = { query, generation: library.generation, hits: null };
    return outcome.ok ? outcome.hits.find((hit) => hit.id === id) : undefined;
  }
}
