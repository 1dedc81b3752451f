// The IPC contract: every call the renderer can make and every event it can
// receive, written once. Main registers handlers from this table, the preload
// builds `window.ponder` from it mechanically, and the e2e test host does the
// same over its own transport. No imports from electron or Node here: this file
// is bundled into the sandboxed preload and the renderer.

import type {
  Diagnostic,
  FieldHighlights,
  Note,
  Range,
  SourceFile,
  StoryField,
  Topic,
  UnreadableNote,
} from '../core/types';

import type { ImportReport, NoteLoad, NoteVersion, NoteView } from '../core/types';
import type { LineWidth, StoryFont, ThemeChoice, ViewPrefs } from './view-prefs';
import type { LoopView } from './loop-view';
import type { HitPassage, JournalRequest, JournalResponse, LoopCounts, NextUnansweredRequest, NextUnansweredResponse, ReadingMarkRequest, ReadingMarkResponse, ReadingSets, ShowRequest } from './loop-contract';
import type { LibraryMissingEvent, RecentLibrary } from './libraries';
import type { FindRequest, FindResponse, RelatedRequest, RelatedResponse, SavedSearch } from './search-contract';

export type { LineWidth, StoryFont, ThemeChoice, ViewPrefs } from './view-prefs';
export type { EditorModeChoice, LoopView } from './loop-view';
export type * from './loop-contract';
export type { LibraryMissingEvent, RecentLibrary } from './libraries';

export type { Diagnostic, FieldHighlights, Note, Range, SourceFile, StoryField, Topic, UnreadableNote };
// What the notes store answers is what crosses IPC: one definition, in core.
export type { ImportReport, NoteLoad, NoteVersion, NoteView };

/** A story as listed in the stories pane: enough for a row, not the whole text. */
export interface StoryListItem {
  id: string;
  source: string;
  line: number;
  title: string;
  snippet: string;
}

/** A story shown whole in the reading pane. */
export interface StoryDetail extends StoryListItem {
  summary: string;
  reflection: string;
  question: string;
  /** Names of the story's topics, most specific first (its chips). */
  topics: string[];
  /** Present when the request named a query: ranges to mark in each field. */
  highlights?: FieldHighlights;
}

/** State of the search index, which builds after the stories are shown. */
export type IndexStatus =
  | { state: 'idle' }
  /** `phase: 'reading'`: the library's files are being read (done/total count files); otherwise stories indexed. */
  | { state: 'building'; done: number; total: number; phase?: 'reading' }
  | { state: 'ready'; storyCount: number; millis: number; fromCache?: boolean }
  | { state: 'failed'; error: string };

/** A topic as the topics pane lists it: membership stays in main (`library:view`, `library:rows`). */
export interface TopicSummary {
  name: string;
  storyCount: number;
  /** Its stories without a non-empty note. */
  unanswered: number;
}

/**
 * What the renderer needs to open a library: counts and the first screen of rows, never the
 * whole list (a 100k-story library opens with well under 1 MB). Further rows, filters and
 * positions are asked for as the reader scrolls (`library:view`, `library:rows`).
 */
export interface LibrarySnapshot extends LoopCounts {
  folder: string;
  /** Folder's base name, for the title bar. */
  name: string;
  /** Bumps whenever a different or reloaded library replaces this one. */
  generation: number;
  /** Every story of the library (of those read so far, while it is still being read). */
  storyCount: number;
  /** The first rows of "all stories", in library order (at most FIRST_ROWS): the first screen, with no second request. */
  stories: StoryListItem[];
  /** Most stories first. */
  topics: TopicSummary[];
  sources: SourceFile[];
  diagnostics: Diagnostic[];
  /** Ids of stories that have a non-empty note. */
  notedIds: string[];
  index: IndexStatus;
}

/**
 * A topic or a file of the library, encoded as the renderer's filter keys are: `topic:<name>`
 * or `source:<path>`. null (in a request) is all stories.
 */
export type StoryFilter = `topic:${string}` | `source:${string}`;

