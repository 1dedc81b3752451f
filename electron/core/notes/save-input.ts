// What a save of a note is given, checked at the door (a renderer's request
// has been validated by then, but the CLI and imports call the store too), and
// the one rule about texts that ends a burst of typing.

import { isStoryId } from '../ids';

/** What `save` needs; the store adds the times. */
export interface SaveNoteInput {
  id: string;
  /** The note's Markdown. An empty text is saved too: the reader cleared the note. */
  text: string;
  /** The story's question. Empty: keep the one already in the file (an orphan's note). */
  question: string;
  /** The story's digest file. Empty: keep the one already in the file. */
  source: string;
  /**
   * The revision the text was edited from (null: there was no file). When the
   * file holds another text now, the save is a conflict and changes nothing.
   * Undefined: save whatever is on disk (its text still goes to history).
   */
  baseRevision?: string | null;
}

/** Throws a "Ponder: " error unless `input` is a well-formed save. */
export function assertSaveInput(input: unknown): asserts input is SaveNoteInput {
  if (typeof input !== 'object' || input === null) throw new Error('Ponder: a note to save must be an object.');
  const fields = input as Record<string, unknown>;
  if (!isStoryId(fields.id)) throw new Error('Ponder: invalid story id');
  for (const key of ['text', 'question', 'source'] as const) {
    if (typeof fields[key] !== 'string') throw new Error(`Ponder: a note's ${key} must be text.`);
  }
  const base = fields.baseRevision;
  if (base !== undefined && base !== null && typeof base !== 'string') {
    throw new Error("Ponder: a note's base revision must be text or null.");
  }
}

/**
 * `next` lost more than a quarter of `before` (and more than a few
 * characters), or empties the note: not a step of typing, so the text it
 * replaces is kept even within a burst.
 */
export function shrinksMuch(before: string, next: string): boolean {
  const lost = before.length - next.length;
  return next.trim() === '' || (lost > 16 && lost > before.length / 4);
}
