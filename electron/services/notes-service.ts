// The reader's notes as the app uses them: the store, plus what only the
// running app knows — which story a note belongs to, and the watcher that
// reports changes on disk (the store tells them apart from its own writes).
// No Electron import: the e2e host runs this too.

import { messageOf } from '../core/fs/errors';
import { textSnippet } from '../core/library/headline';
import { exportJson, exportMarkdown } from '../core/notes/notes-export';
import { importNotes } from '../core/notes/notes-import';
import { NotesStore } from '../core/notes/notes-store';
import { watchNotes } from '../core/notes/notes-watcher';
import type { NotesWatcher } from '../core/notes/notes-watcher';
import type { SaveNoteResult, Story } from '../core/types';
import type { ImportReport, NoteLoad, NotesOverview, NoteVersion, SaveNoteResponse } from '../shared/ipc-contract';
import type { Emit } from './emit';
import { SaveRate } from './save-rate';
import type { SaveRateOptions } from './save-rate';

export interface NotesServiceOptions {
  dataDir: string;
  emit: Emit;
  /** The story a note belongs to, when it is in the open library. */
  story: (id: string) => Pick<Story, 'question' | 'source' | 'title' | 'topics'> | undefined;
  /** Ids of the open library's stories (empty when none is open). */
  storyIds: () => ReadonlySet<string>;
  /** How often one note may be saved (save-rate.ts). Default: 10 at once, then 3 a second. */
  saveRate?: SaveRateOptions;
}

export class NotesService {
  readonly store: NotesStore;
  private watcher: NotesWatcher | null = null;
  private readonly rate: SaveRate;

  constructor(private readonly options: NotesServiceOptions) {
    this.store = new NotesStore(options.dataDir);
    this.rate = new SaveRate(options.saveRate);
    // Leftovers of a write a crash interrupted are dealt with before anything else touches the notes.
    void this.store.recover().then(
      (report) => {
        if (report.removed > 0) console.info('Ponder: cleaned up after an interrupted write:', report);
      },
      (error: unknown) => console.error('Ponder: could not clean up after an interrupted write:', error),
    );
  }

  /** Start reporting notes changed on disk by other programs. */
  watch(): void {
    this.watcher ??= watchNotes(this.store.notesDir, (id) => void this.changedOnDisk(id));
  }

  /** Resolves once the watcher `watch` started is listening (at once when none is). */
  get watching(): Promise<void> {
    return this.watcher?.ready ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }

  async get(id: string): Promise<NoteLoad> {
    return this.store.load(id);
  }

  /** Save a note. Its question and source come from the library, or from the note itself for an orphan. */
  async save(id: string, text: string, baseRevision?: string | null): Promise<SaveNoteResponse> {
    this.rate.take(id);
    const story = this.options.story(id);
    if (!story) {
      const existing = await this.store.load(id);
      if (existing.state === 'missing') {
        throw new Error(`Ponder: there is no story ${id} in this library to attach a note to.`);
      }
    }
    const result = await this.store.save({ id, text, question: story?.question ?? '', source: story?.source ?? '', baseRevision });
    return answer(id, result);
  }

  async history(id: string): Promise<NoteVersion[]> {
    return this.store.history(id);
  }

  async restore(id: string, version: string): Promise<SaveNoteResponse> {
    this.rate.take(id);
    return answer(id, await this.store.restore(id, version));
  }

  /** Delete every earlier version of the note; answers the (empty) history. */
  async purgeHistory(id: string): Promise<NoteVersion[]> {
    await this.store.purgeHistory(id);
    return this.store.history(id);
  }

  /** Delete the note and its history. */
  async delete(id: string): Promise<void> {
    await this.store.deleteNote(id);
  }

  /** Orphans and unreadable notes. A notes folder that cannot be listed is itself reported, not thrown. */
  async overview(): Promise<NotesOverview> {
    const listed = await this.listOrReport();
    const ids = this.options.storyIds();
    const orphans = listed.notes.filter((note) => !ids.has(note.id)).map((note) => ({ ...note, snippet: textSnippet(note.text) }));
    return { orphans, unreadable: listed.unreadable };
  }

  /** Ids of the open library's stories that have a non-empty note (none when the folder cannot be listed). */
  async notedIds(): Promise<string[]> {
    const { notes } = await this.listOrReport();
    const ids = this.options.storyIds();
    return notes.filter((note) => note.text.trim() !== '' && ids.has(note.id)).map((note) => note.id);
  }

  /** The stories must show even when the notes folder is broken: its problem becomes an entry to show. */
  private async listOrReport(): Promise<Awaited<ReturnType<NotesStore['list']>>> {
    try {
      return await this.store.list();
    } catch (error) {
      return { notes: [], unreadable: [{ file: this.store.notesDir, reason: messageOf(error) }] };
    }
  }

  async export(format: 'markdown' | 'json'): Promise<{ content: string; count: number }> {
    const { notes } = await this.store.list();
    const content =
      format === 'json'
        ? exportJson(notes)
        : exportMarkdown(notes, (id) => this.options.story(id), { groupBy: 'topic' });
    return { content, count: notes.length };
  }

  async import(from: string): Promise<ImportReport> {
    return importNotes(this.store, from);
  }

  private async changedOnDisk(id: string): Promise<void> {
    try {
      const load = await this.store.noticeChange(id);
      if (load) this.options.emit('notes:changed', { id, load });
    } catch (error) {
      console.error(`Ponder: could not reload note ${id} after it changed on disk:`, error);
    }
  }
}

function answer(id: string, result: SaveNoteResult): SaveNoteResponse {
  if (result.status === 'conflict') return { status: 'conflict', id, disk: result.disk };
  const { note } = result;
  return { status: 'saved', id, updated: note.updated, revision: note.revision, answered: note.text.trim() !== '' };
}
