import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isStoryId, storyId } from '../../electron/core/ids';
import { parseDigest } from '../../electron/core/library/parse';

const SAMPLE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));
const sha16 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

describe('storyId', () => {
  test('is the first 16 hex digits of SHA-256 over summary + "\\n" + question', () => {
    expect(storyId('A summary.', 'A question?')).toBe(sha16('A summary.\nA question?'));
    expect(storyId('A summary.', 'A question?')).toMatch(/^[0-9a-f]{16}$/);
  });

  test('collapses whitespace runs (tabs, no-break spaces, newlines) and trims', () => {
    const id = storyId('Kim Jong Un met Putin.', 'What next?');
    expect(storyId('  Kim  Jong\tUn\u00a0met\nPutin. ', ' What   next?\t')).toBe(id);
    expect(id).toBe(sha16('Kim Jong Un met Putin.\nWhat next?'));
  });

  test('normalises to NFC: a decomposed accent gives the same id', () => {
    expect(storyId('Cafe\u0301 in Zu\u0308rich.', 'Why?')).toBe(storyId('Café in Zürich.', 'Why?'));
  });

  test('ignores the reflection and tells different stories apart', () => {
    expect(storyId('Same summary.', 'Question one?')).not.toBe(storyId('Same summary.', 'Question two?'));
    expect(storyId('Summary one.', 'Same question?')).not.toBe(storyId('Summary two.', 'Same question?'));
    // Summary and question are separated, so moving text across the boundary changes the id.
    expect(storyId('a b', 'c')).not.toBe(storyId('a', 'b c'));
  });

  test('the sample ids are stable across runs and releases (notes are filed under them)', async () => {
    const { stories } = parseDigest(await readFile(SAMPLE, 'utf8'), 'sample');
    const ids = stories.map((s) => storyId(s.summary, s.question));
    expect(new Set(ids).size).toBe(26);
    expect(ids.slice(0, 3)).toEqual(['43429438a2ff1b51', 'c45314a22d9f901f', 'ca029cd07aeb3599']);
    expect(ids.at(-1)).toBe('8b1dc7cc14ead819');
  });

  test('ids are the same for the LF, CRLF, CR and BOM variants of a file', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const idsOf = (t: string): string[] => parseDigest(t, 'x').stories.map((s) => storyId(s.summary, s.question));
    const expected = idsOf(text);
    const lines = text.split('\n');
    expect(idsOf(lines.join('\r\n'))).toEqual(expected);
    expect(idsOf(lines.join('\r'))).toEqual(expected);
    expect(idsOf(`\uFEFF${lines.join('\r\n')}\r\n`)).toEqual(expected);
    expect(idsOf(lines.map((l) => `\t${l}   `).join('\n'))).toEqual(expected);
  });
});

describe('isStoryId', () => {
  test('accepts what storyId makes, and only 16 lowercase hex digits', () => {
    expect(isStoryId(storyId('A summary.', 'A question?'))).toBe(true);
    expect(isStoryId('3f1c0a9be2d47a15')).toBe(true);
    for (const value of ['3F1C0A9BE2D47A15', '3f1c0a9be2d47a1', '3f1c0a9be2d47a155', '3f1c0a9be2d47a1g', ' 3f1c0a9be2d47a15', '3f1c0a9be2d47a15\n', '', 42, null, undefined]) {
      expect(isStoryId(value), JSON.stringify(value)).toBe(false);
    }
  });
});