/** Rows of "all stories" in a snapshot, and the most `library:rows` answers at once. */
export const FIRST_ROWS = 60;
export const MAX_ROWS_PER_REQUEST = 1_000;

export interface ViewRequest extends ShowRequest {
  /** The snapshot's generation the renderer shows: an answer for another one is dropped there. */
  generation: number;
  filter: StoryFilter | null;
  /** A story whose position in the view to answer (the selection). */
  locate?: string;
}

export interface ViewResponse {
  generation: number;
  /** Stories in the view (0 when the filter names nothing in this library). */
  count: number;
  /** Position of `locate` in the view, or -1 (also when no `locate` was asked). */
  position: number;
  /** `locate` is a story of the library (in this view or not). */
  known: boolean;
}

/** A window of a view by position, or rows by id (a search's hits); ids unknown to the library are left out. */
export type RowsRequest =
  | ({ generation: number; filter: StoryFilter | null; start: number; end: number } & Pick<ShowRequest, 'show'>)
  | { generation: number; ids: string[] };

export interface RowsResponse {
  generation: number;
  rows: StoryListItem[];
}

export interface CountsResponse extends LoopCounts {
  generation: number;
  topics: TopicSummary[];
}

export interface SearchRequest extends Pick<ShowRequest, 'show'> {
  query: string;
  /** Most hits to return with highlights. */
  limit?: number;
  /** Search this topic's or file's stories only (main resolves them; the renderer holds no membership). */
  filter?: StoryFilter;
  /**
   * Search these library stories only (the topic or file on screen): hits are
   * ranked among them and `total` counts the matches among them.
   */
  ids?: string[];
  /** What to search: the library's stories (default), or the orphaned notes (question, and note text as reflection). */
  scope?: SearchScope;
}

export type SearchScope = 'library' | 'orphans';

export interface SearchHitView extends HitPassage {
  id: string;
  score: number;
  /** Ranges inside the list item's title and snippet. */
  highlights: { title: Range[]; snippet: Range[] };
}

export type SearchResponse =
  /** `total`: every match in the scope searched (the hits stop at the limit). */
  | { ok: true; query: string; total: number; hits: SearchHitView[] }
  | { ok: false; query: string; error: string }
  | { ok: 'pending'; query: string; index: IndexStatus };

export interface StoryRequest {
  id: string;
  query?: string;
}

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

/** Small UI state remembered across runs (inside DATA/state.json): the selection and the reader's view preferences. */
export interface ViewState extends ViewPrefs, LoopView {
  selectedTopic?: string | null;
  selectedStoryId?: string | null;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  platform: string;
}

/** Menu commands main sends to the renderer. */
export type MenuCommand =
  | 'focus-search'
  | 'next-story'
  | 'previous-story'
  | 'next-unanswered'
  | 'show-reflections'
  | 'show-shortcuts'
  | 'show-diagnostics'
  | 'show-history'
  | 'toggle-topics'
  | 'text-bigger'
  | 'text-smaller'
  | 'text-reset'
  | `theme-${ThemeChoice}`
  | `line-width-${LineWidth}`
  | `story-font-${StoryFont}`;

/**
 * Request/response signatures, keyed by channel. Channel names are namespaced
 * `area:verb`; the preload refuses anything not listed here.
 */
