// The Reflections view's data: the reader's answered notes as a journal, newest first by
// the date each was written, with their questions — searchable with the same engine as
// the library (notes-engine.ts) — and how many were answered since a given moment.
//
// "Written" is the note's `created` time: when its file was first saved, which is the
// first save of text (the editor saves only after the reader typed). A note emptied later
// is unanswered again and leaves the journal. No Electron import.

import { textSnippet } from '../core/library/headline';
import type { NoteView } from '../core/types';
import type { JournalEntry, JournalRequest, JournalResponse } from '../shared/ipc-contract';
import { NotesEngine } from './notes-engine';

export interface JournalSource {
  /** Every readable note. */
  notes: () => Promise<readonly NoteView[]>;
  /** Ids of the open library's stories (a note outside it is an orphan). */
  storyIds: () => ReadonlySet<string>;
}

export class NotesJournal {
  private readonly engine = new NotesEngine();

  constructor(private readonly source: JournalSource) {}

  async entries({ since, limit, query }: JournalRequest): Promise<JournalResponse> {
    const answered = (await this.source.notes()).filter((note) => note.text.trim() !== '');
    const sinceTime = Date.parse(since);
    const answeredSince = answered.filter((note) => Date.parse(note.created) >= sinceTime).length;
    let listed = answered;
    if (query !== undefined && query.trim() !== '') {
      const outcome = await this.engine.search(answered, query, { limit: answered.length || 1 });
      if (!outcome.ok) return { total: 0, answeredSince, entries: [], error: outcome.error };
      const matched = new Set(outcome.hits.map((hit) => hit.id));
      listed = answered.filter((note) => matched.has(note.id));
    }
    const ids = this.source.storyIds();
    const newestFirst = [...listed].sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || b.updated.localeCompare(a.updated));
    return { total: listed.length, answeredSince, entries: newestFirst.slice(0, limit).map((note) => entryOf(note, ids.has(note.id))) };
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}

function entryOf(note: NoteView, inLibrary: boolean): JournalEntry {
  return { id: note.id, question: note.question, created: note.created, updated: note.updated, snippet: textSnippet(note.text), inLibrary };
}
