// Stories as the library cache stores them and a library worker sends them to the
// main thread: the text of a file's stories in one string, each field a range of
// it, rather than six strings per story. A worker loading its cache then holds a
// string or two and an array per file, not an object and six strings per story,
// and forwards them as they are (packed once, when a file is read). Decoding on
// main copies a string or two per file instead of six per story, and `slice` of 13+ characters makes a view into it (a V8 sliced string,
// a few words whatever its length), so the text is held once: a title or snippet
// that is a piece of its summary holds no text of its own (at 100k stories, ~50 MB
// less main heap, and a third fewer garbage collections).
//
// A string with one character above U+00FF stores every character in two bytes:
// stories whose text is all Latin-1 go in `narrow`, the others in `wide`, so a
// curly quote doubles the memory of its own story only, not of its file.

import type { Story } from '../types';
import type { FileRead, FileStory } from './library-file';

/** Some stories, packed: `numbers` holds STRIDE numbers per story (see `packStories`). */
export interface PackedStories {
  /** Text of the stories that are all Latin-1, stored one byte per character. */
  narrow: string;
  /** Text of the other stories. */
  wide: string;
  numbers: Int32Array;
}

/** A file as read, its stories packed: what the library cache holds of it. */
export type PackedFileRead = Omit<FileRead, 'stories'> & { packed: PackedStories };

/** `read` with its stories packed. */
export function packFileRead({ stories, ...rest }: FileRead): PackedFileRead {
  return { ...rest, packed: packStories(stories) };
}

/**
 * Pack `stories`. Per story: its flags (which string; "…" before or after the title and
 * the snippet), its line, where its id, summary, reflection and question start (one after
 * the other) and where the question ends, then the title's and the snippet's ranges.
 * Those are inside the summary when, but for a "…" added by the cut, they are a piece of it
 * (as they usually are): a "…" would make the whole text wide. Otherwise they follow the
 * question, whole.
 */
export function packStories(stories: readonly FileStory[]): PackedStories {
  const numbers = new Int32Array(stories.length * STRIDE);
  const parts: [string[], string[]] = [[], []];
  const lengths = [0, 0];
  stories.forEach((story, i) => {
    const { id, summary, reflection, question } = story;
    const title = pieceOf(summary, story.title);
    const snippet = pieceOf(summary, story.snippet);
    const own = (piece: Piece) => (piece.at < 0 ? piece.text : '');
    const which = WIDE.test(id + summary + reflection + question + own(title) + own(snippet)) ? 1 : 0;
    const at = i * STRIDE;
    let end = lengths[which]!;
    const put = (text: string): number => {
      parts[which]!.push(text);
      end += text.length;
      return end - text.length;
    };
    numbers[at] = which | (title.ellipses << TITLE_SHIFT) | (snippet.ellipses << SNIPPET_SHIFT);
    numbers[at + 1] = story.line;
    numbers[at + 2] = put(id);
    const summaryAt = put(summary);
    numbers[at + 3] = summaryAt;
    numbers[at + 4] = put(reflection);
    numbers[at + 5] = put(question);
    numbers[at + 6] = end;
    [title, snippet].forEach((piece, k) => {
      const start = piece.at >= 0 ? summaryAt + piece.at : put(piece.text);
      numbers[at + 7 + 2 * k] = start;
      numbers[at + 8 + 2 * k] = start + piece.text.length;
    });
    lengths[which] = end;
  });
  // Only text cut from a file with wide characters can be two-byte: without a wide story, skip the copy
  // (a wide character outside every story, on a broken line, is missed: that costs memory, nothing else).
  const narrow = parts[0].join('');
  return { narrow: parts[1].length > 0 ? oneByte(narrow) : narrow, wide: parts[1].join(''), numbers };
}

/** How many stories `packed` holds. */
export function packedCount(packed: PackedStories): number {
  return packed.numbers.length / STRIDE;
}

/** The stories of `packed` as stories of the library from `source` (each a new object, its topics empty). */
export function unpackStories(packed: PackedStories, source: string): Story[] {
  const { narrow, wide, numbers } = packed;
  const stories = new Array<Story>(packedCount(packed));
  for (let k = 0; k < stories.length; k++) {
    const at = k * STRIDE;
    const flags = numbers[at]!;
    const text = (flags & WIDE_FLAG) === 0 ? narrow : wide;
    // Written out rather than built field by field: one object shape, the cheapest to make on the main thread.
    stories[k] = {
      id: text.slice(numbers[at + 2], numbers[at + 3]),
      source,
      line: numbers[at + 1]!,
      summary: text.slice(numbers[at + 3], numbers[at + 4]),
      reflection: text.slice(numbers[at + 4], numbers[at + 5]),
      question: text.slice(numbers[at + 5], numbers[at + 6]),
      title: withEllipses(text.slice(numbers[at + 7], numbers[at + 8]), flags >> TITLE_SHIFT),
      snippet: withEllipses(text.slice(numbers[at + 9], numbers[at + 10]), flags >> SNIPPET_SHIFT),
      topics: [],
    };
  }
  return stories;
}

/** A title or snippet as packed: `text` found at `at` in the summary (-1: not a piece of it), `ellipses` taken off it. */
interface Piece {
  text: string;
  at: number;
  ellipses: number;
}

/** `text` as a piece of `summary`, without the "…" the cut put before or after it (`ellipses`: BEFORE | AFTER). */
function pieceOf(summary: string, text: string): Piece {
  const before = text.startsWith(ELLIPSIS) ? BEFORE : 0;
  const after = text.length > before && text.endsWith(ELLIPSIS) ? AFTER : 0;
  const core = text.slice(before ? ELLIPSIS.length : 0, after ? -ELLIPSIS.length : text.length);
  const at = summary.indexOf(core);
  return at >= 0 ? { text: core, at, ellipses: before | after } : { text, at: -1, ellipses: 0 };
}

/** `text` with the "…" its flags say the cut put around it: a V8 cons string, no copy of `text` until a row is sent. */
function withEllipses(text: string, flags: number): string {
  const before = flags & BEFORE ? ELLIPSIS : '';
  const after = flags & AFTER ? ELLIPSIS : '';
  return before || after ? before + text + after : text;
}

/** Numbers per story. */
const STRIDE = 11;
/** Flags of a story: its text is in `wide`; then BEFORE | AFTER for its title, and for its snippet. */
const WIDE_FLAG = 1;
const TITLE_SHIFT = 1;
const SNIPPET_SHIFT = 3;
const BEFORE = 1;
const AFTER = 2;
const ELLIPSIS = '…';

/** A character that a one-byte (Latin-1) string cannot hold. */
const WIDE = /[\u0100-\u{10ffff}]/u;

/**
 * The same text in a one-byte string. Text cut from a file that holds any wide character
 * is stored two bytes per character even where it is Latin-1, and a string built from it
 * (and sent) keeps that: copying it through Latin-1 bytes stores it one byte per character.
 */
function oneByte(text: string): string {
  return text === '' ? text : Buffer.from(text, 'latin1').toString('latin1');
}
