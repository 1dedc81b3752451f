// Notes out of Ponder, for reading elsewhere or for another Ponder: a Markdown
// journal grouped by topic or digest file, and a JSON file that
// `importNotes` reads back with every field intact.

import type { Note, Story } from '../types';

/** What the journal shows of a note's story. */
export type ExportStory = Pick<Story, 'title' | 'source' | 'topics'>;

/** The story a note belongs to in the open library; undefined for an orphan. */
export type StoryLookup = (id: string) => ExportStory | undefined;

export interface MarkdownExportOptions {
  /** 'topic': under the story's most specific topic; 'source': under its digest file. */
  groupBy: 'topic' | 'source';
  /** Date in the journal's header. Default: now. */
  now?: Date;
}

/** The JSON export, as `exportJson` writes it and `importNotes` reads it. */
export interface NotesExport {
  format: 'ponder-notes';
  version: 1;
  exportedAt: string;
  notes: Note[];
}

/**
 * One Markdown journal of the notes that have text (an emptied note has
 * nothing to read). Each note is a `###` heading with its question, a line
 * with its story's title, digest file and dates, then the note. Groups are in
 * name order; notes in a group by when they were written. With `stories`,
 * notes whose story is not in the library are grouped as "Orphaned notes" at
 * the end; without it, nothing is known about stories: notes group by the
 * digest file they name, or all under "Notes".
 */
export function exportMarkdown(
  notes: readonly Note[],
  stories?: StoryLookup,
  options: MarkdownExportOptions = { groupBy: 'topic' },
): string {
  const written = notes.filter((note) => note.text.trim() !== '');
  const groups = new Map<string, { rank: number; notes: Note[] }>();
  for (const note of written) {
    const [name, rank] = groupOf(note, stories, options.groupBy);
    const group = groups.get(name) ?? { rank, notes: [] };
    group.notes.push(note);
    groups.set(name, group);
  }
  const now = options.now ?? new Date();
  const count = written.length === 1 ? '1 note' : `${written.length} notes`;
  const out = ['# Ponder journal', '', `Exported ${day(now.toISOString())} · ${count} · grouped by ${options.groupBy}`, ''];
  const ordered = [...groups].sort(([a, x], [b, y]) => x.rank - y.rank || NAME_ORDER.compare(a, b));
  for (const [name, group] of ordered) {
    out.push(`## ${escapeInline(name)}`, '');
    if (name === ORPHANS) out.push('_Their stories are no longer in the library._', '');
    group.notes.sort((a, b) => compare(a.created, b.created) || compare(a.id, b.id));
    for (const note of group.notes) out.push(...entry(note, stories?.(note.id)));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Every note with all its fields, as JSON text (sorted by id, so exports diff well). */
export function exportJson(notes: readonly Note[], now: Date = new Date()): string {
  const data: NotesExport = {
    format: 'ponder-notes',
    version: 1,
    exportedAt: now.toISOString(),
    notes: [...notes]
      .sort((a, b) => compare(a.id, b.id))
      .map(({ id, question, source, created, updated, text }) => ({ id, question, source, created, updated, text })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

// ---------------------------------------------------------------------------

const ORPHANS = 'Orphaned notes';
const NO_TOPIC = 'Other notes';
const NO_SOURCE = 'No digest file';
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The group a note goes under, and a rank that sorts the catch-all groups last. */
function groupOf(note: Note, stories: StoryLookup | undefined, by: 'topic' | 'source'): [string, number] {
  if (!stories) {
    if (by === 'topic') return ['Notes', 0];
    return note.source ? [note.source, 0] : [NO_SOURCE, 1];
  }
  const story = stories(note.id);
  if (!story) return [ORPHANS, 2];
  if (by === 'source') return [story.source, 0];
  return story.topics[0] ? [story.topics[0], 0] : [NO_TOPIC, 1];
}

function entry(note: Note, story: ExportStory | undefined): string[] {
  const question = note.question.trim() || `Note on story ${note.id}`;
  const about = [
    story ? `*${escapeInline(story.title)}*` : undefined,
    story?.source || note.source ? `\`${(story?.source || note.source).replace(/`/g, "'")}\`` : undefined,
    day(note.created) === day(note.updated)
      ? `written ${day(note.created)}`
      : `written ${day(note.created)}, updated ${day(note.updated)}`,
  ].filter((part) => part !== undefined);
  return [`### ${escapeInline(question)}`, '', about.join(' · '), '', note.text.trimEnd(), ''];
}

/** `2026-11-24` from an ISO time. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Text that Markdown shows as written, not as formatting, on one line. An `_`
 * inside a word (`000_f4e1.txt`) is left alone: it is no emphasis there.
 */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*[\]<>]/g, (c) => `\\${c}`)
    .replace(/_/g, (c, at: number, all: string) => (WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? c : `\\${c}`))
    .replace(/#+\s*$/, (tail) => `\\${tail}`);
}

const WORD = /[\p{L}\p{N}]/u;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
