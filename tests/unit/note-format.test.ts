import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseNote, salvageNoteText, serializeNote } from '../../electron/core/notes/note-format';
import type { Note } from '../../electron/core/types';

// The example of FORMATS.md §2, byte for byte.
const EXAMPLE = `---
id: 3f1c0a9be2d47a15
question: "What implications will this deployment have for regional stability in Eastern Europe and beyond?"
source: "000_f4e10373848a0985.txt"
created: 2026-11-24T21:44:56.000Z
updated: 2026-11-24T21:52:10.000Z
---
My answer, in Markdown.
`;

const NOTE: Note = {
  id: '3f1c0a9be2d47a15',
  question: 'What implications will this deployment have for regional stability in Eastern Europe and beyond?',
  source: '000_f4e10373848a0985.txt',
  created: '2026-11-24T21:44:56.000Z',
  updated: '2026-11-24T21:52:10.000Z',
  text: 'My answer, in Markdown.\n',
};

const FILE = '/data/notes/3f1c0a9be2d47a15.md';

function parsed(content: string, file = FILE) {
  const result = parseNote(content, file);
  if (!result.ok) throw new Error(`expected a note, got: ${result.reason}`);
  return result;
}

function reason(content: string, file = FILE): string {
  const result = parseNote(content, file);
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
}

describe('serializeNote', () => {
  it('writes exactly the layout of FORMATS.md', () => {
    expect(serializeNote(NOTE)).toBe(EXAMPLE);
  });

  it('writes extra front-matter keys after updated', () => {
    expect(serializeNote({ ...NOTE, text: '' }, { tags: ['a', 'b'], id: 'ignored' })).toBe(
      EXAMPLE.replace('---\nMy answer, in Markdown.\n', 'tags:\n  - a\n  - b\n---\n'),
    );
  });

  it('quotes rather than breaks the file when given a bad id or time', () => {
    const text = serializeNote({ ...NOTE, id: 'x: y', created: 'soon\n---' });
    expect(text).toContain('id: "x: y"\n');
    expect(text).toContain('created: "soon\\n---"\n');
  });
});

