// The shape of the one app store, built from slices. Each slice owns its data
// and the actions that change it; actions reach other slices through `get()`.
import type { StateCreator } from 'zustand';
import type {
  IndexStatus,
  LibrarySnapshot,
  PonderApi,
  SearchHitView,
} from '../../../electron/shared/ipc-contract';

/** A topic or file filter, encoded as it is saved in the view state. */
export type FilterKey = `topic:${string}` | `source:${string}`;

export interface LibrarySlice {
  /** False until startup has asked for the current library, so the empty state never flashes. */
  libraryLoaded: boolean;
  snapshot: LibrarySnapshot | null;
  indexStatus: IndexStatus;
  /** Stories with a non-empty note: the snapshot's list, kept live as notes are saved. */
  notedIds: ReadonlySet<string>;
  /** Loads the current library and restores the last view. */
  startup(): Promise<void>;
  /** Replaces the library, keeping the selection where it still exists. */
  setSnapshot(snapshot: LibrarySnapshot | null): void;
  setIndexStatus(status: IndexStatus): void;
  setNoted(id: string, answered: boolean): void;
  /** Asks the user for a folder; pending notes are saved first. */
  openFolder(): Promise<void>;
}

export interface SelectionSlice {
  /** null: all stories. */
  selectedFilter: FilterKey | null;
  selectedStoryId: string | null;
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
  /** Matches in the whole library (hits are capped by the request's limit). */
  total: number;
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

export type NoteStatus = 'loading' | 'load-error' | 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/** A story's note as edited. The editor text is the source of truth until it is on disk. */
export interface NoteDraft {
  text: string;
  /** The text last known to be on disk. */
  persisted: string;
  status: NoteStatus;
  error: string | null;
  /** ISO time of the last save, from the note or a save response. */
  updated: string | null;
}

export interface NotesSlice {
  /** Drafts by story id, so switching back to a story shows its unsaved text. */
  notes: Record<string, NoteDraft>;
  /** Loads a story's note unless a draft for it is already here. */
  loadNote(id: string): Promise<void>;
  /** Records a keystroke and schedules a save. */
  editNote(id: string, text: string): void;
  /** Saves one note now; resolves once the editor text at call time (or later) is on disk, or failed. */
  saveNote(id: string): Promise<void>;
  /** Saves every note with unsaved text. */
  flushNotes(): Promise<void>;
}

/** Write only, the editor with its live preview under it, or the preview only. */
export type EditorMode = 'write' | 'split' | 'preview';

export interface UiSlice {
  diagnosticsOpen: boolean;
  /** Bumped to ask the search box to take focus (menu command, Ctrl/Cmd+F, "/"). */
  searchFocusRequest: number;
  editorMode: EditorMode;
  /** A message about something that failed outside any pane (e.g. opening a folder). */
  notice: string | null;
  openDiagnostics(): void;
  closeDiagnostics(): void;
  requestSearchFocus(): void;
  setEditorMode(mode: EditorMode): void;
  showNotice(message: string | null): void;
}

export type AppState = LibrarySlice & SelectionSlice & SearchSlice & NotesSlice & UiSlice;

/** A slice creator that receives the API it talks to, so tests can hand it a fake. */
export type SliceCreator<Slice> = (api: PonderApi) => StateCreator<AppState, [], [], Slice>;
