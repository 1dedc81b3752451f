// The passage a search hit's row shows: around the first match its title does not show, in
// the summary past the title, else the reflection, else the question — matched through the
// index's own tokenizer and pipeline (highlight.ts), so stems and folded accents count.

import { describe, expect, it } from 'vitest';
import { headline } from '../../electron/core/library/headline';
import { matchPassage } from '../../electron/core/search/match-passage';
import { TermPipeline } from '../../electron/core/search/tokens';

const pipeline = new TermPipeline();
/** The index terms of `words`, as a hit's matched terms are. */
const terms = (...words: string[]) => words.map((word) => pipeline.termOf(word.toLowerCase())!.term);
const marked = (passage: { text: string; ranges: [number, number][] } | null) => passage?.ranges.map(([from, to]) => passage.text.slice(from, to));

const story = {
  summary:
    'Drone strikes hit the port overnight. Officials said the damage was limited, but shipping insurers raised their rates for every vessel that docks there, citing the long and uncertain war at sea, and several companies cancelled sailings to the harbour of Odesa for the rest of the month.',
  reflection: 'Insurance quietly prices the risk that headlines only describe.',
  question: 'How would you weigh the cost of staying open against the risk?',
};
const title = headline(story.summary).title;

describe('matchPassage', () => {
  it('shows a summary match far past the title and the snippet, cut at words with "…"', () => {
    const passage = matchPassage(story, title, { terms: { summary: terms('Odesa') } });
    expect(passage?.field).toBe('summary');
    expect(marked(passage)).toEqual(['Odesa']);
    expect(passage!.text.startsWith('…')).toBe(true);
    expect(passage!.text.endsWith('…')).toBe(false);
    expect(passage!.text.length).toBeLessThanOrEqual(160);
    // The match stays near the start, on the row's first line.
    expect(passage!.ranges[0]![0]).toBeLessThan(40);
    expect(story.summary).toContain(passage!.text.slice(1));
  });

  it('names the reflection or the question when the match is there, with stems and stop words as indexed', () => {
    const reflection = matchPassage(story, title, { terms: { reflection: terms('prices') } });
    expect(reflection).toEqual({ field: 'reflection', text: story.reflection, ranges: [[18, 24]] });
    const question = matchPassage(story, title, { terms: { question: terms('how', 'weighing') } });
    expect(question?.field).toBe('question');
    expect(marked(question)).toEqual(['How', 'weigh']);
  });

  it('is null when the title shows every match, and prefers a later summary match to the other fields', () => {
    expect(matchPassage(story, title, { terms: { summary: terms('drone') } })).toBeNull();
    const both = matchPassage(story, title, { terms: { summary: terms('drone', 'insurers'), question: terms('cost') } });
    expect(both?.field).toBe('summary');
    expect(marked(both)).toEqual(['insurers']);
  });

  it('cuts long text at the end too, and keeps only the ranges inside the passage', () => {
    const long = { ...story, reflection: `${'word '.repeat(10)}target ${'filler '.repeat(60)}target end` };
    const passage = matchPassage(long, title, { terms: { reflection: terms('target') } }, { max: 80 });
    expect(passage!.text.length).toBeLessThanOrEqual(80);
    expect(passage!.text.endsWith('…')).toBe(true);
    expect(marked(passage)).toEqual(['target']);
  });
});
