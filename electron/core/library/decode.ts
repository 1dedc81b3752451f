// Bytes of a digest file → text. Digests are UTF-8; anything else is reported
// as a diagnostic instead of being shown as mojibake, because a wrongly decoded
// file would also give every story a wrong id (and detach its notes later).
//
// UTF-16 with a byte-order mark (what Windows Notepad used to save as
// "Unicode") is unambiguous, so it is decoded rather than refused.

import { errorCode } from '../fs/errors';
import type { Diagnostic } from '../types';

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Decode the bytes of a digest file. Strips a UTF-8 BOM, decodes UTF-16 with a
 * BOM, and refuses binary files (NUL bytes) and text that is not UTF-8, with a
 * diagnostic at line 0 naming `file`. An empty file decodes to `''`.
 */
export function decodeDigest(bytes: Uint8Array, file: string): DecodeResult {
  const fail = (reason: string): DecodeResult => ({ ok: false, diagnostic: { file, line: 0, reason } });

  if (startsWith(bytes, UTF32LE_BOM) || startsWith(bytes, UTF32BE_BOM)) {
    return fail('This file is UTF-32 text, which Ponder does not read; save it as UTF-8 and reload the library.');
  }
  const utf16 = startsWith(bytes, UTF16LE_BOM) ? 'utf-16le' : startsWith(bytes, UTF16BE_BOM) ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      // The decoder drops the BOM itself (ignoreBOM defaults to false).
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch (error) {
      if (isTooLongForString(error)) return fail(TOO_LONG_REASON);
      return fail(`This file starts like ${utf16.toUpperCase()} text but is not valid ${utf16.toUpperCase()}; save it as UTF-8 and reload the library.`);
    }
    if (text.includes('\0')) return fail(BINARY_REASON);
    return { ok: true, text };
  }

  if (bytes.includes(0)) return fail(BINARY_REASON);

  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM: the BOM is already gone; a second one would be content.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch (error) {
    if (isTooLongForString(error)) return fail(TOO_LONG_REASON);
    const line = firstInvalidLine(bytes);
    return fail(
      `This file is not UTF-8 text (the first invalid byte is on line ${line}); ` +
        'it may be Latin-1 or Windows-1252. Save it as UTF-8 and reload the library.',
    );
  }
}

const BINARY_REASON =
  'This file contains NUL bytes, so it looks like a binary file rather than a digest (or UTF-16 text without a byte-order mark); ' +
  'Ponder reads UTF-8 text. Remove it from the library folder or save it as UTF-8.';

// V8 caps a string at about 512 MB of characters (`buffer.constants.MAX_STRING_LENGTH`).
// The library never reads a file that big (read-digest-file.ts), but if this is
// ever called on one, say so rather than blaming the encoding.
const TOO_LONG_REASON =
  'This file is too large to read as text (longer than the longest string JavaScript can hold), so it was skipped. ' +
  'Split it into smaller files.';

function isTooLongForString(error: unknown): boolean {
  return errorCode(error) === 'ERR_STRING_TOO_LONG' || (error instanceof RangeError && /string length/i.test(error.message));
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const UTF32LE_BOM = [0xff, 0xfe, 0x00, 0x00];
const UTF32BE_BOM = [0x00, 0x00, 0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * 1-based line holding the first byte sequence that is not UTF-8. CR and LF are
 * ASCII and never occur inside a multi-byte sequence, so each line can be
 * checked on its own. Only called on the failure path.
 */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== 0x0a && b !== 0x0d) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return line;
}