export interface InvokeChannels {
  'app:info': { request: void; response: AppInfo };
  'library:current': { request: void; response: LibrarySnapshot | null };
  'library:choose': { request: void; response: LibrarySnapshot | null };
  'library:reload': { request: void; response: LibrarySnapshot | null };
  /** Open a folder dropped on the window: called only by `openDroppedFolder`, which takes the path from the dropped File. */
  'library:open': { request: { folder: string }; response: LibrarySnapshot };
  /** File ▸ Open Recent: the remembered folders (`missing` checked now), and opening, forgetting or clearing them. */
  'library:recents': { request: void; response: RecentLibrary[] };
  'library:open-recent': { request: { folder: string }; response: LibrarySnapshot };
  'library:forget-recent': { request: { folder: string }; response: RecentLibrary[] };
  'library:clear-recents': { request: void; response: RecentLibrary[] };
  /** How many stories a topic, file or all stories hold, and where one story is among them. */
  'library:view': { request: ViewRequest; response: ViewResponse };
  /** Rows of a view by position, or by id. */
  'library:rows': { request: RowsRequest; response: RowsResponse };
  /** The topics' counts again (after a note was answered or emptied). */
  'library:counts': { request: { generation: number }; response: CountsResponse };
  'search:query': { request: SearchRequest; response: SearchResponse };
  /** Search stories, notes or both, sorted (search-contract.ts); related stories; the saved searches. */
  'search:find': { request: FindRequest; response: FindResponse };
  'story:related': { request: RelatedRequest; response: RelatedResponse };
  'searches:get': { request: void; response: SavedSearch[] };
  'searches:set': { request: { searches: SavedSearch[] }; response: SavedSearch[] };
  /** The next story of a list whose question has no note. */
  'library:next-unanswered': { request: NextUnansweredRequest; response: NextUnansweredResponse };
  'reading:get': { request: void; response: ReadingSets };
  'reading:mark': { request: ReadingMarkRequest; response: ReadingMarkResponse };
  'reading:star': { request: { id: string; starred: boolean }; response: void };
  /** The answered notes newest first (the Reflections view), and how many were answered since a time. */
  'notes:journal': { request: JournalRequest; response: JournalResponse };
  'story:get': { request: StoryRequest; response: StoryDetail | null };
  'notes:get': { request: { id: string }; response: NoteLoad };
  'notes:save': { request: SaveNoteRequest; response: SaveNoteResponse };
  'notes:overview': { request: void; response: NotesOverview };
  'notes:history': { request: { id: string }; response: NoteVersion[] };
  'notes:restore': { request: { id: string; version: string }; response: SaveNoteResponse };
  /** Delete every earlier version of one note (the reader confirmed); answers its history, now empty. */
  'notes:purge-history': { request: { id: string }; response: NoteVersion[] };
  /** Delete one note and its history (the reader confirmed). */
  'notes:delete': { request: { id: string }; response: void };
  'notes:export': { request: { format: 'markdown' | 'json' }; response: { file: string; count: number } | null };
  'notes:import': { request: void; response: ImportReport | null };
  'app:reveal-data-folder': { request: void; response: void };
  'view:save': { request: ViewState; response: void };
  'view:load': { request: void; response: ViewState };
  'app:flushed': { request: FlushReport; response: void };
  'app:recovery': { request: void; response: RecoveryReport | null };
  /** Open an http(s) link in the system browser, after the reader saw it and clicked Open. */
  'app:open-external': { request: { url: string }; response: void };
}

