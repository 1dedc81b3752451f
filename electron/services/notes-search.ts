// The reader's notes as a search scope (issue 12): every answered note indexed by the
// same engine code as the library (its text as the reflection field), kept in step
// with the notes on disk. Before each search the notes' revisions are compared with
// those indexed, and only the notes saved, changed on disk or removed since are
// updated — a note typed a moment ago is found, without rebuilding the index.

import { InProcessEngine } from '../core/search/in-process-engine';
import { highlightRanges } from '../core/search/highlight';
import type { NoteView, Range } from '../core/types';
import type { NotePassage } from '../shared/search-contract';

export interface NoteHit {
  id: string;
  score: number;
  passage: NotePassage;
}

export type NotesOutcome = { ok: true; hits: NoteHit[]; total: number } | { ok: false; error: string };

export class NotesSearch {
  private engine: InProcessEngine | null = null;
  /** Revision of each note indexed, by story id. */
  private indexed = new Map<string, string>();
  private texts = new Map<string, string>();
  /** Syncs run one at a time. */
  private syncing: Promise<unknown> = Promise.resolve();

  /** Rank the answered notes among `notes` (within `ids` when given) for `query`, each hit with its passage. */
  async search(notes: readonly NoteView[], query: string, options: { ids?: readonly string[]; limit?: number } = {}): Promise<NotesOutcome> {
    const engine = await this.sync(notes.filter((note) => note.text.trim() !== ''));
    const outcome = await engine.search(query, { ids: options.ids, limit: options.limit, supersede: false });
    if (!outcome.ok) return { ok: false, error: outcome.error };
    const hits = outcome.hits.map((hit) => ({ id: hit.id, score: hit.score, passage: notePassage(this.texts.get(hit.id) ?? '', hit.terms.reflection ?? []) }));
    return { ok: true, hits, total: outcome.total };
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.dispose();
  }

  private sync(notes: readonly NoteView[]): Promise<InProcessEngine> {
    const run = async (): Promise<InProcessEngine> => {
      const now = new Map(notes.map((note) => [note.id, note]));
      const added = notes.filter((note) => this.indexed.get(note.id) !== note.revision);
      const removed = [...this.indexed.keys()].filter((id) => !now.has(id));
      if (this.engine && added.length === 0 && removed.length === 0) return this.engine;
      const stories = added.map((note) => ({ id: note.id, summary: '', reflection: note.text, question: '' }));
      if (!this.engine) {
        this.engine = new InProcessEngine({ segments: 1 });
        await this.engine.build(stories);
      } else {
        await this.engine.update({ added: stories, removed });
      }
      for (const id of removed) {
        this.indexed.delete(id);
        this.texts.delete(id);
      }
      for (const note of added) {
        this.indexed.set(note.id, note.revision);
        this.texts.set(note.id, note.text);
      }
      return this.engine;
    };
    const next = this.syncing.then(run, run);
    this.syncing = next.catch(() => undefined);
    return next;
  }
}

/**
 * The part of a note around its first matched word, at most PASSAGE_CHARS long, on one
 * line, cut at spaces, with the matched words' ranges inside it. Text is data: never HTML.
 */
export function notePassage(text: string, terms: readonly string[]): NotePassage {
  const ranges = highlightRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD_CHARS);
  if (start > 0) start = wordStartAfter(text, start);
  let end = Math.min(text.length, start + PASSAGE_CHARS);
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), first + 1);
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const shift = lead.length - start;
  const inside: Range[] = ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]);
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, ranges: inside };
}

function wordStartAfter(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space < 0 || space > at + 20 ? at : space + 1;
}

const PASSAGE_CHARS = 180;
/** Characters kept before the first match, so the passage reads as a sentence. */
const LEAD_CHARS = 50;
