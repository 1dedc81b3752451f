import type { NoteLoad, NotesOverview, SaveNoteResponse } from '../../../electron/shared/ipc-contract';
import { diskVersion, isAnswered } from './disk-version';
import { errorMessage } from './error-message';
import type { DiskVersion, NoteDraft, NotesSlice, NoteStatus, SliceCreator } from './types';

/** Quiet time after the last keystroke before a note is written. */
const SAVE_DEBOUNCE_MS = 250;
/** Waits before retrying a failed save: quickly at first, then every 30 s until it works. */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;
/** How long "Updated from disk" stays under the editor. */
const UPDATED_NOTICE_MS = 3_000;
/** Saves and disk changes come in bursts: ask for the orphans and unreadable notes once they settle. */
const OVERVIEW_REFRESH_MS = 1_000;
/** Between the two texts when the reader merges a conflict. */
export const MERGE_SEPARATOR = '\n\n---\n\n';

const EMPTY_OVERVIEW: NotesOverview = { orphans: [], unreadable: [] };

/** Statuses in which the draft may be written (loading: nothing to write yet; conflict: the reader picks first). */
function canSave(status: NoteStatus): boolean {
  return status !== 'loading' && status !== 'load-error' && status !== 'conflict';
}

/** Drafts whose latest text is not on disk: failed, in conflict, or not yet written. Main asks before quitting over these. */
export function countUnsaved(notes: Readonly<Record<string, NoteDraft>>): number {
  let count = 0;
  for (const draft of Object.values(notes)) {
    if (draft.status === 'conflict' || (canSave(draft.status) && draft.text !== draft.persisted)) count += 1;
  }
  return count;
}

/** Whether a draft's last save failed (and is being retried). */
export function hasSaveError(draft: NoteDraft): boolean {
  return draft.error !== null && draft.status !== 'load-error' && draft.status !== 'conflict';
}

