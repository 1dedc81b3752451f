import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isQuestion, parseDigest } from '../../electron/core/library/parse';

const SAMPLE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));

/** Story n as three distinct lines; questions end with "?". */
const S = (n: number): string => `Summary ${n} about Lisbon. It has two sentences.`;
const R = (n: number): string => `Reflection ${n} on what it shows.`;
const Q = (n: number): string => `Question ${n} for the reader?`;
const story = (n: number): string[] => [S(n), R(n), Q(n)];
const loaded = (text: string): string[] => parseDigest(text, 'f.txt').stories.map((s) => s.summary);

describe('parseDigest: the sample', () => {
  test('reads the sample digest as exactly 26 stories and no diagnostics', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const { stories, diagnostics } = parseDigest(text, '000_f4e10373848a0985.txt');
    expect(diagnostics).toEqual([]);
    expect(stories).toHaveLength(26);
    expect(stories.map((s) => s.line)).toEqual(Array.from({ length: 26 }, (_, i) => 3 * i + 1));
    expect(stories[0]!.summary).toMatch(/^North Korea has deployed additional troops to Russia/);
    expect(stories[0]!.question).toMatch(/^What implications will this deployment have .*\?$/);
    expect(stories[25]!.question).toMatch(/South Korea\?$/);
  });

  test('reads the same stories whatever the line endings, BOM and trailing spaces', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const expected = parseDigest(text, 'x').stories;
    const lines = text.split('\n');
    for (const variant of [
      lines.join('\r\n'),
      lines.join('\r'),
      `\uFEFF${lines.join('\r\n')}\r\n`,
      lines.map((l) => `  ${l} \t`).join('\n'),
    ]) {
      expect(parseDigest(variant, 'x')).toEqual({ stories: expected, diagnostics: [] });
    }
  });
});

