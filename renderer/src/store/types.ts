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
  ShowFilter,
  StoryListItem,
} from '../../../electron/shared/ipc-contract';
import type { FoundHit, NotePassage, SavedSearch, SearchIn, SearchSort } from '../../../electron/shared/search-contract';
import type { MarkChanges } from './story-marks';
import type { ViewPrefsSlice } from './view-prefs';

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
  /** Position of the selected story in the list on show; -1 while unknown or not in it. */
  selectedPosition: number;
  selectFilter(filter: FilterKey | null): void;
  /**
   * Saves the note being left, then loads the note of the story chosen. `position`: where it is
   * in the list on show, when the caller knows (a row click, a keyboard move); found otherwise.
   */
  selectStory(id: string | null, position?: number): void;
  /** Moves the selection through the visible list (ArrowUp/Down, j/k, menu). */
  moveSelection(delta: 1 | -1): void;
}

/** What the stories pane lists: a view of the library, of a search's hits, or of the orphaned notes. */
export interface ListView {
  /** Bumped for each new view: rows and answers asked for an older one are dropped. */
  seq: number;
  /** The library generation the view is of (0: none). */
  generation: number;
  filter: FilterKey | null;
  /** The Show choice the rows answer ('all' for the orphans, which it does not narrow). */
  show: ShowFilter;
  /** 'library': rows by position from main; 'search': rows of the hits' ids from main; 'orphans': rows held here. */
  kind: 'library' | 'search' | 'orphans';
  /** Rows in the view; null until main has answered. */
  count: number | null;
  /** A search's hit ids, best first. */
  ids: readonly string[] | null;
  /**
   * The passages of the notes that matched, by story id (a search in Notes or Both). What a hit's
   * own text marks comes with its row (StoryListItem.match), asked for with the query.
   */
  notes: ReadonlyMap<string, NotePassage> | null;
  /** The search these rows answer, if any. */
  query: string | null;
  /** Matches for the query within the filter (before the hit limit). */
  searchTotal: number;
}

/** Rows of a page, by position within it; a row main did not find is undefined. */
export type ListPage = readonly (StoryListItem | undefined)[];

export interface StoryListSlice {
  listView: ListView;
  /** Fetched pages of the view, by page number (LIST_PAGE_ROWS rows each): only those near the viewport. */
  listPages: ReadonlyMap<number, ListPage>;
  /** The stories pane's Show choice: all stories, or only the unread, starred, unanswered or answered ones. */
  listShow: ShowFilter;
  /** Chooses what the list shows (with the topic, file and search); a search is ranked again within it. */
  setListShow(show: ShowFilter): void;
  /** Builds the view again from the library, filter, search and orphans (the store calls it when they change). */
  refreshList(): void;
  /** Rows `start`..`end` (inclusive) are on screen: fetches the pages missing around them. */
  showRows(start: number, end: number): void;
  /** Selects story `id` once the view says it is in it (else its first story), as the saved view state asks at startup. */
  restoreSelection(id: string): void;
  /** Selects the story at `position` of the view, fetching its row first when needed. */
  selectAt(position: number): void;
  /** The unanswered counts changed (a note was answered or emptied): asks main for the topics' counts. */
  refreshCounts(): void;
}

/** Results of the last successful search. */
export interface SearchResults {
  /** The query these hits answer (also sent to `getStory` for highlights). */
  query: string;
  /** Best first. */
  /** A hit found by its note carries the note's passage (search:find). */
  hits: FoundHit[];
  /** Matches within `filter` (hits are capped by the request's limit). */
  total: number;
  /** The topic, file or orphans filter the hits were ranked within (null: the whole library). */
  filter: FilterKey | null;
  /** The Show choice they were ranked within. */
  show: ShowFilter;
}

export type SearchStatus = 'idle' | 'ready' | 'error' | 'pending';

