// The shape of the one app store, built from slices. Each slice owns its data
// and the actions that change it; actions reach other slices through `get()`.
import type { StateCreator } from 'zustand';
import type {
  AppInfo,
  IndexStatus,
  LibrarySnapshot,
  NoteLoad,
  NotesMoveState,
  NotesOverview,
  PonderApi,
  SearchHitView,
} from '../../../electron/shared/ipc-contract';

/** A topic or file filter, or the orphaned notes, encoded as it is saved in the view state. */
export type FilterKey = `topic:${string}` | `source:${string}` | 'orphans';

export interface LibrarySlice {
  /** False until startup has asked for the current library, so the empty state never flashes. */
  libraryLoaded: boolean;
  snapshot: LibrarySnapshot | null;
  indexStatus: IndexStatus;
  /** Stories with a non-empty note: the snapshot's list, kept live as notes are saved. */
  notedIds: ReadonlySet<string>;
  /** Version and data folder, once startup has asked. */
  appInfo: AppInfo | null;
  /** Loads the current library and restores the last view. */
  startup(): Promise<void>;
  /** Replaces the library, keeping the selection where it still exists. */
  setSnapshot(snapshot: LibrarySnapshot | null): void;
  setIndexStatus(status: IndexStatus): void;
  setNoted(id: string, answered: boolean): void;
  /** Asks the user for a folder; pending notes are saved first. */
  openFolder(): Promise<void>;
  /** Opens the data folder (where the notes live) in the system's file manager. */
  revealDataFolder(): Promise<void>;
}

export interface SelectionSlice {
  /** null: all stories. */
  selectedFilter: FilterKey | null;
  selectedStoryId: string | null;
  /**
   * A selected story that left the library in a reload while its note has text: it stays
   * selected (the note is being written) until the reader chooses something else.
   */
  pinnedStoryId: string | null;
  selectFilter(filter: FilterKey | null): void;
  /** Saves the note being left, then loads the note of the story chosen. */
  selectStory(id: string | null): void;
  /** Moves the selection through the visible list (ArrowUp/Down, j/k, menu). */
  moveSelection(delta: 1 | -1): void;
}

/** Results of the last successful search. */
export interface SearchResults {
  /** The query these hits answer (also sent to `getStory` for highlights). */
  query: string;
  /** Best first. */
  hits: SearchHitView[];
  /** Matches within `filter` (hits are capped by the request's limit). */
  total: number;
  /** The topic, file or orphans filter the hits were ranked within (null: the whole library). */
  filter: FilterKey | null;
}

export type SearchStatus = 'idle' | 'ready' | 'error' | 'pending';

export interface SearchSlice {
  /** What the search box shows. */
  searchInput: string;
  searchStatus: SearchStatus;
  /** Kept when a later query fails, so the list can stay (dimmed) instead of emptying. */
  searchResults: SearchResults | null;
  searchError: string | null;
  /** Debounces, then searches. An empty input clears the search at once. */
  setSearchInput(text: string): void;
  clearSearch(): void;
  /** Searches for the current input now; a stale answer never overwrites a newer one. */
  runSearch(): Promise<void>;
}

export type NoteStatus =
  | 'loading'
  | 'load-error'
  | 'idle'
  | 'dirty'
  | 'saving'
  | 'saved'
  | 'error'
  /** The file changed on disk while this draft had unsaved edits: nothing is saved until the reader picks. */
  | 'conflict'
  /** The draft just took the file's new text from disk (shown briefly). */
  | 'updated';

/** A note file as found on disk, reduced to what a draft needs. */
export interface DiskVersion {
  text: string;
  /** null: there is no file. */
  revision: string | null;
  updated: string | null;
  /** Set when the file is not a readable note (its text was recovered as far as possible). */
  unreadable: UnreadableFile | null;
}

export interface UnreadableFile {
  file: string;
  reason: string;
}

