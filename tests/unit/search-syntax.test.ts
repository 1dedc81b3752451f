// The syntax people type, on the bundled sample: stop words that are the
// query, quoted phrases checked on the text, AND / OR / NOT, and punctuation
// typed with a word. Each answer is also that of a plain Lunr index with
// Ponder's pipeline (bench/plain-lunr-index.ts), and what it finds is checked
// against the stories' own text.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { loadLibrary } from '../../electron/core/library/load-library';
import type { SearchOutcome } from '../../electron/core/search/engine';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import { planQuery } from '../../electron/core/search/query-syntax';
import type { Story } from '../../electron/core/types';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');

describe('the syntax people type, on the sample', () => {
  let sample: Story[];
  let engine: InProcessEngine;
  let plain: PlainLunrIndex;

  beforeAll(async () => {
    sample = (await loadLibrary(SAMPLE)).stories;
    engine = new InProcessEngine();
    await engine.build(sample);
    plain = PlainLunrIndex.build(sample);
  });

  afterAll(() => engine.dispose());

  /** The ids the engine finds, after checking that plain Lunr with Ponder's pipeline answers the same. */
  async function ids(query: string): Promise<string[]> {
    const outcome: SearchOutcome = await engine.search(query);
    expect(outcome, query).toEqual(plain.search(query));
    if (!outcome.ok) throw new Error(`${query}: ${outcome.error}`);
    expect(outcome.total, query).toBe(outcome.hits.length);
    return outcome.hits.map((hit) => hit.id);
  }

  const storiesWhere = (test: (story: Story) => boolean): string[] => sample.filter(test).map((story) => story.id).sort();
  const text = (story: Story): string => `${story.summary}\n${story.reflection}\n${story.question}`;

  it('finds the questions with "how", asked alone or in the question field (stop words count when they are the query)', async () => {
    const withHow = storiesWhere((story) => /\bhow\b/i.test(story.question));
    expect(withHow).toHaveLength(9);
    expect((await ids('question:how')).sort()).toEqual(withHow);
    expect((await ids('how')).sort()).toEqual(withHow);
    expect((await ids('+how')).sort()).toEqual(withHow);
    // With other words, a stop word is dropped, as Lunr drops it from the text.
    expect(await ids('how kursk')).toEqual(await ids('kursk'));
    expect(await ids('summary:how')).toEqual([]);
  });

  it('matches a quoted phrase only where its words stand adjacent and in order', async () => {
    const phrase = await ids('"north korea"');
    expect(phrase.sort()).toEqual(storiesWhere((story) => /north korea/i.test(text(story))));
    expect(phrase.length).toBeGreaterThan(0);
    expect(await ids('"korea north"')).toEqual([]);
    // Both words, but not as the phrase: found as words, not as the phrase.
    const words = await ids('+north +korea');
    expect(words.length).toBeGreaterThanOrEqual(phrase.length);
    // Stemmed and folded like any term; "North Korea's" holds the phrase.
    expect((await ids('"North Koreans"')).sort()).toEqual(storiesWhere((story) => /north koreans?\b/i.test(text(story))));
    // In one field only, and left out with "-".
    const inQuestions = await ids('question:"north korea"');
    expect(inQuestions.sort()).toEqual(storiesWhere((story) => /north korea/i.test(story.question)));
    const troops = await ids('troops');
    const withoutPhrase = await ids('troops -"north korea"');
    expect(withoutPhrase).toEqual(troops.filter((id) => !phrase.includes(id)));
    expect(withoutPhrase.length).toBeGreaterThan(0);
    expect(withoutPhrase.length).toBeLessThan(troops.length);
  });

  it('maps AND, OR and NOT (upper case) onto Lunr’s presence operators; lower case they are words', async () => {
    expect(planQuery('troops AND korea').lunr).toBe('+troops +korea');
    expect(planQuery('troops OR korea').lunr).toBe('troops korea');
    expect(planQuery('NOT korea').lunr).toBe('-korea');
    expect(planQuery('troops NOT korea').lunr).toBe('troops -korea');
    expect(planQuery('troops AND NOT korea').lunr).toBe('+troops -korea');
    expect(planQuery('a AND b AND c').lunr).toBe('+a +b +c');
    const both = await ids('troops AND korea');
    expect(both.sort()).toEqual(storiesWhere((story) => /\btroops?\b/i.test(text(story)) && /\bkorea\b/i.test(text(story))));
    expect(both.length).toBeLessThan((await ids('troops korea')).length);
    expect(await ids('troops OR korea')).toEqual(await ids('troops korea'));
    expect(await ids('korea NOT troops')).toEqual(await ids('korea -troops'));
    expect(await ids('NOT korea')).toEqual(await ids('-korea'));
    // "and" and "not" in lower case are stop words like any other: dropped beside other words.
    expect(await ids('troops and korea')).toEqual(await ids('troops korea'));
  });

  it('trims punctuation typed with a word, and finds the placeholder’s example', async () => {
    const zelenskiy = await ids('zelenskiy');
    expect(zelenskiy.length).toBeGreaterThan(0);
    expect(await ids('Zelenskiy?')).toEqual(zelenskiy);
    expect(await ids('"Zelenskiy,"')).toEqual(zelenskiy);
    expect((await ids('kursk troops')).length).toBeGreaterThan(0);
    // Only punctuation: nothing to search for, so nothing is found (not every story).
    expect(await ids('?')).toEqual([]);
    expect(await ids('+—')).toEqual([]);
  });
});