describe('parseDigest: blocks and line numbers', () => {
  test('blank and whitespace-only lines split blocks; lines are 1-based in the file', () => {
    const text = ['', ...story(1), '', '  \t', ...story(2), '', '', ...story(3), ''].join('\n');
    const { stories, diagnostics } = parseDigest(text, 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(stories.map((s) => [s.line, s.summary])).toEqual([
      [2, S(1)],
      [7, S(2)],
      [12, S(3)],
    ]);
  });

  test('trims every line', () => {
    const { stories } = parseDigest(`  ${S(1)}  \n\t${R(1)}\t\n ${Q(1)} `, 'f.txt');
    expect(stories).toEqual([{ summary: S(1), reflection: R(1), question: Q(1), line: 1 }]);
  });

  test('an empty file is reported, at line 0', () => {
    expect(parseDigest('', 'e.txt')).toEqual({
      stories: [],
      diagnostics: [{ file: 'e.txt', line: 0, reason: 'This file is empty; there are no stories to read.' }],
    });
  });

  test('a file of blank lines is reported too', () => {
    const { stories, diagnostics } = parseDigest('\n  \r\n\t\n', 'b.txt');
    expect(stories).toEqual([]);
    expect(diagnostics).toEqual([{ file: 'b.txt', line: 0, reason: 'This file has only blank lines; there are no stories to read.' }]);
  });

  test('a lone BOM in the text is ignored', () => {
    expect(loaded(`\uFEFF${story(1).join('\n')}`)).toEqual([S(1)]);
  });
});

describe('parseDigest: re-synchronising on the question line', () => {
  test('a story missing its reflection mid-file is skipped and reported; the stories after it load', () => {
    // S R Q / S Q / S R Q — the brief's example.
    const text = [...story(1), S(2), Q(2), ...story(3)].join('\n');
    const { stories, diagnostics } = parseDigest(text, 'f.txt');
    expect(stories.map((s) => s.summary)).toEqual([S(1), S(3)]);
    expect(stories[1]).toEqual({ summary: S(3), reflection: R(3), question: Q(3), line: 6 });
    expect(diagnostics).toEqual([
      {
        file: 'f.txt',
        line: 4,
        reason:
          'The story at line 4 has 2 lines instead of 3 (summary, reflection, question), so it was skipped. ' +
          'Add the missing line or remove the extra one.',
      },
    ]);
  });

  test('losing any one line of a 10-story file loses only that story', () => {
    const lines = Array.from({ length: 10 }, (_, i) => story(i + 1)).flat();
    for (let lost = 0; lost < lines.length; lost++) {
      const text = lines.filter((_, i) => i !== lost).join('\n');
      const { stories, diagnostics } = parseDigest(text, 'f.txt');
      const broken = Math.floor(lost / 3) + 1;
      const intact = Array.from({ length: 10 }, (_, i) => i + 1).filter((n) => n !== broken);
      expect(stories.map((s) => s.summary), `line ${lost + 1} lost`).toEqual(intact.map(S));
      expect(stories.every((s) => s.reflection === R(Number(s.summary.split(' ')[1])))).toBe(true);
      expect(diagnostics, `line ${lost + 1} lost`).toHaveLength(1);
    }
  });

  test('an extra line anywhere in a 10-story file costs at most the story it lands in', () => {
    const lines = Array.from({ length: 10 }, (_, i) => story(i + 1)).flat();
    for (let at = 0; at <= lines.length; at++) {
      const text = [...lines.slice(0, at), 'A stray line.', ...lines.slice(at)].join('\n');
      const { stories, diagnostics } = parseDigest(text, 'f.txt');
      const intact = stories.filter((s) => s.summary.startsWith('Summary') && s.reflection === R(Number(s.summary.split(' ')[1])));
      expect(intact.length, `extra line at ${at + 1}`).toBeGreaterThanOrEqual(9);
      expect(diagnostics.length, `extra line at ${at + 1}`).toBeGreaterThanOrEqual(1);
    }
  });

  test('an extra heading line before the stories is reported and the stories load', () => {
    const { stories, diagnostics } = parseDigest(['Digest of 5 March', ...story(1), ...story(2)].join('\n'), 'f.txt');
    expect(stories.map((s) => [s.line, s.summary])).toEqual([
      [2, S(1)],
      [5, S(2)],
    ]);
    expect(diagnostics).toEqual([
      {
        file: 'f.txt',
        line: 1,
        reason:
          'Line 1 is not part of a complete story (summary, reflection, question), so it was skipped. ' +
          'A line may be missing, or a summary may be split over two lines.',
      },
    ]);
  });

  test('a missing question line: the two orphan lines are reported, the next story loads', () => {
    const { stories, diagnostics } = parseDigest([...story(1), S(2), R(2), ...story(3)].join('\n'), 'f.txt');
    expect(stories.map((s) => s.summary)).toEqual([S(1), S(3)]);
    expect(diagnostics.map((d) => d.line)).toEqual([4]);
    expect(diagnostics[0]!.reason).toMatch(/^Lines 4–5 are not part of a complete story/);
  });

  test('a reflection that ends with "?" does not break the story', () => {
    const { stories, diagnostics } = parseDigest([S(1), 'What does it show?', Q(1), ...story(2)].join('\n'), 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(stories.map((s) => s.reflection)).toEqual(['What does it show?', R(2)]);
  });

  test('questions without "?" are still read three lines at a time', () => {
    const text = [S(1), R(1), 'Question 1 without a mark', S(2), R(2), 'Question 2 without a mark'].join('\n');
    const { stories, diagnostics } = parseDigest(text, 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(stories.map((s) => s.question)).toEqual(['Question 1 without a mark', 'Question 2 without a mark']);
  });

  test('a leftover of one or two lines at the end of a block is reported; the next block loads', () => {
    const text = [...story(1), S(2), R(2), '', ...story(3), S(4)].join('\n');
    const { stories, diagnostics } = parseDigest(text, 'f.txt');
    expect(stories.map((s) => s.summary)).toEqual([S(1), S(3)]);
    expect(diagnostics).toEqual([
      {
        file: 'f.txt',
        line: 4,
        reason: 'Lines 4–5 are left over at the end of a block: a story needs 3 lines (summary, reflection, question), so they were skipped.',
      },
      {
        file: 'f.txt',
        line: 10,
        reason: 'Line 10 is left over at the end of a block: a story needs 3 lines (summary, reflection, question), so it was skipped.',
      },
    ]);
  });

  test('a block of a single question line is a broken story', () => {
    const { stories, diagnostics } = parseDigest([...story(1), '', Q(2)].join('\n'), 'f.txt');
    expect(stories).toHaveLength(1);
    expect(diagnostics[0]!.reason).toMatch(/^The story at line 5 has 1 line instead of 3/);
  });
});

describe('parseDigest: content', () => {
  test('a very long line is kept whole', () => {
    const long = `${'word '.repeat(30_000)}end.`;
    const { stories, diagnostics } = parseDigest([long, R(1), Q(1)].join('\n'), 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(stories[0]!.summary).toBe(long.trim());
    expect(stories[0]!.summary.length).toBeGreaterThan(150_000);
  });

  test('text that looks like HTML or script is kept verbatim, as text', () => {
    const summary = 'A flaw: <script>alert("x")</script> &amp; <b>bold</b> <img src=x onerror="alert(1)">.';
    const { stories } = parseDigest([summary, R(1), 'Is <i>this</i> safe?'].join('\n'), 'f.txt');
    expect(stories[0]!.summary).toBe(summary);
    expect(stories[0]!.question).toBe('Is <i>this</i> safe?');
  });

  test('accented, Cyrillic and CJK text', () => {
    const text = ['Москва объявила о новых ограничениях.', 'Ограничения бьют по всем.', 'Кто платит?', '東京で新線が開業した。', '投資は効果をもたらす。', '住宅価格はどうなるだろうか？'].join('\n');
    const { stories, diagnostics } = parseDigest(text, 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(stories.map((s) => s.question)).toEqual(['Кто платит?', '住宅価格はどうなるだろうか？']);
  });
});

describe('isQuestion', () => {
  test.each([
    ['Will it last?', true],
    ['Is it a "breach of sovereignty?"', true],
    ['Was it (really?)', true],
    ['¿Qué pasará?', true],
    ['どうなるだろうか？', true],
    ['Is it «fair?»', true],
    ['It is not a question.', false],
    ['What? No.', false],
  ])('%s → %s', (line, expected) => {
    expect(isQuestion(line)).toBe(expected);
  });
});
