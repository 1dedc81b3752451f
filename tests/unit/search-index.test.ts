import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { highlightRanges, highlightStory } from '../../electron/core/search/highlight';
import { loadLibrary } from '../../electron/core/library/load-library';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';

const SAMPLE = path.resolve(__dirname, '../../resources/sample');

const stories = [
  { id: 'a', summary: 'Troops were deployed to the Kursk region.', reflection: 'Alliances shift.', question: 'Will the ceasefire hold?' },
  { id: 'b', summary: 'Markets rallied as interest rates fell.', reflection: 'Investors hope.', question: 'Why do rates matter for troops?' },
  { id: 'c', summary: 'Internet outages hit the region.', reflection: 'Networks are fragile.', question: 'Who is responsible?' },
];

describe('PlainLunrIndex', () => {
  const index = PlainLunrIndex.build(stories);

  it('ranks stories that match a word, with the terms each field matched', () => {
    const outcome = index.search('troops');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['a', 'b']);
    const b = outcome.hits.find((h) => h.id === 'b');
    expect(b?.terms).toEqual({ question: ['troop'] });
  });

  it('supports +must, -not, field:, prefix* and fuzzy~1', () => {
    const ids = (q: string) => {
      const outcome = index.search(q);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.hits.map((h) => h.id).sort();
    };
    expect(ids('+troops +ceasefire')).toEqual(['a']);
    expect(ids('troops -ceasefire')).toEqual(['b']);
    expect(ids('question:troops')).toEqual(['b']);
    expect(ids('inter*')).toEqual(['b', 'c']);
    expect(ids('regoin~1')).toEqual(['a', 'c']);
  });

  it('reports an unparseable query as a message, not an exception', () => {
    const unknownField = index.search('title:troops');
    expect(unknownField).toEqual({ ok: false, error: 'Ponder: unknown field "title" — search summary:, reflection: or question:.' });
    const dangling = index.search('troops~');
    expect(dangling.ok).toBe(false);
    if (!dangling.ok) expect(dangling.error).toMatch(/^Ponder: cannot search for that: /);
  });

  it('honours the limit but reports the total', () => {
    const outcome = index.search('troops', { limit: 1 });
    expect(outcome).toMatchObject({ ok: true, total: 2 });
    if (outcome.ok) expect(outcome.hits).toHaveLength(1);
  });

  it('survives a round trip through JSON', () => {
    const revived = PlainLunrIndex.load(JSON.parse(JSON.stringify(index.toJSON())));
    expect(revived.size).toBe(3);
    expect(revived.search('markets')).toEqual(index.search('markets'));
  });

  it('finds the sample stories by word, and highlights them where they matched', async () => {
    const library = await loadLibrary(SAMPLE);
    const sampleIndex = PlainLunrIndex.build(library.stories);
    const outcome = sampleIndex.search('Kursk');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.hits.length).toBeGreaterThan(0);
    const expected = library.stories.filter((s) => /kursk/i.test(s.summary + s.reflection + s.question));
    expect(new Set(outcome.hits.map((h) => h.id))).toEqual(new Set(expected.map((s) => s.id)));
    for (const hit of outcome.hits) {
      const story = library.stories.find((s) => s.id === hit.id)!;
      const marks = highlightStory(story, hit);
      const marked = [...(marks.summary ?? [])].map(([from, to]) => story.summary.slice(from, to));
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked) expect(word.toLowerCase()).toBe('kursk');
    }
  });
});

describe('highlightRanges', () => {
  it('marks every form of a stemmed term, without surrounding punctuation', () => {
    const text = 'Deployment: troops deployed; "deploying" troop-carriers.';
    const ranges = highlightRanges(text, ['deploy', 'troop']);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Deployment', 'troops', 'deployed', 'deploying', 'troop']);
  });

  it('keeps offsets right after non-ASCII text and possessives', () => {
    const text = 'Zelenskyy’s aide met Kim Jong Un in Pyongyang; Россия watched Russia’s troops.';
    const ranges = highlightRanges(text, ['troop', 'pyongyang']);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Pyongyang', 'troops']);
  });

  it('marks what the index matched, with the index’s own tokens, after text that lower-cases longer', async () => {
    const story = {
      id: 'a',
      summary: 'İstanbul ferries ran late; the “Ferry” crews—and FERRY-boats—waited. The thes…',
      reflection: '',
      question: 'Will ferry fares rise?',
    };
    const engine = new InProcessEngine();
    await engine.build([story]);
    const outcome = await engine.search('ferry +the');
    await engine.dispose();
    if (!outcome.ok) throw new Error(outcome.error);
    const { summary, question } = highlightStory({ ...story, title: '' }, outcome.hits[0]!);
    // "crews—and" and "boats—waited" are single tokens (only spaces and hyphens split);
    // "the" is a stop word, indexed in questions only, so never marked in the summary; "thes" was indexed as "the".
    expect(summary!.map(([a, b]) => story.summary.slice(a, b))).toEqual(['ferries', 'Ferry', 'FERRY', 'thes']);
    expect(question!.map(([a, b]) => story.question.slice(a, b))).toEqual(['ferry']);
  });

  it('returns nothing when there are no terms or no text', () => {
    expect(highlightRanges('some text', [])).toEqual([]);
    expect(highlightRanges('', ['text'])).toEqual([]);
  });
});
