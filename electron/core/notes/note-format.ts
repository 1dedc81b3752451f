// The note file format (FORMATS.md §2): YAML front matter, then the reader's
// Markdown. Serialising is exact and byte-stable; parsing is forgiving about
// what editors do to a file (BOM, CRLF, extra keys) and strict only about what
// Ponder needs to know whose note it is (the id).

import { YAMLParseError, parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import path from 'node:path';
import { isStoryId, STORY_ID_PATTERN } from '../ids';
import type { Note } from '../types';

/** Front-matter keys Ponder writes itself, in file order. */
export const NOTE_KEYS = ['id', 'question', 'source', 'created', 'updated'] as const;

/** Front-matter keys Ponder does not know about, kept so a save does not drop them. */
export type ExtraFrontMatter = Record<string, unknown>;

export type ParseNoteResult =
  | { ok: true; note: Note; extra: ExtraFrontMatter }
  | { ok: false; reason: string };

export interface ParseNoteOptions {
  /**
   * ISO time used when `created` or `updated` is missing or not a date (a
   * hand-written note). The store passes the file's modification time.
   * Default: the Unix epoch, so that parsing stays a pure function.
   */
  fallbackTime?: string;
}

/** Why `id`, found where a note's id should be, is refused. */
export function notAStoryId(id: unknown): string {
  return `The id ${JSON.stringify(id)} is not a story id (16 lowercase hex digits).`;
}

/** True for the name of a note file: `<story id>.md`. */
export function isNoteFileName(name: string): boolean {
  return NOTE_FILE.test(name);
}

/** True for a copy kept beside a note (`<id>.corrupt-<time>.md`, and `.conflict-` from older versions of Ponder): not a note. */
export function isAsideCopy(name: string): boolean {
  return ASIDE_COPY.test(name);
}

/** Normalise a date-like string (a note's `created`, an export's times) to `toISOString()` form, or undefined. */
export function toIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ISO_LIKE.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The file text of a note, exactly:
 * `---\nid: …\nquestion: "…"\nsource: "…"\ncreated: …\nupdated: …\n---\n<text>`.
 * Keys in `extra` (from `parseNote`) follow `updated`.
 */
export function serializeNote(note: Note, extra: ExtraFrontMatter = {}): string {
  const lines = [
    '---',
    `id: ${plainOrQuoted(note.id, STORY_ID_PATTERN)}`,
    `question: ${quote(note.question)}`,
    `source: ${quote(note.source)}`,
    `created: ${plainOrQuoted(note.created, ISO_PLAIN)}`,
    `updated: ${plainOrQuoted(note.updated, ISO_PLAIN)}`,
  ];
  const unknown = Object.fromEntries(
    Object.entries(extra).filter(([key]) => !(NOTE_KEYS as readonly string[]).includes(key)),
  );
  if (Object.keys(unknown).length > 0) {
    // Failsafe schema on both sides: values come back as the text they were written as.
    lines.push(stringifyYaml(unknown, { schema: 'failsafe' }).replace(/\n$/, ''));
  }
  lines.push('---');
  return `${lines.join('\n')}\n${note.text}`;
}

/**
 * Read a note file's text. `file` is its path, used to check that the id
 * matches a `<id>.md` name. Accepts a BOM, CRLF or CR line endings (the result
 * uses `\n`), blank lines before the front matter, unknown keys (returned in
 * `extra`) and a missing `question`/`source` (empty) or `created`/`updated`
 * (see `fallbackTime`). The body is everything after the closing `---` line.
 */
export function parseNote(content: string, file: string, options: ParseNoteOptions = {}): ParseNoteResult {
  if (content.includes('\0')) return fail('The file contains NUL bytes; it looks like a binary file, not a note.');
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open === lines.length || !isDelimiter(lines[open]!)) {
    return fail('The file does not start with front matter (a line of three dashes, ---).');
  }
  let close = open + 1;
  while (close < lines.length && !isDelimiter(lines[close]!)) close++;
  if (close === lines.length) return fail('The front matter is not closed by a line of three dashes (---).');

  let data: unknown;
  try {
    // Failsafe: every scalar is a string, so an all-digit id stays text.
    data = parseYaml(lines.slice(open + 1, close).join('\n'), { schema: 'failsafe' });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return fail(`The front matter is not valid YAML: ${detail}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('The front matter is not a list of "key: value" lines.');
  }
  const fields = data as Record<string, unknown>;

  const id = fields.id;
  if (id === undefined || id === '') return fail('The front matter has no id.');
  if (!isStoryId(id)) return fail(notAStoryId(id));
  const name = path.basename(file);
  if (isNoteFileName(name) && name !== `${id}.md`) {
    return fail(`The id ${id} does not match the file name ${name}.`);
  }

  for (const key of ['question', 'source'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') {
      return fail(`The ${key} in the front matter is not text.`);
    }
  }

  const fallback = options.fallbackTime ?? EPOCH;
  const created = toIso(fields.created);
  const updated = toIso(fields.updated);
  const extra = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !(NOTE_KEYS as readonly string[]).includes(key)),
  );
  return {
    ok: true,
    note: {
      id,
      question: (fields.question as string | undefined) ?? '',
      source: (fields.source as string | undefined) ?? '',
      // A missing time borrows the other one before falling back.
      created: created ?? updated ?? fallback,
      updated: updated ?? created ?? fallback,
      text: lines.slice(close + 1).join('\n'),
    },
    extra,
  };
}

/**
 * As much of the reader's text as can be got out of a note file that
 * `parseNote` refused (bad front matter, a wrong id, NUL bytes; decode
 * invalid UTF-8 with replacement characters before calling). Salvages rather
 * than judges: the body after the front matter's closing `---` (the first
 * one, so that a Markdown rule in the body stays in it); with no closing
 * line, the text after the leading `key: value` lines; with no front matter,
 * everything.
 */
export function salvageNoteText(content: string): string {
  const clean = content.replace(/\0/g, '');
  const parsed = parseNote(clean, '');
  if (parsed.ok) return parsed.note.text;
  const lines = clean.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open === lines.length || !isDelimiter(lines[open]!)) return lines.join('\n');
  const close = lines.findIndex((line, i) => i > open && isDelimiter(line));
  if (close >= 0) return lines.slice(close + 1).join('\n');
  let body = open + 1;
  while (body < lines.length && (YAML_KEY_LINE.test(lines[body]!) || /^\s+\S/.test(lines[body]!))) body++;
  return lines.slice(body).join('\n');
}

// ---------------------------------------------------------------------------

/** `<story id>.md`, built from the one story-id rule. */
const NOTE_FILE = new RegExp(`${STORY_ID_PATTERN.source.slice(0, -1)}\\.md$`);
const ASIDE_COPY = /\.(corrupt|conflict)-[^.]*\.md$/;
const ISO_PLAIN = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const EPOCH = '1970-01-01T00:00:00.000Z';
/** A line that looks like front matter: `key: value` or `key:`. */
const YAML_KEY_LINE = /^[A-Za-z_][\w-]*:(\s|$)/;

/**
 * A YAML double-quoted scalar. JSON's escaping is valid YAML; on top of it we
 * escape what YAML calls non-printable or (YAML 1.1) a line break, so that
 * other tools read the same string.
 */
function quote(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Plain when `value` is known-safe YAML (our ids and ISO times); quoted otherwise, so a bad value never breaks the file. */
function plainOrQuoted(value: string, safe: RegExp): string {
  return safe.test(value) ? value : quote(value);
}

function isDelimiter(line: string): boolean {
  return line.trimEnd() === '---';
}

function fail(reason: string): ParseNoteResult {
  return { ok: false, reason };
}
