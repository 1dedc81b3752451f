import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../electron/core/library/parse';
import { storySnippet, storyTitle } from '../../electron/core/library/titles';

const SAMPLE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));

describe('storyTitle', () => {
  test('is the first sentence, without its full stop', () => {
    expect(storyTitle('Prices rose. Markets fell.')).toBe('Prices rose');
    expect(storyTitle('Is this the end? Nobody knows.')).toBe('Is this the end?');
    expect(storyTitle('Prices rose sharply! Then fell.')).toBe('Prices rose sharply!');
    expect(storyTitle('No punctuation at all')).toBe('No punctuation at all');
  });

  test('does not break after abbreviations, initials or decimals', () => {
    expect(storyTitle('The U.S. military said Dr. Jane Smith met J. K. Rowling. Then they left.')).toBe(
      'The U.S. military said Dr. Jane Smith met J. K. Rowling',
    );
    expect(storyTitle('Growth was 3.5 percent in Gen. Motors towns. Economists were surprised.')).toBe(
      'Growth was 3.5 percent in Gen. Motors towns',
    );
    expect(storyTitle('Mr. Smith went to Washington. He stayed.')).toBe('Mr. Smith went to Washington');
    // "U.S." at the very end keeps its dot.
    expect(storyTitle('Talks with the U.S.')).toBe('Talks with the U.S.');
  });

  test('keeps closing quotes with the sentence', () => {
    expect(storyTitle('He said "it is over." Then he left.')).toBe('He said "it is over."');
  });

  test('a lower-case word after a dot does not start a sentence', () => {
    expect(storyTitle('Troops moved approx. five km north. Then stopped.')).toBe('Troops moved approx. five km north');
  });

  test('CJK full stops end a sentence without a space', () => {
    expect(storyTitle('東京で新しい地下鉄路線が開業した。通勤時間が短縮される。')).toBe('東京で新しい地下鉄路線が開業した。');
  });

  test('a long first sentence is cut at a word boundary and ends with "…"', () => {
    const summary =
      'A very long first sentence that keeps going and going with many words about many things happening in many places all around the world today.';
    const title = storyTitle(summary);
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title.endsWith('…')).toBe(true);
    expect(summary.startsWith(title.slice(0, -1))).toBe(true);
    expect(summary[title.length - 1]).toBe(' '); // The cut fell on a space.
    expect(storyTitle(summary, 40)).toBe('A very long first sentence that keeps…');
  });

  test('a cut never leaves a trailing comma or half a surrogate pair', () => {
    expect(storyTitle('Alpha beta, gamma delta epsilon.', 13)).toBe('Alpha beta…');
    const emoji = '😀'.repeat(60);
    const title = storyTitle(emoji, 21);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  test('collapses whitespace', () => {
    expect(storyTitle('  Prices\trose   again.  Then fell.')).toBe('Prices rose again');
  });

  test('every sample story gets a title of at most 90 characters that starts its summary', async () => {
    const { stories } = parseDigest(await readFile(SAMPLE, 'utf8'), 'sample');
    for (const story of stories) {
      const title = storyTitle(story.summary);
      expect(title.length).toBeGreaterThan(10);
      expect(title.length).toBeLessThanOrEqual(90);
      expect(story.summary.startsWith(title.replace(/…$/, ''))).toBe(true);
    }
    expect(storyTitle(stories[0]!.summary)).toBe(
      "North Korea has deployed additional troops to Russia, with reports citing Seoul's spy…",
    );
    expect(storyTitle(stories[5]!.summary)).toBe(
      'Turkey, with its second largest army in NATO after the United States, could contribute to…',
    );
  });
});

describe('storySnippet', () => {
  test('is the text after the first sentence', () => {
    const summary = 'Prices rose. Markets fell on Monday. Analysts were surprised.';
    expect(storySnippet(summary, storyTitle(summary))).toBe('Markets fell on Monday. Analysts were surprised.');
  });

  test('is shortened like the title', () => {
    const summary = `First. ${'Word '.repeat(60).trim()}.`;
    const snippet = storySnippet(summary, storyTitle(summary));
    expect(snippet.length).toBeLessThanOrEqual(160);
    expect(snippet.endsWith('…')).toBe(true);
    expect(storySnippet(summary, storyTitle(summary), 20)).toBe('Word Word Word Word…');
  });

  test('for a one-sentence summary cut in the title, continues where the title stopped', () => {
    const summary =
      'A very long first sentence that keeps going and going with many words about many things happening in many places all around the world today.';
    const title = storyTitle(summary, 40);
    expect(storySnippet(summary, title)).toBe('…going and going with many words about many things happening in many places all around the world today.');
  });

  test('is empty when the title holds the whole summary', () => {
    expect(storySnippet('Prices rose sharply!', storyTitle('Prices rose sharply!'))).toBe('');
    expect(storySnippet('Talks with the U.S.', storyTitle('Talks with the U.S.'))).toBe('');
  });
});
