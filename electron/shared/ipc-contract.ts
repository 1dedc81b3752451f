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
import type { JournalRequest, JournalResponse, NextUnansweredRequest, NextUnansweredResponse, ReadingMarkRequest, ReadingMarkResponse } from './loop-contract';
import type { LibraryMissingEvent, RecentLibrary } from './libraries';
import type { StoryDetail, IndexStatus, LibrarySnapshot, ViewRequest, ViewResponse, RowsRequest, RowsResponse, CountsResponse, SearchRequest, SearchResponse, StoryRequest } from './library-contract';
import type { SaveNoteRequest, SaveNoteResponse, NotesOverview, NoteChangedEvent, RecoveryReport, NotesMoveState, FlushReport } from './notes-contract';
import type { FindRequest, FindResponse, RelatedRequest, RelatedResponse, SavedSearch } from './search-contract';

export type { LineWidth, StoryFont, ThemeChoice, ViewPrefs } from './view-prefs';
export type { EditorModeChoice, LoopView } from './loop-view';
export type * from './loop-contract';
export * from './library-contract';
export type * from './notes-contract';
export type { LibraryMissingEvent, RecentLibrary } from './libraries';

export type { Diagnostic, FieldHighlights, Note, Range, SourceFile, StoryField, Topic, UnreadableNote };
// What the notes store answers is what crosses IPC: one definition, in core.
export type { ImportReport, NoteLoad, NoteVersion, NoteView };

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
