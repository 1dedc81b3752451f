import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../electron/core/library/parse';
import { headline, textSnippet } from '../../electron/core/library/headline';

const SAMPLE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));

const titleOf = (summary: string, max?: number): string => headline(summary, { title: max }).title;

describe('headline: title', () => {
  test('is the first sentence, without its full stop', () => {
    expect(titleOf('Prices rose. Markets fell.')).toBe('Prices rose');
    expect(titleOf('Is this the end? Nobody knows.')).toBe('Is this the end?');
    expect(titleOf('Prices rose sharply! Then fell.')).toBe('Prices rose sharply!');
    expect(titleOf('No punctuation at all')).toBe('No punctuation at all');
  });

  test('does not break after abbreviations, initials or decimals', () => {
    expect(titleOf('The U.S. military said Dr. Jane Smith met J. K. Rowling. Then they left.')).toBe(
      'The U.S. military said Dr. Jane Smith met J. K. Rowling',
    );
    expect(titleOf('Growth was 3.5 percent in Gen. Motors towns. Economists were surprised.')).toBe(
      'Growth was 3.5 percent in Gen. Motors towns',
    );
    expect(titleOf('Mr. Smith went to Washington. He stayed.')).toBe('Mr. Smith went to Washington');
    // "U.S." at the very end keeps its dot.
    expect(titleOf('Talks with the U.S.')).toBe('Talks with the U.S.');
  });

  test('keeps closing quotes with the sentence', () => {
    expect(titleOf('He said "it is over." Then he left.')).toBe('He said "it is over."');
  });

  test('a lower-case word after a dot does not start a sentence', () => {
    expect(titleOf('Troops moved approx. five km north. Then stopped.')).toBe('Troops moved approx. five km north');
  });

  test('CJK full stops end a sentence without a space', () => {
    expect(titleOf('東京で新しい地下鉄路線が開業した。通勤時間が短縮される。')).toBe('東京で新しい地下鉄路線が開業した。');
  });

  test('a long first sentence is cut at a word boundary and ends with "…"', () => {
    const summary =
      'A very long first sentence that keeps going and going with many words about many things happening in many places all around the world today.';
    const title = titleOf(summary);
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title.endsWith('…')).toBe(true);
    expect(summary.startsWith(title.slice(0, -1))).toBe(true);
    expect(summary[title.length - 1]).toBe(' '); // The cut fell on a space.
    expect(titleOf(summary, 40)).toBe('A very long first sentence that keeps…');
  });

  test('a cut never leaves a trailing comma or half a surrogate pair', () => {
    expect(titleOf('Alpha beta, gamma delta epsilon.', 13)).toBe('Alpha beta…');
    const emoji = '😀'.repeat(60);
    const title = titleOf(emoji, 21);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  test('collapses whitespace', () => {
    expect(titleOf('  Prices\trose   again.  Then fell.')).toBe('Prices rose again');
  });

  test('every sample story gets a title of at most 90 characters that starts its summary, and a snippet', async () => {
    const { stories } = parseDigest(await readFile(SAMPLE, 'utf8'), 'sample');
    for (const story of stories) {
      const title = titleOf(story.summary);
      expect(title.length).toBeGreaterThan(10);
      expect(title.length).toBeLessThanOrEqual(90);
      expect(story.summary.startsWith(title.replace(/…$/, ''))).toBe(true);
    }
    expect(headline(stories[0]!.summary)).toEqual({
      title: "North Korea has deployed additional troops to Russia, with reports citing Seoul's spy…",
      snippet:
        'The deployment is part of an ongoing support for Russian forces fighting Ukrainian troops who crossed into western Russia. The move comes as Ukraine and…',
    });
    expect(titleOf(stories[5]!.summary)).toBe(
      'Turkey, with its second largest army in NATO after the United States, could contribute to…',
    );
  });
});

describe('headline: snippet', () => {
  test('is the text after the first sentence', () => {
    const summary = 'Prices rose. Markets fell on Monday. Analysts were surprised.';
    expect(headline(summary)).toEqual({ title: 'Prices rose', snippet: 'Markets fell on Monday. Analysts were surprised.' });
  });

  test('is shortened like the title', () => {
    const summary = `First. ${'Word '.repeat(60).trim()}.`;
    const { snippet } = headline(summary);
    expect(snippet.length).toBeLessThanOrEqual(160);
    expect(snippet.endsWith('…')).toBe(true);
    expect(headline(summary, { snippet: 20 }).snippet).toBe('Word Word Word Word…');
  });

  test('for a one-sentence summary cut in the title, continues where the title stopped', () => {
    const summary =
      'A very long first sentence that keeps going and going with many words about many things happening in many places all around the world today.';
    expect(headline(summary, { title: 40 })).toEqual({
      title: 'A very long first sentence that keeps…',
      snippet: '…going and going with many words about many things happening in many places all around the world today.',
    });
  });

  test('is empty when the title holds the whole summary', () => {
    expect(headline('Prices rose sharply!')).toEqual({ title: 'Prices rose sharply!', snippet: '' });
    expect(headline('Talks with the U.S.')).toEqual({ title: 'Talks with the U.S.', snippet: '' });
  });
});

describe('textSnippet (an orphaned note\'s row)', () => {
  test('is the text with its whitespace collapsed, whole when short', () => {
    expect(textSnippet('  First line\n\n- a point\t here  ')).toBe('First line - a point here');
    expect(textSnippet('')).toBe('');
  });

  test('is cut at a word boundary with "…" like a story\'s snippet', () => {
    const text = 'Word '.repeat(60);
    expect(textSnippet(text)).toBe(headline(`First. ${text}`).snippet);
    expect(textSnippet(text, 20)).toBe('Word Word Word Word…');
  });
});