export interface SearchSlice {
  /** What the search box shows. */
  searchInput: string;
  searchStatus: SearchStatus;
  /** Cleared when a later query fails or is unfinished: the list never shows another query's results. */
  searchResults: SearchResults | null;
  searchError: string | null;
  /** Debounces, then searches. An empty input clears the search at once. */
  setSearchInput(text: string): void;
  clearSearch(): void;
  /** Searches for the current input now; a stale answer never overwrites a newer one. */
  runSearch(): Promise<void>;
  /** What the search looks in (stories, the reader's notes, or both) and how its hits are sorted: main answers both (search:find). */
  searchIn: SearchIn;
  searchSort: SearchSort;
  /** Change them; a query in the box is searched again at once. */
  setSearchIn(searchIn: SearchIn): void;
  setSearchSort(searchSort: SearchSort): void;
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

/** Dialogs, requests between components, and the reader's view preferences (view-prefs.ts). */
export interface UiSlice extends ViewPrefsSlice {
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

/** Where a keyboard action sends focus: the stories list, the search box, or the note editor. */
export type FocusTarget = 'list' | 'search' | 'editor';

/** A short message at the bottom of the window, with at most one action (Undo, Show). */
export interface Toast {
  message: string;
  actionLabel: string | null;
  /** Bumped for each new toast, so the same message shown twice is announced and timed again. */
  seq: number;
}

export interface ReadingSlice {
  /**
   * The reader's own read and starred marks since the window opened, shown over the marks main
   * sends with each row and story (story-marks.ts): changed here at once, then sent on.
   */
  readChanges: MarkChanges;
  starChanges: MarkChanges;
  /** The open story the reader marked unread with `m`: not marked read again while it stays open. */
  keptUnreadId: string | null;
  toast: Toast | null;
  /** A keyboard action's request for focus; `id`: the story whose editor should take it. Cleared once handled. */
  focusRequest: { target: FocusTarget; id: string | null; seq: number } | null;
  shortcutsOpen: boolean;
  reflectionsOpen: boolean;
  /** The first-run welcome was seen (state.json); null until the view state is loaded. */
  welcomed: boolean | null;
  setWelcomed(welcomed: boolean): void;
  /** Marks stories read or unread; resolves with the ids whose mark changed in main. */
  markRead(ids: readonly string[], read: boolean): Promise<string[]>;
  /** `m`: the selected story (or `id`) read ↔ unread. */
  toggleRead(id?: string | null): void;
  /** `s`: star or unstar the selected story (or `id`). */
  toggleStar(id?: string | null): void;
  /** Marks every story of the list on show as read, with Undo in a toast. */
  markViewRead(): Promise<void>;
  showToast(message: string, action?: { label: string; run: () => void } | null): void;
  runToastAction(): void;
  dismissToast(): void;
  requestFocus(target: FocusTarget, id?: string | null): void;
  /** The component asked has taken focus. */
  focusHandled(): void;
  /** From the search box (↓, Enter): runs the search if needed, selects the first hit and focuses the results. */
  enterResults(): Promise<void>;
  setShortcutsOpen(open: boolean): void;
  setReflectionsOpen(open: boolean): void;
  /** `n`: opens the next story whose question has no note and puts the cursor in the editor; says so when none is left. */
  nextUnanswered(): Promise<void>;
  /** `[` / `]`: the previous or next topic of the topics list. */
  stepTopic(delta: 1 | -1): void;
}

export type AppState = LibrarySlice & SelectionSlice & StoryListSlice & SearchSlice & NotesSlice & UiSlice & ReadingSlice & SavedSearchesSlice;

/** A slice creator that receives the API it talks to, so tests can hand it a fake. */
export type SliceCreator<Slice> = (api: PonderApi) => StateCreator<AppState, [], [], Slice>;

export interface SavedSearchesSlice {
  savedSearches: readonly SavedSearch[];
  /** Live totals by saved search id; missing while being counted or while the index builds. */
  savedCounts: Readonly<Record<string, number>>;
  loadSavedSearches(): Promise<void>;
  /** Pins the search box's query with the filter and scope on screen; false when there is nothing to save. */
  saveCurrentSearch(): Promise<boolean>;
  /** Puts a saved search's query, filter and scope back on screen. */
  runSavedSearch(id: string): void;
  renameSavedSearch(id: string, name: string): Promise<void>;
  moveSavedSearch(id: string, delta: 1 | -1): Promise<void>;
  /** Deletes it, with Undo in a toast. */
  deleteSavedSearch(id: string): Promise<void>;
  /** The same query over every story: drops the topic or file filter. */
  widenSearch(): void;
}
