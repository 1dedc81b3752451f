// Phrase checks. The index keeps no term positions (neither does a plain Lunr
// index), so a quoted phrase is searched as required terms (query-syntax.ts),
// and the candidate stories' text is then read again with the one tokenizer
// to keep those where the phrase's terms stand adjacent and in order. The
// engines hold every indexed story's text on the main thread already (to
// rebuild after a lost worker), so the check costs no extra memory; it runs
// on the candidates only, and each distinct token's term is remembered.

import type { PlannedQuery, Phrase } from './query-syntax';
import type { StoryInput } from './protocol';
import type { EngineSearchOutcome, SearchOutcome } from './engine';
import { cachedTermOf, FIELDS, forEachToken } from './tokens';

/** True when `story` holds every required phrase and none of the prohibited ones. */
export function matchesPhrases(story: Pick<StoryInput, 'summary' | 'reflection' | 'question'>, phrases: readonly Phrase[]): boolean {
  return phrases.every((phrase) => holdsPhrase(story, phrase) !== phrase.prohibited);
}

/**
 * Answer a planned query: `search` runs its Lunr part (all hits, unlimited,
 * when there are phrases to check), then filterPhraseHits.
 */
export async function searchPlanned(
  plan: PlannedQuery,
  limit: number | undefined,
  search: (lunrQuery: string, limit: number | undefined) => Promise<EngineSearchOutcome>,
  storyOf: StoryLookup,
): Promise<EngineSearchOutcome> {
  if (plan.empty) return { ok: true, total: 0, hits: [] };
  if (plan.phrases.length === 0) return search(plan.lunr, limit);
  return filterPhraseHits(await search(plan.lunr, undefined), plan, limit, storyOf);
}

/** The hits whose stories pass the phrase checks, up to `limit`; `total` counts them all. */
export function filterPhraseHits<T extends EngineSearchOutcome>(outcome: T, plan: PlannedQuery, limit: number | undefined, storyOf: StoryLookup): T | SearchOutcome {
  if (!outcome.ok || plan.phrases.length === 0) return outcome;
  const hits = outcome.hits.filter((hit) => {
    const story = storyOf(hit.id);
    return story !== undefined && matchesPhrases(story, plan.phrases);
  });
  return { ok: true, total: hits.length, hits: limit === undefined ? hits : hits.slice(0, limit) };
}

export type StoryLookup = (id: string) => Pick<StoryInput, 'summary' | 'reflection' | 'question'> | undefined;

function holdsPhrase(story: Pick<StoryInput, 'summary' | 'reflection' | 'question'>, phrase: Phrase): boolean {
  const fields = phrase.field === null ? FIELDS : [FIELDS[phrase.field]!];
  return fields.some((field) => containsRun(termsOf(story[field]), phrase.terms));
}

/** The terms of a text in order, stop words included. */
function termsOf(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, (token) => {
    const found = cachedTermOf(token);
    if (found) terms.push(found.term);
  });
  return terms;
}

function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= terms.length; i++) {
    for (let j = 0; j < run.length; j++) if (terms[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

