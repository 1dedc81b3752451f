// The notes slice: drafts by story id, written to disk through the API. The
// draft transitions are pure (note-drafts.ts), the timers live in the save
// scheduler (save-scheduler.ts), and the orphan overview in notes-overview.ts;
// this file sequences them around the API calls.

import { NOTE_TOO_LARGE } from '../../../electron/shared/ipc-contract';
import type { NoteLoad, SaveNoteResponse } from '../../../electron/shared/ipc-contract';
import { diskVersion, isAnswered } from './disk-version';
import { errorMessage } from './error-message';
import * as drafts from './note-drafts';
import { recoveryNotice } from './crash-recovery';
import { createOverviewRefresh, EMPTY_OVERVIEW, withOrphanSaved } from './notes-overview';
import { SaveScheduler } from './save-scheduler';
import type { DiskVersion, NoteDraft, NotesSlice, NoteStatus, SliceCreator } from './types';

/** A draft waiting for the reader's choice between its text and the disk's. */
function inConflict(draft: NoteDraft | undefined): draft is NoteDraft & { conflict: DiskVersion } {
  return draft?.status === 'conflict' && draft.conflict !== null;
}

export const createNotesSlice: SliceCreator<NotesSlice> = (api) => (set, get) => {
  const scheduler = new SaveScheduler((id) => void get().saveNote(id));
  const overview = createOverviewRefresh(api, get, set);

  /** Replace the draft of `id` (if there is one) by `next(draft)`. */
  const update = (id: string, next: (draft: NoteDraft) => NoteDraft) => {
    const draft = get().notes[id];
    if (draft) set({ notes: { ...get().notes, [id]: next(draft) } });
  };

  /** Takes the disk's version as the draft; 'updated' is shown briefly, then the draft is idle. */
  const adopt = (id: string, disk: DiskVersion, status: NoteStatus) => {
    scheduler.cancelAll(id);
    update(id, (draft) => drafts.fromDisk(draft, disk, status));
    if (status !== 'updated') return;
    scheduler.expireNotice(id, () => {
      if (get().notes[id]?.status === 'updated') update(id, (draft) => ({ ...draft, status: 'idle' }));
    });
  };

  /** The disk now has the draft's own text (another program made the same edit): no choice to make. */
  const sameAsDisk = (id: string, disk: DiskVersion, text: string) => {
    scheduler.cancelRetry(id, true);
    update(id, (draft) => drafts.persisted(draft, text, disk));
  };

  const enterConflict = (id: string, disk: DiskVersion) => {
    scheduler.cancelAll(id);
    update(id, (draft) => drafts.inConflict(draft, disk));
  };

  /** `text` is on disk now as `response` says; keystrokes typed since keep the draft dirty. */
  const adoptSaved = (id: string, text: string, response: Extract<SaveNoteResponse, { status: 'saved' }>) => {
    update(id, (draft) => drafts.saved(draft, text, response));
    get().setNoted(id, response.answered);
  };

  /** An orphan's row shows its text: keep it in step with what was saved. */
  const updateOrphan = (id: string, text: string, revision: string, updated: string) => {
    const next = withOrphanSaved(get().notesOverview, id, { text, revision, updated });
    if (next !== get().notesOverview) set({ notesOverview: next });
  };

  /**
   * Sends text that main will refuse as a conflict, so that main keeps it in the note's
   * history: "Use theirs" then loses nothing. Used for keystrokes that arrived while the
   * save that met the conflict was on its way.
   */
  const keepRefused = async (id: string, text: string, baseRevision: string | null) => {
    try {
      const response = await api.saveNote({ id, text, baseRevision });
      if (response.status === 'conflict') {
        update(id, (draft) => ({ ...draft, conflict: diskVersion(response.disk) }));
        return;
      }
      // The file had come back to our base meanwhile: the text simply is the note now.
      adoptSaved(id, text, response);
    } catch {
      // Still in conflict, with the text in the draft; the reader's choice decides what is written.
    }
  };

  /**
   * Has main keep `draft.text` in the note's history before "Use theirs" replaces it: a save it
   * refuses as a conflict. False (the conflict stays, with the error) when that failed. Should the
   * file have come back to our base meanwhile, the text is saved; their version, now in history,
   * is then written over it, so the note still ends as theirs.
   */
  const keepInHistory = async (id: string, draft: NoteDraft & { conflict: DiskVersion }): Promise<boolean> => {
    let response: SaveNoteResponse;
    try {
      response = await api.saveNote({ id, text: draft.text, baseRevision: draft.baseRevision });
    } catch (error) {
      update(id, (current) => ({ ...current, error: errorMessage(error) }));
      return false;
    }
    if (response.status === 'conflict') {
      update(id, (current) => ({ ...current, conflict: diskVersion(response.disk) }));
      return true;
    }
    const theirs = draft.conflict.text;
    update(id, (current) => ({ ...drafts.saved(current, draft.text, response), text: theirs, status: 'dirty' }));
    await get().saveNote(id);
    return false;
  };

  /** Writes `text` as it is now; keystrokes during the write stay in the draft. */
  const write = async (id: string, text: string, baseRevision: string | null) => {
    update(id, (draft) => ({ ...draft, status: 'saving' }));
    let response: SaveNoteResponse;
    try {
      response = await api.saveNote({ id, text, baseRevision });
    } catch (error) {
      // The text stays in the editor and in memory; it is written again with a growing pause.
      update(id, (draft) => ({ ...draft, status: 'error', error: errorMessage(error) }));
      // A note over the size main saves cannot be saved by trying again: the reader shortens it first.
      if (!errorMessage(error).startsWith(NOTE_TOO_LARGE)) scheduler.retryLater(id);
      return;
    }
    scheduler.cancelRetry(id, true);
    if (response.status === 'saved') {
      adoptSaved(id, text, response);
      updateOrphan(id, text, response.revision, response.updated);
      overview.schedule();
      return;
    }
    const disk = diskVersion(response.disk);
    if (drafts.holdsText(disk, text)) {
      sameAsDisk(id, disk, text);
      return;
    }
    // Never retried: writing again would overwrite the other side. Main kept `text` in the
    // note's history; the reader keeps typing, and nothing is written until they pick.
    enterConflict(id, disk);
    const latest = get().notes[id]?.text;
    if (latest !== undefined && latest !== text) await keepRefused(id, latest, baseRevision);
  };

  return {
    notes: {},
    notesOverview: EMPTY_OVERVIEW,

    async loadNote(id) {
      const existing = get().notes[id];
      if (existing && existing.status !== 'load-error') return;
      set({ notes: { ...get().notes, [id]: drafts.emptyDraft() } });
      try {
        const disk = diskVersion(await api.getNote({ id }));
        // A change reported on disk meanwhile is newer than this answer, and already applied.
        if (get().notes[id]?.status !== 'loading') return;
        update(id, (draft) => drafts.fromDisk(draft, disk, 'idle'));
      } catch (error) {
        // The editor stays read-only: saving over a note we could not read might destroy it.
        update(id, (draft) => ({ ...draft, status: 'load-error', error: errorMessage(error) }));
      }
    },

    editNote(id, text) {
      const draft = get().notes[id];
      if (!drafts.canEdit(draft)) return;
      update(id, (current) => drafts.edited(current, text, Date.now()));
      // In a conflict the text waits for the reader's choice, which then writes all of it.
      if (draft.status !== 'conflict') scheduler.debounce(id);
    },

    async saveNote(id) {
      scheduler.cancelDebounce(id);
      await scheduler.idle(id);
      const draft = get().notes[id];
      const step = drafts.saveStep(draft);
      if (step === 'none' || !draft) return;
      if (step === 'settle') {
        if (drafts.settled(draft) !== draft) {
          scheduler.cancelRetry(id, true);
          update(id, drafts.settled);
        }
        return;
      }
      scheduler.cancelRetry(id);
      await scheduler.write(id, () => write(id, draft.text, draft.baseRevision));
      const deferred = scheduler.takeDeferred(id);
      if (deferred) get().noteChangedOnDisk(id, deferred);
    },

    async flushNotes() {
      const pending = (id: string, draft: NoteDraft) =>
        scheduler.isDebounced(id) || scheduler.isWriting(id) || (drafts.canSave(draft.status) && draft.text !== draft.persisted);
      const ids = Object.entries(get().notes)
        .filter(([id, draft]) => pending(id, draft))
        .map(([id]) => id);
      await Promise.all(ids.map((id) => get().saveNote(id)));
    },

    retryFailedSaves() {
      for (const [id, draft] of Object.entries(get().notes)) {
        if (!drafts.hasSaveError(draft)) continue;
        scheduler.cancelRetry(id);
        void get().saveNote(id);
      }
    },

    async resolveConflict(id, choice) {
      // A write still on its way may be handing main the latest text for the history.
      await scheduler.idle(id);
      // "Use theirs" replaces the reader's text, typed on during the conflict too: main keeps it first.
      let kept: string | null = null;
      for (let mine = get().notes[id]; choice === 'theirs' && inConflict(mine) && mine.text !== mine.conflict.text; mine = get().notes[id]) {
        if (mine.text === kept) break;
        if (!(await keepInHistory(id, mine))) return;
        kept = mine.text;
      }
      const draft = get().notes[id];
      if (!inConflict(draft)) return;
      const next = drafts.resolved(draft, choice);
      set({ notes: { ...get().notes, [id]: next } });
      if (next.status === 'idle') {
        if (!next.unreadable) get().setNoted(id, isAnswered(next.text));
        return;
      }
      await get().saveNote(id);
    },

    noteChangedOnDisk(id, load: NoteLoad) {
      const disk = diskVersion(load);
      if (!disk.unreadable) get().setNoted(id, isAnswered(disk.text));
      overview.schedule();
      const draft = get().notes[id];
      if (!draft) return;
      if (scheduler.isWriting(id)) {
        scheduler.defer(id, load);
        return;
      }
      const reaction = drafts.reactToDisk(draft, disk, Date.now());
      switch (reaction.kind) {
        case 'keep-both':
          enterConflict(id, disk);
          return;
        case 'adopt':
          adopt(id, disk, reaction.status);
          return;
        case 'same':
          sameAsDisk(id, disk, draft.text);
          return;
        case 'conflict':
          update(id, (current) => ({ ...current, conflict: disk }));
          return;
        case 'known':
          return;
        case 'save':
          void get().saveNote(id);
      }
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
      if (!get().notes[id]) set({ notes: { ...get().notes, [id]: drafts.emptyDraft('idle') } });
      if (response.status === 'conflict') {
        enterConflict(id, diskVersion(response.disk));
        return 'The note changed on disk meanwhile. Both versions are kept: pick one in the editor.';
      }
      get().setNoted(id, response.answered);
      overview.schedule();
      // The answer names the new revision but not its text: read the note back for the editor.
      let disk: DiskVersion;
      try {
        disk = diskVersion(await api.getNote({ id }));
      } catch (error) {
        update(id, (draft) => ({ ...draft, status: 'load-error', error: errorMessage(error) }));
        return `Restored, but the note could not be read back: ${errorMessage(error)}`;
      }
      adopt(id, { ...disk, updated: disk.updated ?? response.updated }, 'saved');
      updateOrphan(id, disk.text, response.revision, response.updated);
      return null;
    },

    async purgeNoteHistory(id) {
      try {
        await api.purgeNoteHistory({ id });
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async deleteNote(id) {
      try {
        await api.deleteNote({ id });
      } catch (error) {
        return errorMessage(error);
      }
      // The note is gone on disk: nothing pending may write it again.
      scheduler.cancelAll(id);
      set({ notes: { ...get().notes, [id]: drafts.emptyDraft('idle') } });
      get().setNoted(id, false);
      overview.schedule();
      return null;
    },

    refreshNotesOverview: () => overview.refresh(),

    async recoverAfterCrash() {
      const report = await api.takeRecovery().catch(() => null);
      if (!report) return;
      get().showNotice(recoveryNotice(report));
      // Texts main still held from failed saves go back into their notes, and are saved again.
      for (const { id, text } of report.unsaved) {
        await get().loadNote(id);
        if (get().notes[id]?.text !== text) get().editNote(id, text);
      }
    },
  };
};