describe('parseNote', () => {
  it('reads the FORMATS.md example', () => {
    expect(parsed(EXAMPLE)).toEqual({ ok: true, note: NOTE, extra: {} });
  });

  const tricky = [
    'Why "this" and not \'that\'?',
    'A back\\slash, a \\n that is not a newline, and C:\\path?',
    'key: value? # not a comment',
    'Line one\nline two\n---\nafter dashes?',
    '---',
    '...',
    'Crème brûlée, Ёлка, 中文, 😀 — ok?',
    'tab\there, cr\rthere, nul-free',
    'control \u0001 \u007f \u0085 \u2028 \u2029 \ufeff chars',
    'lone surrogate \ud800 here',
    '',
    '   leading and trailing spaces   ',
    '- a list?',
    '[flow, seq]',
    '{flow: map}',
    'true',
    '0123',
    '~',
    '&anchor *alias !tag %directive @at `tick`',
    '<script>alert(1)</script>',
  ];

  it.each(tricky)('round-trips the question %j', (question) => {
    const note = { ...NOTE, question, source: question };
    expect(parsed(serializeNote(note)).note).toEqual(note);
  });

  it('keeps every question on one line of the front matter, readable by any YAML parser', () => {
    for (const question of tricky) {
      const text = serializeNote({ ...NOTE, question });
      const frontMatter = text.split('\n---\n')[0]!.slice(4);
      expect(frontMatter.split('\n')).toHaveLength(5);
      expect(parseYaml(frontMatter).question).toBe(question);
    }
  });

  it('round-trips random strings', () => {
    const alphabet = [...'ab :#"\'\\\n\r\t-{}[]>|*&!%@`,?'] as string[];
    alphabet.push('é', '中', '😀', '\u0000', '\u0085', '\u2028', '\ufeff', '\ud800', '\udc00');
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 20);
      const question = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const note = { ...NOTE, question };
      expect(parsed(serializeNote(note)).note.question).toBe(question);
    }
  });

  it.each([
    ['empty', ''],
    ['starting with a newline', '\nindented start'],
    ['with dashes lines', 'a\n---\nb\n---\n'],
    ['without a final newline', 'no newline'],
    ['with front matter of its own', '---\nid: 0000000000000000\n---\n'],
  ])('round-trips a text %s', (_label, text) => {
    const note = { ...NOTE, text };
    expect(parsed(serializeNote(note)).note).toEqual(note);
  });

  it('reads a file ending right after the closing line', () => {
    expect(parsed(EXAMPLE.replace(/---\nMy answer, in Markdown.\n$/, '---')).note.text).toBe('');
  });

  it('accepts a BOM, CRLF line endings and blank lines before the front matter', () => {
    const windows = `\uFEFF\r\n${EXAMPLE.replace(/\n/g, '\r\n')}`;
    expect(parsed(windows).note).toEqual(NOTE);
  });

  it('keeps unknown keys and round-trips them', () => {
    const withExtra = EXAMPLE.replace('updated:', 'tags: [war, europe]\nmood: 3\nupdated:');
    const result = parsed(withExtra);
    expect(result.note).toEqual(NOTE);
    expect(result.extra).toEqual({ tags: ['war', 'europe'], mood: '3' });
    expect(parsed(serializeNote(result.note, result.extra)).extra).toEqual(result.extra);
  });

  it('reads an all-digit id as text', () => {
    const result = parsed(EXAMPLE.replace('3f1c0a9be2d47a15', '1234567890123456'), '/n/1234567890123456.md');
    expect(result.note.id).toBe('1234567890123456');
  });

  it('fills a missing question and source with empty text', () => {
    const bare = '---\nid: 3f1c0a9be2d47a15\ncreated: 2026-11-24T21:44:56.000Z\n---\nHi';
    expect(parsed(bare).note).toMatchObject({ question: '', source: '', text: 'Hi' });
  });

  it('normalises times and falls back when they are missing or invalid', () => {
    const base = '---\nid: 3f1c0a9be2d47a15\n';
    expect(parsed(`${base}created: 2026-11-24T23:44:56+02:00\n---\n`).note).toMatchObject({
      created: '2026-11-24T21:44:56.000Z',
      updated: '2026-11-24T21:44:56.000Z',
    });
    expect(parsed(`${base}created: tomorrow\nupdated: 2026-11-25\n---\n`).note).toMatchObject({
      created: '2026-11-25T00:00:00.000Z',
      updated: '2026-11-25T00:00:00.000Z',
    });
    expect(parsed(`${base}---\n`).note).toMatchObject({
      created: '1970-01-01T00:00:00.000Z',
      updated: '1970-01-01T00:00:00.000Z',
    });
    const withFallback = parseNote(`${base}---\n`, FILE, { fallbackTime: '2027-01-01T00:00:00.000Z' });
    expect(withFallback.ok && withFallback.note.updated).toBe('2027-01-01T00:00:00.000Z');
  });

  it('explains why a file is not a note', () => {
    expect(reason('Just some Markdown.\n')).toBe(
      'The file does not start with front matter (a line of three dashes, ---).',
    );
    expect(reason('')).toBe('The file does not start with front matter (a line of three dashes, ---).');
    expect(reason('---\nid: 3f1c0a9be2d47a15\nno end')).toBe(
      'The front matter is not closed by a line of three dashes (---).',
    );
    expect(reason('---\nid: [3f1c\n---\n')).toMatch(/^The front matter is not valid YAML: /);
    expect(reason('---\nid: 3f1c0a9be2d47a15\nid: 3f1c0a9be2d47a15\n---\n')).toBe(
      'The front matter is not valid YAML: Map keys must be unique at line 2, column 1:',
    );
    expect(reason('---\n- a list\n---\n')).toBe('The front matter is not a list of "key: value" lines.');
    expect(reason('---\n---\ntext')).toBe('The front matter is not a list of "key: value" lines.');
    expect(reason('---\nquestion: "q"\n---\n')).toBe('The front matter has no id.');
    expect(reason('---\nid: 3F1C0A9BE2D47A15\n---\n')).toBe(
      'The id "3F1C0A9BE2D47A15" is not a story id (16 lowercase hex digits).',
    );
    expect(reason('---\nid: [a]\n---\n')).toBe('The id ["a"] is not a story id (16 lowercase hex digits).');
    expect(reason(EXAMPLE, '/data/notes/aaaaaaaaaaaaaaaa.md')).toBe(
      'The id 3f1c0a9be2d47a15 does not match the file name aaaaaaaaaaaaaaaa.md.',
    );
    expect(reason(EXAMPLE.replace(/question: .*/, 'question: [a, b]'))).toBe(
      'The question in the front matter is not text.',
    );
    expect(reason(`${EXAMPLE}\0\0`)).toBe('The file contains NUL bytes; it looks like a binary file, not a note.');
  });
});

describe('salvageNoteText', () => {
  it.each([
    ['a readable note: its text', '---\nid: 3f1c0a9be2d47a15\n---\nmy text', 'my text'],
    ['bad YAML: the body after the front matter', '---\nid: [\n---\nmy text\n---\nafter a rule', 'my text\n---\nafter a rule'],
    ['an unclosed front matter: what follows its key lines', '---\nid: x\nquestion: "q"\n  more: y\nmy text', 'my text'],
    ['no front matter: everything', '\uFEFFmy text\r\nline two', 'my text\nline two'],
    ['NUL bytes: the text without them', '---\nid: 3f1c0a9be2d47a15\n---\nmy\0 text', 'my text'],
    ['an empty file: nothing', '', ''],
  ])('%s', (_, content, expected) => {
    expect(salvageNoteText(content)).toBe(expected);
  });
});
