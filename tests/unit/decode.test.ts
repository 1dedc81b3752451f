import { constants } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decodeDigest } from '../../electron/core/library/decode';

const MESSY = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeDigest', () => {
  test('decodes UTF-8, including non-Latin text', () => {
    expect(decodeDigest(bytes('Café ✓ Москва 東京\n'), 'a.txt')).toEqual({ ok: true, text: 'Café ✓ Москва 東京\n' });
  });

  test('strips a UTF-8 byte-order mark, and only one', () => {
    expect(decodeDigest(bytes([0xef, 0xbb, 0xbf], 'Hello'), 'a.txt')).toEqual({ ok: true, text: 'Hello' });
    expect(decodeDigest(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'Hi'), 'a.txt')).toEqual({ ok: true, text: '\uFEFFHi' });
  });

  test('an empty file is empty text (the parser reports it)', () => {
    expect(decodeDigest(new Uint8Array(), 'a.txt')).toEqual({ ok: true, text: '' });
  });

  test('decodes UTF-16 with a byte-order mark, little and big endian', () => {
    const le = bytes([0xff, 0xfe], [...Buffer.from('Kyiv ✓\r\n', 'utf16le')]);
    const be = bytes([0xfe, 0xff], [...Buffer.from('Kyiv ✓\r\n', 'utf16le').swap16()]);
    expect(decodeDigest(le, 'le.txt')).toEqual({ ok: true, text: 'Kyiv ✓\r\n' });
    expect(decodeDigest(be, 'be.txt')).toEqual({ ok: true, text: 'Kyiv ✓\r\n' });
  });

  test('refuses a file with NUL bytes as binary, at line 0', () => {
    const result = decodeDigest(bytes('PNG', [0, 0, 1]), 'img.txt');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.file).toBe('img.txt');
    expect(result.diagnostic.line).toBe(0);
    expect(result.diagnostic.reason).toContain('looks like a binary file');
  });

  test('refuses text that is not UTF-8, naming the expected encoding and the line', () => {
    const latin1 = Buffer.from('first line\r\nsecond\r\ncaf\u00e9 au lait\n', 'latin1');
    const result = decodeDigest(latin1, 'old.txt');
    expect(result).toEqual({
      ok: false,
      diagnostic: {
        file: 'old.txt',
        line: 0,
        reason:
          'This file is not UTF-8 text (the first invalid byte is on line 3); it may be Latin-1 or Windows-1252. ' +
          'Save it as UTF-8 and reload the library.',
      },
    });
  });

  test('counts CR-only line endings when locating the invalid byte', () => {
    const result = decodeDigest(Buffer.from('a\rb\r\u00ff\r', 'latin1'), 'mac.txt');
    expect(!result.ok && result.diagnostic.reason).toContain('line 3');
  });

  test('refuses UTF-32 with a clear reason', () => {
    const result = decodeDigest(bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0]), 'wide.txt');
    expect(!result.ok && result.diagnostic.reason).toContain('UTF-32');
  });

  test('text longer than a JavaScript string can hold is reported as too large, not as "not UTF-8"', () => {
    // Costs about 0.5 s and 512 MB of memory, once: the only way to reach V8's real limit.
    const huge = Buffer.alloc(constants.MAX_STRING_LENGTH + 1, 'a');
    const result = decodeDigest(huge, 'huge.txt');
    expect(result).toEqual({
      ok: false,
      diagnostic: {
        file: 'huge.txt',
        line: 0,
        reason:
          'This file is too large to read as text (longer than the longest string JavaScript can hold), so it was skipped. ' +
          'Split it into smaller files.',
      },
    });
  });

  test('the committed messy fixtures still hold the bytes they are meant to (git must not convert them)', async () => {
    const read = (name: string): Promise<Buffer> => readFile(path.join(MESSY, name));
    const crlf = await read('3-crlf-bom.txt');
    expect([...crlf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(crlf.includes('\r\n')).toBe(true);
    expect((await read('12-cr-only.txt')).includes('\n')).toBe(false);
    expect((await read('6-latin1.txt')).includes(0xe9)).toBe(true);
    expect((await read('7-binary.txt')).includes(0)).toBe(true);
    expect([...(await read('13-utf16.txt')).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect((await read('8-empty.txt')).length).toBe(0);

    expect(decodeDigest(await read('6-latin1.txt'), '6-latin1.txt').ok).toBe(false);
    expect(decodeDigest(await read('7-binary.txt'), '7-binary.txt').ok).toBe(false);
    const utf16 = decodeDigest(await read('13-utf16.txt'), '13-utf16.txt');
    expect(utf16.ok && utf16.text.startsWith('Valencia’s port')).toBe(true);
  });
});