/** Events main sends to the renderer, keyed by channel. */
export interface EventChannels {
  'library:changed': LibrarySnapshot;
  'index:status': IndexStatus;
  'menu:command': MenuCommand;
  /** Main is about to quit or close: write pending notes, then call `flushed()`. */
  'app:flush-request': void;
  /** A note file changed on disk (another editor, a sync tool, an import). */
  'notes:changed': NoteChangedEvent;
  'notes:moving': NotesMoveState;
  /** The open library's folder is gone: the window shows the empty screen, which offers Locate… and Remove from Recents. */
  'library:missing': LibraryMissingEvent;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

/** Method name on `window.ponder` → channel. The preload API is generated from this. */
export const INVOKE_METHODS = {
  appInfo: 'app:info',
  currentLibrary: 'library:current',
  chooseLibrary: 'library:choose',
  reloadLibrary: 'library:reload',
  recentLibraries: 'library:recents',
  openRecentLibrary: 'library:open-recent',
  forgetRecentLibrary: 'library:forget-recent',
  clearRecentLibraries: 'library:clear-recents',
  libraryView: 'library:view',
  libraryRows: 'library:rows',
  libraryCounts: 'library:counts',
  search: 'search:query',
  find: 'search:find',
  relatedStories: 'story:related',
  savedSearches: 'searches:get',
  saveSearches: 'searches:set',
  nextUnanswered: 'library:next-unanswered',
  readingState: 'reading:get',
  markRead: 'reading:mark',
  starStory: 'reading:star',
  notesJournal: 'notes:journal',
  getStory: 'story:get',
  getNote: 'notes:get',
  saveNote: 'notes:save',
  notesOverview: 'notes:overview',
  noteHistory: 'notes:history',
  restoreNote: 'notes:restore',
  purgeNoteHistory: 'notes:purge-history',
  deleteNote: 'notes:delete',
  exportNotes: 'notes:export',
  importNotes: 'notes:import',
  revealDataFolder: 'app:reveal-data-folder',
  saveViewState: 'view:save',
  loadViewState: 'view:load',
  flushed: 'app:flushed',
  takeRecovery: 'app:recovery',
  openExternal: 'app:open-external',
} as const satisfies Record<string, InvokeChannel>;

export const EVENT_METHODS = {
  onLibraryChanged: 'library:changed',
  onIndexStatus: 'index:status',
  onMenuCommand: 'menu:command',
  onFlushRequest: 'app:flush-request',
  onNoteChanged: 'notes:changed',
  onNotesMoving: 'notes:moving',
  onLibraryMissing: 'library:missing',
} as const satisfies Record<string, EventChannel>;

type InvokeMethods = typeof INVOKE_METHODS;
type EventMethods = typeof EVENT_METHODS;

/** The API the preload exposes as `window.ponder`. */
export type PonderApi = {
  [M in keyof InvokeMethods]: InvokeChannels[InvokeMethods[M]]['request'] extends void
    ? () => Promise<InvokeChannels[InvokeMethods[M]]['response']>
    : (request: InvokeChannels[InvokeMethods[M]]['request']) => Promise<InvokeChannels[InvokeMethods[M]]['response']>;
} & {
  /** Subscribe to an event; returns the unsubscribe function. */
  [M in keyof EventMethods]: (listener: (payload: EventChannels[EventMethods[M]]) => void) => () => void;
} & {
  /**
   * Open a folder dropped on the window. The path is read from the File by the preload
   * (webUtils), never taken from the page: a page can only open what the user dropped.
   */
  openDroppedFolder: (file: File) => Promise<LibrarySnapshot>;
};

/**
 * What crosses the wire for every invoke: only an error's message, never the
 * Error object (Electron would mangle it). The preload unwraps and rethrows.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The start of the error a save answers with when the note is over the size
 * Ponder saves: the renderer treats it as permanent (no retries; the text
 * stays in the editor) rather than as a passing failure.
 */
export const NOTE_TOO_LARGE = 'Ponder: this note is larger than';

/** Build a `PonderApi` over any transport: the preload's ipcRenderer, or the e2e host's binding. */
export function createPonderApi(transport: {
  invoke: (channel: InvokeChannel, request: unknown) => Promise<Envelope<unknown>>;
  on: (channel: EventChannel, listener: (payload: unknown) => void) => () => void;
  /** The path of a dropped file on disk ('' when it has none): Electron's webUtils.getPathForFile. */
  pathForFile: (file: File) => string;
}): PonderApi {
  const api: Record<string, unknown> = {};
  const call = async (channel: InvokeChannel, request?: unknown) => {
    const envelope = await transport.invoke(channel, request);
    if (envelope.ok) return envelope.value;
    throw new Error(envelope.error);
  };
  for (const [method, channel] of Object.entries(INVOKE_METHODS)) {
    api[method] = (request?: unknown) => call(channel, request);
  }
  api['openDroppedFolder'] = (file: File) => {
    let folder = '';
    try {
      folder = transport.pathForFile(file);
    } catch {
      // Not a File at all: main answers what an unreadable drop gets.
    }
    return call('library:open', { folder });
  };
  for (const [method, channel] of Object.entries(EVENT_METHODS)) {
    api[method] = (listener: (payload: unknown) => void) => {
      // Wrap the listener so the transport's own event object never reaches the page.
      return transport.on(channel, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as PonderApi;
}
