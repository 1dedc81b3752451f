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
  /** Present when the request named a query: ranges to mark in each field. */
  highlights?: FieldHighlights;
}

/** State of the search index, which builds after the stories are shown. */
export type IndexStatus =
  | { state: 'idle' }
  | { state: 'building'; done: number; total: number }
  | { state: 'ready'; storyCount: number; millis: number; fromCache?: boolean }
  | { state: 'failed'; error: string };

/** Everything the renderer needs to show a library. */
export interface LibrarySnapshot {
  folder: string;
  /** Folder's base name, for the title bar. */
  name: string;
  /** Bumps whenever a different or reloaded library replaces this one. */
  generation: number;
  stories: StoryListItem[];
  /** Most stories first. The one place topic membership is sent: a story's topics are derived from it. */
  topics: Topic[];
  sources: SourceFile[];
  diagnostics: Diagnostic[];
  /** Ids of stories that have a non-empty note. */
  notedIds: string[];
  index: IndexStatus;
}

export interface SearchRequest {
  query: string;
  /** Most hits to return with highlights. */
  limit?: number;
  /**
   * Search these library stories only (the topic or file on screen): hits are
   * ranked among them and `total` counts the matches among them.
   */
  ids?: string[];
  /** What to search: the library's stories (default), or the orphaned notes (question, and note text as reflection). */
  scope?: SearchScope;
}

export type SearchScope = 'library' | 'orphans';

export interface SearchHitView {
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

/** Small UI state remembered across runs (inside DATA/state.json). */
export interface ViewState {
  selectedTopic?: string | null;
  selectedStoryId?: string | null;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  platform: string;
}

/** Menu commands main sends to the renderer. */
export type MenuCommand = 'focus-search' | 'next-story' | 'previous-story' | 'show-diagnostics' | 'show-history';

/**
 * Request/response signatures, keyed by channel. Channel names are namespaced
 * `area:verb`; the preload refuses anything not listed here.
 */
export interface InvokeChannels {
  'app:info': { request: void; response: AppInfo };
  'library:current': { request: void; response: LibrarySnapshot | null };
  'library:choose': { request: void; response: LibrarySnapshot | null };
  'library:reload': { request: void; response: LibrarySnapshot | null };
  'search:query': { request: SearchRequest; response: SearchResponse };
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
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

/** Method name on `window.ponder` → channel. The preload API is generated from this. */
export const INVOKE_METHODS = {
  appInfo: 'app:info',
  currentLibrary: 'library:current',
  chooseLibrary: 'library:choose',
  reloadLibrary: 'library:reload',
  search: 'search:query',
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
} as const satisfies Record<string, InvokeChannel>;

export const EVENT_METHODS = {
  onLibraryChanged: 'library:changed',
  onIndexStatus: 'index:status',
  onMenuCommand: 'menu:command',
  onFlushRequest: 'app:flush-request',
  onNoteChanged: 'notes:changed',
  onNotesMoving: 'notes:moving',
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
}): PonderApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(INVOKE_METHODS)) {
    api[method] = async (request?: unknown) => {
      const envelope = await transport.invoke(channel, request);
      if (envelope.ok) return envelope.value;
      throw new Error(envelope.error);
    };
  }
  for (const [method, channel] of Object.entries(EVENT_METHODS)) {
    api[method] = (listener: (payload: unknown) => void) => {
      // Wrap the listener so the transport's own event object never reaches the page.
      return transport.on(channel, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as PonderApi;
}
