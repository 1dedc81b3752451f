// One plain Lunr index over all the stories, on the calling thread: the oracle
// that Ponder's segmented engines (electron/core/search/) are checked against —
// same hits, order, scores and matched terms — and the benchmark's baseline.
// Not used by the app or the CLI.
//
// It is "a plain Lunr index with Ponder's pipeline": lunr() with Ponder's
// tokenizer and term pipeline (tokens.ts) in place of Lunr's English-only
// ones, and Ponder's query syntax (query-syntax.ts, phrase.ts) in front of
// lunr.Index#search. Everything else — the builder, scoring, the query parser,
// term expansion — is Lunr's own.
//
// Like Ponder's engines it stores no term positions (Lunr's default): highlights
// are computed afterwards from the matched terms (highlight.ts).

import lunr from 'lunr';
import type { SearchOutcome } from '../electron/core/search/engine';
import { filterPhraseHits } from '../electron/core/search/phrase';
import { describeQueryError } from '../electron/core/search/query';
import { planQuery } from '../electron/core/search/query-syntax';
import type { TokenTerm } from '../electron/core/search/tokens';
import { FIELDS, forEachToken, searchTerms, STOP_WORD_FIELD, TermPipeline } from '../electron/core/search/tokens';
import { STORY_FIELDS } from '../electron/core/types';
import type { SearchHit, Story, StoryField } from '../electron/core/types';

export interface PlainSearchOptions {
  /** Most hits to return (all of them when omitted); `total` still counts every match. */
  limit?: number;
}

type Stories = Iterable<Pick<Story, 'id' | StoryField>>;

export class PlainLunrIndex {
  private constructor(
    private readonly index: lunr.Index,
    /** Number of stories indexed. */
    readonly size: number,
    /** The stories' text, for phrase checks. */
    private readonly stories: Map<string, Pick<Story, StoryField>>,
  ) {}

  static build(stories: Stories): PlainLunrIndex {
    const texts = new Map<string, Pick<Story, StoryField>>();
    const index = lunr(function () {
      usePonderPipeline(this);
      this.ref('id');
      for (const field of STORY_FIELDS) this.field(field);
      for (const story of stories) {
        this.add({ id: story.id, summary: story.summary, reflection: story.reflection, question: story.question });
        texts.set(story.id, story);
      }
    });
    return new PlainLunrIndex(index, texts.size, texts);
  }

  /** Revive an index from `toJSON()` output (and the stories, for phrase checks). Throws if the data is not a Lunr index. */
  static load(serialised: { index: object; size: number }, stories: Stories = []): PlainLunrIndex {
    return new PlainLunrIndex(lunr.Index.load(serialised.index), serialised.size, new Map([...stories].map((story) => [story.id, story])));
  }

  toJSON(): { index: object; size: number } {
    return { index: this.index.toJSON(), size: this.size };
  }

  /** Run a query in Ponder's syntax; a query Lunr cannot parse is an outcome with Ponder's message. */
  search(query: string, options: PlainSearchOptions = {}): SearchOutcome {
    const plan = planQuery(query);
    if (plan.empty) return { ok: true, total: 0, hits: [] };
    let results: lunr.Index.Result[];
    try {
      results = this.index.search(plan.lunr);
    } catch (error) {
      return { ok: false, error: describeQueryError(error) };
    }
    const limit = plan.phrases.length > 0 ? undefined : options.limit;
    const limited = limit === undefined ? results : results.slice(0, limit);
    const outcome: SearchOutcome = { ok: true, total: results.length, hits: limited.map(toHit) };
    return filterPhraseHits(outcome, plan, options.limit, (id) => this.stories.get(id));
  }
}

/** Ponder's tokenizer and pipelines on a lunr.Builder (registered, so the index serialises and loads). */
function usePonderPipeline(builder: lunr.Builder): void {
  (builder as unknown as { tokenizer: typeof tokenize }).tokenizer = tokenize;
  builder.pipeline.reset();
  builder.pipeline.add(indexTerm);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(searchTerm);
}

function tokenize(text: unknown, metadata: Record<string, unknown> = {}): lunr.Token[] {
  const tokens: lunr.Token[] = [];
  if (text === null || text === undefined) return tokens;
  forEachToken(String(text), (token, start, end) => {
    tokens.push(new lunr.Token(token, { ...metadata, position: [start, end - start], index: tokens.length }));
  });
  return tokens;
}

const pipeline = new TermPipeline();
/** Terms by token, as Ponder's segment builder remembers them: the plain index is timed against it, so it gets the same help. */
const memo = new Map<string, TokenTerm | null>();

function termOf(token: string): TokenTerm | null {
  let found = memo.get(token);
  if (found === undefined) {
    found = pipeline.termOf(token);
    if (memo.size < 1_000_000) memo.set(token, found);
  }
  return found;
}

/** The index pipeline: Ponder's term of the token; stop words in the question field only. */
const indexTerm: lunr.PipelineFunction = (token) => {
  const found = termOf(token.toString());
  if (!found) return undefined as unknown as lunr.Token;
  const fields = (token as unknown as { metadata: { fields?: string[] } }).metadata.fields;
  if (found.stop && fields?.[0] !== FIELDS[STOP_WORD_FIELD]) return undefined as unknown as lunr.Token;
  return token.update(() => found.term);
};

const searchTerm: lunr.PipelineFunction = (token) => {
  const [term] = searchTerms(token.toString());
  return term === undefined ? (undefined as unknown as lunr.Token) : token.update(() => term);
};

lunr.Pipeline.registerFunction(indexTerm, 'ponder-index-term');
lunr.Pipeline.registerFunction(searchTerm, 'ponder-search-term');

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
