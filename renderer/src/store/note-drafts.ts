// A note draft's state machine as pure functions: each takes a draft (and what
// happened) and gives the next draft, or says what the slice should do next.
// No timers, no API, no store: notes-slice.ts does those, and these are
// tested on their own.

import type { SaveNoteResponse } from '../../../electron/shared/ipc-contract';
import type { ConflictChoice, DiskVersion, NoteDraft, NoteStatus } from './types';

/**
 * A keystroke this recent means the reader is typing (the save debounce's quiet time): a
 * change on disk then is never swapped in under their cursor, even if their last save landed.
 */
export const TYPING_PAUSE_MS = 250;

/** Between the two texts when the reader merges a conflict. */
export const MERGE_SEPARATOR = '\n\n---\n\n';

/** A draft for a note not read yet (`loading`), or (`idle`) one made by a restore. */
export function emptyDraft(status: NoteStatus = 'loading'): NoteDraft {
  return {
    text: '',
    persisted: '',
    baseRevision: null,
    status,
    error: null,
    updated: null,
    unreadable: null,
    conflict: null,
    typedAt: null,
  };
}

/** Statuses in which the draft may be written (loading: nothing to write yet; conflict: the reader picks first). */
export function canSave(status: NoteStatus): boolean {
  return status !== 'loading' && status !== 'load-error' && status !== 'conflict';
}

/**
 * Whether a keystroke may change the draft. In a conflict too: the editor never stops taking
 * input, and the reader's choice then applies to everything they typed.
 */
export function canEdit(draft: NoteDraft | undefined): draft is NoteDraft {
  return draft !== undefined && draft.status !== 'loading' && draft.status !== 'load-error';
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

/** The disk holds exactly `text` as a readable note: nothing to choose between. */
export function holdsText(disk: DiskVersion, text: string): boolean {
  return disk.text === text && !disk.unreadable;
}

/** Takes the disk's version as the draft, replacing its text (only when nothing unsaved is in it). */
export function fromDisk(draft: NoteDraft, disk: DiskVersion, status: NoteStatus): NoteDraft {
  const { text, revision: baseRevision, updated, unreadable } = disk;
  return { ...draft, text, persisted: text, baseRevision, updated, unreadable, conflict: null, error: null, status };
}

/**
 * A keystroke at `at` (ms; the caller has checked `canEdit`). A failed save's error stays until a
 * save succeeds, so the warning does not flicker; a conflict stays until the reader picks.
 */
export function edited(draft: NoteDraft, text: string, at: number): NoteDraft {
  return { ...draft, text, typedAt: at, status: draft.status === 'conflict' ? 'conflict' : 'dirty' };
}

/** `text` is on disk now at `at`; keystrokes typed since keep the draft dirty. */
export function persisted(draft: NoteDraft, text: string, at: { revision: string | null; updated: string | null }): NoteDraft {
  return {
    ...draft,
    persisted: text,
    baseRevision: at.revision,
    updated: at.updated,
    conflict: null,
    error: null,
    status: draft.text === text ? 'saved' : 'dirty',
  };
}

/** Our save of `text` went through: as `persisted`, and the file is a readable note again. */
export function saved(draft: NoteDraft, text: string, response: Extract<SaveNoteResponse, { status: 'saved' }>): NoteDraft {
  return { ...persisted(draft, text, response), unreadable: null };
}

/** The disk holds another text than the draft's: nothing is written until the reader picks. */
export function inConflict(draft: NoteDraft, disk: DiskVersion): NoteDraft {
  return { ...draft, status: 'conflict', conflict: disk, error: null };
}

/** What `saveNote` does with a draft. */
export type SaveStep =
  /** Nothing: no draft, or one that may not be written now. */
  | 'none'
  /** The text is on disk already; a dirty or failed draft is marked saved. */
  | 'settle'
  /** Write the text. */
  | 'write';

export function saveStep(draft: NoteDraft | undefined): SaveStep {
  if (!draft || !canSave(draft.status)) return 'none';
  return draft.text === draft.persisted ? 'settle' : 'write';
}

/** The draft settled by `saveStep`'s 'settle': a dirty or failed draft is saved; others stay as they are. */
export function settled(draft: NoteDraft): NoteDraft {
  return draft.status === 'dirty' || draft.status === 'error' ? { ...draft, status: 'saved', error: null } : draft;
}

/**
 * The reader's choice in a conflict (the caller has checked there is one): the
 * text chosen, starting from their version, which is on disk now, so the save
 * that follows names its revision. `idle` when the text chosen is theirs
 * (nothing to write), `dirty` otherwise.
 */
export function resolved(draft: NoteDraft & { conflict: DiskVersion }, choice: ConflictChoice): NoteDraft {
  const theirs = draft.conflict;
  let text = draft.text;
  if (choice === 'theirs') text = theirs.text;
  else if (choice === 'merge') {
    // Both, mine first; an empty side adds nothing but a separator.
    if (!draft.text.trim()) text = theirs.text;
    else if (theirs.text.trim()) text = draft.text + MERGE_SEPARATOR + theirs.text;
  }
  return {
    ...draft,
    text,
    persisted: theirs.text,
    baseRevision: theirs.revision,
    updated: theirs.updated ?? draft.updated,
    unreadable: theirs.unreadable,
    conflict: null,
    error: null,
    status: text === theirs.text ? 'idle' : 'dirty',
  };
}

/** What a draft does when its file changed on disk (and no write of ours is on its way). */
export type DiskReaction =
  /** Take the disk's text: the draft had none yet (`idle`), or no unsaved edits (`updated`, shown briefly). */
  | { kind: 'adopt'; status: 'idle' | 'updated' }
  /** The disk has the draft's own text: `persisted` with the disk's revision. */
  | { kind: 'same' }
  /** Still the reader's choice, now against this newer version. */
  | { kind: 'conflict' }
  /** The draft is on disk, but the reader is typing: keep both and let them choose, rather than replace the text they type into. */
  | { kind: 'keep-both' }
  /** Already known: usually the watcher reporting our own write. */
  | { kind: 'known' }
  /** Unsaved edits on both sides: save now against the old revision, so main refuses it as a conflict and keeps the draft in history. */
  | { kind: 'save' };

/** The reader typed within the last `TYPING_PAUSE_MS` before `now` (ms). */
export function isTyping(draft: NoteDraft, now: number): boolean {
  return draft.typedAt !== null && now - draft.typedAt < TYPING_PAUSE_MS;
}

export function reactToDisk(draft: NoteDraft, disk: DiskVersion, now: number): DiskReaction {
  if (draft.status === 'loading' || draft.status === 'load-error') return { kind: 'adopt', status: 'idle' };
  if (draft.status === 'conflict') return holdsText(disk, draft.text) ? { kind: 'same' } : { kind: 'conflict' };
  if (disk.revision === draft.baseRevision) return { kind: 'known' };
  if (holdsText(disk, draft.text)) return { kind: 'same' };
  if (draft.text !== draft.persisted) return { kind: 'save' };
  return isTyping(draft, now) ? { kind: 'keep-both' } : { kind: 'adopt', status: 'updated' };
}
