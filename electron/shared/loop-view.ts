// What the daily reading loop keeps in the view part of DATA/state.json beside the display
// preferences (view-prefs.ts): the note editor's mode, the stories' Show choice and whether the
// first-run welcome was seen. Shared by core (app-state), the IPC schemas and the renderer.

import type { ShowFilter } from './show-filter';

export const EDITOR_MODES = ['write', 'split', 'preview'] as const;
export type EditorModeChoice = (typeof EDITOR_MODES)[number];

/** All optional: a state.json from before they existed gives the renderer's defaults. */
export interface LoopView {
  /** Write only, editor and preview ("Both"), or preview only. */
  editorMode?: EditorModeChoice;
  /** The stories pane's Show choice (All, Unread, Starred, Unanswered, Answered). */
  listShow?: ShowFilter;
  /** The reader has seen (and closed) the first-run welcome. */
  welcomed?: boolean;
}

/** Most ids kept in each of the read and starred sets: far beyond a real library, and a bound on state.json. */
export const MAX_READING_IDS = 200_000;