export const createNotesSlice: SliceCreator<NotesSlice> = (api) => (set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const retryAttempts = new Map<string, number>();
  const noticeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<string, Promise<void>>();
  // Disk changes reported while a write was on its way: applied once it has settled, so
  // the echo of our own write is recognised by its revision rather than taken for a conflict.
  const deferredChanges = new Map<string, NoteLoad>();
  let overviewTimer: ReturnType<typeof setTimeout> | undefined;
  let overviewSequence = 0;

  const patch = (id: string, changes: Partial<NoteDraft>) => {
    const draft = get().notes[id];
    if (draft) set({ notes: { ...get().notes, [id]: { ...draft, ...changes } } });
  };

  const cancelTimer = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };

  const cancelRetry = (id: string, forget = false) => {
    clearTimeout(retryTimers.get(id));
    retryTimers.delete(id);
    if (forget) retryAttempts.delete(id);
  };

  const scheduleRetry = (id: string) => {
    cancelRetry(id);
    const attempt = retryAttempts.get(id) ?? 0;
    retryAttempts.set(id, attempt + 1);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    retryTimers.set(
      id,
      setTimeout(() => {
        retryTimers.delete(id);
        void get().saveNote(id);
      }, delay),
    );
  };

  const scheduleOverviewRefresh = () => {
    clearTimeout(overviewTimer);
    overviewTimer = setTimeout(() => void get().refreshNotesOverview(), OVERVIEW_REFRESH_MS);
  };

  /** Takes the disk's version as the draft, replacing its text (only when nothing unsaved is in it). */
  const adopt = (id: string, disk: DiskVersion, status: NoteStatus) => {
    cancelTimer(id);
    cancelRetry(id, true);
    patch(id, {
      text: disk.text,
      persisted: disk.text,
      baseRevision: disk.revision,
      updated: disk.updated,
      unreadable: disk.unreadable,
      conflict: null,
      error: null,
      status,
    });
    if (status !== 'updated') return;
    clearTimeout(noticeTimers.get(id));
    noticeTimers.set(
      id,
      setTimeout(() => {
        noticeTimers.delete(id);
        if (get().notes[id]?.status === 'updated') patch(id, { status: 'idle' });
      }, UPDATED_NOTICE_MS),
    );
  };

  /** The disk now has the draft's own text (another program made the same edit): no choice to make. */
  const sameAsDisk = (id: string, disk: DiskVersion, text: string) => {
    cancelRetry(id, true);
    const typedSince = get().notes[id]?.text !== text;
    patch(id, {
      persisted: text,
      baseRevision: disk.revision,
      updated: disk.updated,
      conflict: null,
      error: null,
      status: typedSince ? 'dirty' : 'saved',
    });
  };

  const enterConflict = (id: string, disk: DiskVersion) => {
    cancelTimer(id);
    cancelRetry(id, true);
    patch(id, { status: 'conflict', conflict: disk, error: null });
  };

  /** An orphan's row shows its text: keep it in step with what was saved. */
  const updateOrphan = (id: string, text: string, revision: string, updated: string) => {
    const overview = get().notesOverview;
    const index = overview.orphans.findIndex((note) => note.id === id);
    if (index < 0) return;
    const orphans = overview.orphans.slice();
    orphans[index] = { ...orphans[index]!, text, revision, updated };
    set({ notesOverview: { ...overview, orphans } });
  };

  /**
   * Sends text that main will refuse as a conflict, so that main keeps it in the note's
   * history: "Use theirs" then loses nothing. Used for keystrokes that arrived while the
   * save that met the conflict was on its way.
   */
  /** `text` is on disk now as `response` says; keystrokes typed since keep the draft dirty. */
  const adoptSaved = (id: string, text: string, response: Extract<SaveNoteResponse, { status: 'saved' }>) => {
    patch(id, {
      persisted: text,
      baseRevision: response.revision,
      updated: response.updated,
      unreadable: null,
      conflict: null,
      error: null,
      status: get().notes[id]?.text === text ? 'saved' : 'dirty',
    });
    get().setNoted(id, response.answered);
  };

  const keepRefused = async (id: string, text: string, baseRevision: string | null) => {
    try {
      const response = await api.saveNote({ id, text, baseRevision });
      if (response.status === 'conflict') {
        patch(id, { conflict: diskVersion(response.disk) });
        return;
      }
      // The file had come back to our base meanwhile: the text simply is the note now.
      adoptSaved(id, text, response);
    } catch {
      // Still in conflict, with the text in the draft; the reader's choice decides what is written.
    }
  };

  /** Writes `text` as it is now; keystrokes during the write stay in the draft. */
  const write = async (id: string, text: string, baseRevision: string | null) => {
    patch(id, { status: 'saving' });
    let response: SaveNoteResponse;
    try {
      response = await api.saveNote({ id, text, baseRevision });
    } catch (error) {
      // The text stays in the editor and in memory; it is written again with a growing pause.
      patch(id, { status: 'error', error: errorMessage(error) });
      scheduleRetry(id);
      return;
    }
    cancelRetry(id, true);
    if (response.status === 'saved') {
      adoptSaved(id, text, response);
      updateOrphan(id, text, response.revision, response.updated);
      scheduleOverviewRefresh();
      return;
    }
    const disk = diskVersion(response.disk);
    if (disk.text === text && !disk.unreadable) {
      sameAsDisk(id, disk, text);
      return;
    }
    // Never retried: writing again would overwrite the other side. Main kept `text` in the
    // note's history; the editor is read-only until the reader picks.
    enterConflict(id, disk);
    const latest = get().notes[id]?.text;
    if (latest !== undefined && latest !== text) await keepRefused(id, latest, baseRevision);
  };

  const emptyDraft = (): NoteDraft => ({
    text: '',
    persisted: '',
    baseRevision: null,
    status: 'loading',
    error: null,
    updated: null,
    unreadable: null,
    conflict: null,
  });

  return {
    notes: {},
    notesOverview: EMPTY_OVERVIEW,

    async loadNote(id) {
      const existing = get().notes[id];
      if (existing && existing.status !== 'load-error') return;
      set({ notes: { ...get().notes, [id]: emptyDraft() } });
      try {
        const disk = diskVersion(await api.getNote({ id }));
        // A change reported on disk meanwhile is newer than this answer, and already applied.
        if (get().notes[id]?.status !== 'loading') return;
        patch(id, {
          text: disk.text,
          persisted: disk.text,
          baseRevision: disk.revision,
          updated: disk.updated,
          unreadable: disk.unreadable,
          status: 'idle',
        });
      } catch (error) {
        // The editor stays read-only: saving over a note we could not read might destroy it.
        patch(id, { status: 'load-error', error: errorMessage(error) });
      }
    },

    editNote(id, text) {
      const draft = get().notes[id];
      if (!draft || draft.status === 'loading' || draft.status === 'load-error') return;
      // In conflict the editor is read-only: the draft stays exactly what main kept in history.
      if (draft.status === 'conflict') return;
      // A failed save's error stays until a save succeeds, so the warning does not flicker while typing.
      patch(id, { text, status: 'dirty' });
      cancelTimer(id);
      timers.set(id, setTimeout(() => void get().saveNote(id), SAVE_DEBOUNCE_MS));
    },

    async saveNote(id) {
      cancelTimer(id);
      // One write per note at a time; whoever waited then writes the newest text.
      for (let running = inFlight.get(id); running; running = inFlight.get(id)) await running;
      const draft = get().notes[id];
      if (!draft || !canSave(draft.status)) return;
      if (draft.text === draft.persisted) {
        if (draft.status === 'dirty' || draft.status === 'error') {
          cancelRetry(id, true);
          patch(id, { status: 'saved', error: null });
        }
        return;
      }
      cancelRetry(id);
      const writing = write(id, draft.text, draft.baseRevision).finally(() => inFlight.delete(id));
      inFlight.set(id, writing);
      await writing;
      const deferred = deferredChanges.get(id);
      if (deferred && !inFlight.has(id)) {
        deferredChanges.delete(id);
        get().noteChangedOnDisk(id, deferred);
      }
    },

    async flushNotes() {
      const ids = Object.entries(get().notes)
        .filter(([id, draft]) => timers.has(id) || inFlight.has(id) || (canSave(draft.status) && draft.text !== draft.persisted))
        .map(([id]) => id);
      await Promise.all(ids.map((id) => get().saveNote(id)));
    },

    retryFailedSaves() {
      for (const [id, draft] of Object.entries(get().notes)) {
        if (!hasSaveError(draft)) continue;
        cancelRetry(id);
        void get().saveNote(id);
      }
    },

    async resolveConflict(id, choice) {
      // A write still on its way may be handing main the latest text for the history.
      for (let running = inFlight.get(id); running; running = inFlight.get(id)) await running;
      const draft = get().notes[id];
      if (!draft || draft.status !== 'conflict' || !draft.conflict) return;
      const theirs = draft.conflict;
      let text = draft.text;
      if (choice === 'theirs') text = theirs.text;
      else if (choice === 'merge') {
        // Both, mine first; an empty side adds nothing but a separator.
        if (!draft.text.trim()) text = theirs.text;
        else if (theirs.text.trim()) text = draft.text + MERGE_SEPARATOR + theirs.text;
      }
      // The disk holds their version now: start from it, so the save names its revision.
      patch(id, {
        text,
        persisted: theirs.text,
        baseRevision: theirs.revision,
        updated: theirs.updated ?? draft.updated,
        unreadable: theirs.unreadable,
        conflict: null,
        error: null,
        status: text === theirs.text ? 'idle' : 'dirty',
      });
      if (text === theirs.text) {
        if (!theirs.unreadable) get().setNoted(id, isAnswered(text));
        return;
      }
      await get().saveNote(id);
    },

    noteChangedOnDisk(id, load) {
      const disk = diskVersion(load);
      if (!disk.unreadable) get().setNoted(id, isAnswered(disk.text));
      scheduleOverviewRefresh();
      const draft = get().notes[id];
      if (!draft) return;
      if (inFlight.has(id)) {
        deferredChanges.set(id, load);
        return;
      }
      if (draft.status === 'loading' || draft.status === 'load-error') {
        adopt(id, disk, 'idle');
        return;
      }
      if (draft.status === 'conflict') {
        // Still the reader's choice, now against the newest version on disk.
        if (disk.text === draft.text && !disk.unreadable) sameAsDisk(id, disk, draft.text);
        else patch(id, { conflict: disk });
        return;
      }
      // Already known: usually the watcher reporting our own write.
      if (disk.revision === draft.baseRevision) return;
      if (disk.text === draft.text && !disk.unreadable) {
        sameAsDisk(id, disk, draft.text);
        return;
      }
      // No unsaved edits: the other program's text simply becomes the note.
      if (draft.text === draft.persisted) adopt(id, disk, 'updated');
      // Unsaved edits on both sides: save now against the old revision. Main refuses it as a
      // conflict and keeps the draft in the note's history, and the reader picks.
      else void get().saveNote(id);
    },

    async restoreNoteVersion(id, version) {
      // Whatever is in the editor goes to disk first, so the restore replaces nothing unsaved.
      await get().saveNote(id);
      const before = get().notes[id];
      if (before?.status === 'conflict') return 'Settle the conflict in the editor first, then restore.';
      if (before && before.text !== before.persisted) {
        return 'Your latest text is not saved yet, so restoring now could lose it. Try again once it is saved.';
      }
      let response: SaveNoteResponse;
      try {
        response = await api.restoreNote({ id, version });
      } catch (error) {
        return errorMessage(error);
      }
      if (!get().notes[id]) set({ notes: { ...get().notes, [id]: { ...emptyDraft(), status: 'idle' } } });
      if (response.status === 'conflict') {
        enterConflict(id, diskVersion(response.disk));
        return 'The note changed on disk meanwhile. Both versions are kept: pick one in the editor.';
      }
      get().setNoted(id, response.answered);
      scheduleOverviewRefresh();
      // The answer names the new revision but not its text: read the note back for the editor.
      let disk: DiskVersion;
      try {
        disk = diskVersion(await api.getNote({ id }));
      } catch (error) {
        patch(id, { status: 'load-error', error: errorMessage(error) });
        return `Restored, but the note could not be read back: ${errorMessage(error)}`;
      }
      adopt(id, { ...disk, updated: disk.updated ?? response.updated }, 'saved');
      updateOrphan(id, disk.text, response.revision, response.updated);
      return null;
    },

    async refreshNotesOverview() {
      clearTimeout(overviewTimer);
      const mine = ++overviewSequence;
      let overview: NotesOverview;
      try {
        overview = await api.notesOverview();
      } catch {
        // Extra information only: the notes themselves are untouched, and the next refresh tries again.
        return;
      }
      if (mine !== overviewSequence) return;
      set({ notesOverview: overview });
      if (get().selectedFilter === 'orphans' && overview.orphans.length === 0) get().selectFilter(null);
    },
  };
};
