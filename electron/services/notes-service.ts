// The reader's notes as the app uses them: the store, plus what only the
// running app knows — which story a note belongs to, which revision of each
// file Ponder itself last read or wrote (so a change on disk by another
// program is told apart from our own writes), and the watcher that reports
// those changes. No Electron import: the e2e host runs this too.

import { exportJson, exportMarkdown } from '../core/notes/notes-export';
import { importNotes } from '../core/notes/notes-import';
import { NotesStore } from '../core/notes/notes-store';
import { watchNotes } from '../core/notes/notes-watcher';
import type { Story } from '../core/types';
import type { ImportReport, NoteLoad, NotesOverview, NoteVersion, SaveNoteResponse } from '../shared/ipc-contract';
import type { Emit } from './emit';

export interface NotesServiceOptions {
  dataDir: string;
  emit: Emit;
  /** The story a note belongs to, when it is in the open library. */
  story: (id: string) => Pick<Story, 'question' | 'source' | 'title' | 'topics'> | undefined;
  /** Ids of the open library's stories (empty when none is open). */
  storyIds: () => ReadonlySet<string>;
}

export class NotesService {
  readonly store: NotesStore;
  /** Revision of each note file as Ponder last read or wrote it (null: no file). */
  private readonly known = new Map<string, string | null>();
  private watcher: { close(): Promise<void> } | null = null;

  constructor(private readonly options: NotesServiceOptions) {
    this.store = new NotesStore(options.dataDir);
  }

  /** Start reporting notes changed on disk by other programs. */
  watch(): void {
    this.watcher ??= watchNotes(this.store.notesDir, (id) => void this.changedOnDisk(id));
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }

  async get(id: string): Promise<NoteLoad> {
    const load = await this.store.load(id);
    this.known.set(id, revisionOf(load));
    return load;
  }

  /** Save a note. Its question and source come from the library, or from the note itself for an orphan. */
  async save(id: string, text: string, baseRevision?: string | null): Promise<SaveNoteResponse> {
    const story = this.options.story(id);
    if (!story) {
      const existing = await this.store.load(id);
      if (existing.state === 'missing') {
        throw new Error(`Ponder: there is no story ${id} in this library to attach a note to.`);
      }
    }
    const result = await this.store.save({ id, text, question: story?.question ?? '', source: story?.source ?? '', baseRevision });
    return this.answer(id, result);
  }

  async history(id: string): Promise<NoteVersion[]> {
    return this.store.history(id);
  }

  async restore(id: string, version: string): Promise<SaveNoteResponse> {
    return this.answer(id, await this.store.restore(id, version));
  }

  /** Orphans and unreadable notes. A notes folder that cannot be listed is itself reported, not thrown. */
  async overview(): Promise<NotesOverview> {
    const listed = await this.listOrReport();
    const ids = this.options.storyIds();
    return { orphans: listed.notes.filter((note) => !ids.has(note.id)), unreadable: listed.unreadable };
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
      const reason = error instanceof Error ? error.message : String(error);
      return { notes: [], unreadable: [{ file: this.store.notesDir, reason }] };
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

  private answer(id: string, result: Awaited<ReturnType<NotesStore['save']>>): SaveNoteResponse {
    if (result.status === 'conflict') {
      this.known.set(id, revisionOf(result.disk));
      return { status: 'conflict', id, disk: result.disk };
    }
    const { note } = result;
    this.known.set(id, note.revision);
    return { status: 'saved', id, updated: note.updated, revision: note.revision, answered: note.text.trim() !== '' };
  }

  private async changedOnDisk(id: string): Promise<void> {
    try {
      const load = await this.store.load(id);
      const revision = revisionOf(load);
      if (this.known.has(id) && this.known.get(id) === revision) return; // our own write
      this.known.set(id, revision);
      this.options.emit('notes:changed', { id, load });
    } catch (error) {
      console.error(`Ponder: could not reload note ${id} after it changed on disk:`, error);
    }
  }
}

function revisionOf(load: NoteLoad): string | null {
  if (load.state === 'ok') return load.note.revision;
  if (load.state === 'unreadable') return load.revision;
  return null;
}
