// The notes half of the IPC contract: saving, conflicts, orphans, flushing and recovery.
// Re-exported by ipc-contract.ts.

import type { UnreadableNote, NoteLoad, NoteView } from '../core/types';

export interface SaveNoteRequest {
  id: string;
  text: string;
  /**
   * The revision the edited text started from (null: there was no file). When the file on disk
   * has another revision, it was changed by someone else: the save is refused as a conflict
   * and nothing is overwritten. Omit to save unconditionally.
   */
  baseRevision?: string | null;
}

export type SaveNoteResponse =
  | {
      status: 'saved';
      id: string;
      updated: string;
      revision: string;
      /** True when the note has text (an emptied note still exists on disk, but counts as unanswered). */
      answered: boolean;
    }
  /** The note changed on disk since `baseRevision`: both texts are kept, the user picks. */
  | { status: 'conflict'; id: string; disk: NoteLoad };

/** An orphaned note, with its text shortened for a list row as a story's snippet is. */
export interface OrphanNote extends NoteView {
  snippet: string;
}

export interface NotesOverview {
  /** Notes whose story is not in the current library, each with the snippet its row shows. */
  orphans: OrphanNote[];
  unreadable: UnreadableNote[];
}

/** A note file changed on disk by another program (or was removed). */
export interface NoteChangedEvent {
  id: string;
  load: NoteLoad;
}

/** After main reopened a window whose page had crashed or hung (asked once by the new page). */
export interface RecoveryReport {
  /** The last note saved before, and when (ISO time); null when none was saved in this run. */
  lastSaved: { id: string; at: string } | null;
  /** Texts whose last save failed, which main still holds: put back in their notes to be saved again. */
  unsaved: Array<{ id: string; text: string }>;
}

/** Moving the notes folder: the editor is read-only meanwhile ('moved': until the restart), since a save would land in the old folder. */
export type NotesMoveState = 'moving' | 'moved' | 'idle';

export interface FlushReport {
  /** Notes whose latest text could not be written (the user is asked before quitting). */
  unsaved: number;
}