/** A story's note as edited. The editor text is the source of truth until it is on disk. */
export interface NoteDraft {
  text: string;
  /** The text last known to be on disk. */
  persisted: string;
  /** Revision of the file the text started from (null: no file); a save names it so others' changes are never overwritten. */
  baseRevision: string | null;
  status: NoteStatus;
  error: string | null;
  /** ISO time of the last save, from the note or a save response. */
  updated: string | null;
  /** The file could not be read as a note; the draft holds the recovered text. Cleared by the first save. */
  unreadable: UnreadableFile | null;
  /** While `status` is 'conflict': the version on disk that differs from the draft. */
  conflict: DiskVersion | null;
  /** When the reader last typed in it (ms since the epoch); null: not typed in since it was loaded. */
  typedAt: number | null;
}

export type ConflictChoice = 'mine' | 'theirs' | 'merge';

export interface NotesSlice {
  /** Drafts by story id, so switching back to a story shows its unsaved text. */
  notes: Record<string, NoteDraft>;
  /** Notes whose story is gone from the library, and note files that cannot be read at all. */
  notesOverview: NotesOverview;
  /** Loads a story's note unless a draft for it is already here. */
  loadNote(id: string): Promise<void>;
  /** Records a keystroke and schedules a save (in a conflict nothing is saved until the reader picks). */
  editNote(id: string, text: string): void;
  /** Saves one note now; resolves once the editor text at call time (or later) is on disk, or failed. */
  saveNote(id: string): Promise<void>;
  /** Saves every note with unsaved text (conflicts wait for the reader). */
  flushNotes(): Promise<void>;
  /** Tries every failed save again now. */
  retryFailedSaves(): void;
  /** Settles a conflict: keep the draft, take the disk's text, or keep both one after the other. */
  resolveConflict(id: string, choice: ConflictChoice): Promise<void>;
  /** A note file changed on disk (another editor, a sync tool): adopt it, or (unsaved edits) save into a conflict. */
  noteChangedOnDisk(id: string, load: NoteLoad): void;
  /** Makes an earlier version the note's text (itself a new version); resolves with an error message, or null. */
  restoreNoteVersion(id: string, version: string): Promise<string | null>;
  /** Deletes every earlier version of the note (the reader confirmed); resolves with an error message, or null. */
  purgeNoteHistory(id: string): Promise<string | null>;
  /** Deletes the note and its history (the reader confirmed) and drops its draft; resolves with an error message, or null. */
  deleteNote(id: string): Promise<string | null>;
  /** Asks main for orphaned and unreadable notes again. */
  refreshNotesOverview(): Promise<void>;
  /** After main reopened a crashed or hung window: tells the reader when their note was last saved, and puts back texts main held. */
  recoverAfterCrash(): Promise<void>;
}

/** Write only, the editor with its live preview under it, or the preview only. */
export type EditorMode = 'write' | 'split' | 'preview';

/** Asks the note editor of `id` to select its whole text (bumped each time). */
export interface NoteSelectRequest {
  id: string;
  seq: number;
}

export interface UiSlice {
  diagnosticsOpen: boolean;
  /** The history dialog of the selected story's note. */
  historyOpen: boolean;
  noteSelectRequest: NoteSelectRequest | null;
  /** Bumped to ask the search box to take focus (menu command, Ctrl/Cmd+F, "/"). */
  searchFocusRequest: number;
  editorMode: EditorMode;
  /** A message about something that failed outside any pane (e.g. opening a folder). */
  notice: string | null;
  /** Main is moving the notes folder ('moved': Ponder restarts next): the editor is read-only, since a save would land in the old folder. */
  notesMoveState: NotesMoveState;
  openDiagnostics(): void;
  closeDiagnostics(): void;
  /** Opens the history of the selected story's note (nothing selected: does nothing). */
  openHistory(): void;
  closeHistory(): void;
  /** Shows a note and selects its text, so the reader can copy it by hand. */
  requestNoteSelect(id: string): void;
  /** The editor has selected the text it was asked to. */
  noteSelectHandled(): void;
  requestSearchFocus(): void;
  setEditorMode(mode: EditorMode): void;
  showNotice(message: string | null): void;
  setNotesMoveState(state: NotesMoveState): void;
}

export type AppState = LibrarySlice & SelectionSlice & SearchSlice & NotesSlice & UiSlice;

/** A slice creator that receives the API it talks to, so tests can hand it a fake. */
export type SliceCreator<Slice> = (api: PonderApi) => StateCreator<AppState, [], [], Slice>;
