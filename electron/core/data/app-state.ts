// Small state remembered across runs, in DATA/state.json (FORMATS.md §2).
// Losing it is an inconvenience, never a reason not to start: anything wrong
// with the file falls back to defaults, field by field.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { copyAside, nodeWriteFs, writeFileAtomic } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { describeFsError, noop } from '../fs/errors';
import { dataLayout } from './layout';
import { LINE_WIDTHS, PANE_WIDTH_RANGE, STORY_FONTS, TEXT_SCALE_RANGE, THEMES } from '../../shared/view-prefs';
import type { ViewPrefs } from '../../shared/view-prefs';
import { EDITOR_MODES, MAX_READING_IDS } from '../../shared/loop-view';
import type { LoopView } from '../../shared/loop-view';
import { SHOW_FILTERS } from '../../shared/show-filter';
import { isStoryId } from '../ids';
import type { SavedSearch } from '../../shared/search-contract';
import { sanitizeSavedSearches } from './saved-searches';

export interface AppState {
  version: 1;
  /** Absolute path of the library opened last, or null. */
  lastLibrary: string | null;
  view: {
    selectedTopic: string | null;
    selectedStoryId: string | null;
  } & ViewPrefs &
    LoopView;
  /**
   * Stories read and starred, by story id (so the marks follow a story that moves between
   * files). Absent in a state.json from before reading state existed: nothing read yet.
   */
  reading?: ReadingSets;
  /** Last window bounds; absent until the window has been moved or resized. */
  window?: WindowState;
  /**
   * Library folders opened, most recent first, at most MAX_RECENT_LIBRARIES (File ▸ Open Recent).
   * Absent when there are none, and in a state.json from before recents existed.
   */
  recentLibraries?: string[];
  /** Queries pinned in the topics pane, in the reader's order (saved-searches.ts). Absent when there are none. */
  savedSearches?: SavedSearch[];
}

/** File ▸ Open Recent lists this many folders. */
export const MAX_RECENT_LIBRARIES = 10;

export interface ReadingSets {
  /** In the order they were marked, oldest first: past MAX_READING_IDS the oldest are dropped. */
  read: string[];
  starred: string[];
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_APP_STATE: Readonly<AppState> = Object.freeze({
  version: 1,
  lastLibrary: null,
  view: Object.freeze({ selectedTopic: null, selectedStoryId: null }),
});

export class AppStateStore {
  /** `DATA/state.json`, absolute. */
  readonly file: string;
  #state: AppState | undefined;
  /** Tail of pending loads and updates, so that none is lost or reordered. */
  #queue: Promise<void> = Promise.resolve();

  readonly #fs: WriteFs;

  /** `fs`: the file system writes go through (tests record or fail calls). */
  constructor(dataDir: string, fs: WriteFs = nodeWriteFs) {
    this.#fs = fs;
    this.file = dataLayout(dataDir).state;
  }

  /**
   * The state, read from disk the first time. Never fails: a missing file
   * gives the defaults; an unparseable one gives the defaults and is kept as
   * `state.corrupt-<time>.json`; invalid fields are dropped one by one.
   */
  load(): Promise<AppState> {
    return this.#serial(async () => clone(await this.#ensureLoaded()));
  }

  /**
   * Merge `patch` into the state (`view` is merged key by key, other keys
   * replace; `window: undefined` removes the window), drop what is invalid, and write state.json
   * atomically. Rejects with a "Ponder: " message when the file cannot be
   * written; the new state is still kept in memory and written next time.
   * `patch` may be a function of the current state, for a change that must not race another
   * (a recent folder added while one is removed).
   */
  update(patch: Partial<AppState> | ((current: Readonly<AppState>) => Partial<AppState>)): Promise<AppState> {
    return this.#serial(async () => {
      const current = await this.#ensureLoaded();
      const made = typeof patch === 'function' ? patch(clone(current)) : patch;
      const changes: Record<string, unknown> = isRecord(made) ? made : {};
      const merged = { ...current, ...changes };
      if (isRecord(changes.view)) merged.view = { ...current.view, ...changes.view };
      const next = sanitize(merged);
      this.#state = next;
      try {
        await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, this.#fs);
      } catch (error) {
        throw new Error(`Ponder: could not save the app state to ${this.file}: ${describeFsError(error)}.`, {
          cause: error,
        });
      }
      return clone(next);
    });
  }

  async #ensureLoaded(): Promise<AppState> {
    this.#state ??= await readState(this.file);
    return this.#state;
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.then(noop, noop);
    return result;
  }
}

// ---------------------------------------------------------------------------

async function readState(file: string): Promise<AppState> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    // Missing, a folder, no permission…: nothing we can keep a copy of.
    return sanitize(undefined);
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    data = undefined;
  }
  if (!isRecord(data)) {
    // Keep the damaged file for a curious user; failing to do so must not stop the app.
    await copyAside(file, bytes).catch(noop);
  }
  return sanitize(data);
}

/** A valid AppState built from whatever `data` holds: valid fields kept, the rest defaulted. */
function sanitize(data: unknown): AppState {
  const input = isRecord(data) ? data : {};
  const view = isRecord(input.view) ? input.view : {};
  const state: AppState = {
    version: 1,
    lastLibrary: nonEmptyString(input.lastLibrary) ?? null,
    view: {
      selectedTopic: nonEmptyString(view.selectedTopic) ?? null,
      selectedStoryId: nonEmptyString(view.selectedStoryId) ?? null,
      ...sanitizeViewPrefs(view),
      ...sanitizeLoopView(view),
    },
  };
  const reading = sanitizeReading(input.reading);
  if (reading) state.reading = reading;
  const window = sanitizeWindow(input.window);
  if (window) state.window = window;
  const recents = sanitizeRecents(input.recentLibraries);
  if (recents.length > 0) state.recentLibraries = recents;
  const saved = sanitizeSavedSearches(input.savedSearches);
  if (saved.length > 0) state.savedSearches = saved;
  return state;
}

/** `recents` with `folder` first (moved there if it was listed), at most MAX_RECENT_LIBRARIES. */
export function withRecentLibrary(recents: readonly string[] | undefined, folder: string): string[] {
  return [folder, ...(recents ?? []).filter((listed) => listed !== folder)].slice(0, MAX_RECENT_LIBRARIES);
}

/** Absolute folder paths only, each once, the most recent MAX_RECENT_LIBRARIES. */
function sanitizeRecents(data: unknown): string[] {
  if (!Array.isArray(data)) return [];
  const folders = data.filter((folder): folder is string => typeof folder === 'string' && path.isAbsolute(folder) && !folder.includes('\0'));
  return [...new Set(folders)].slice(0, MAX_RECENT_LIBRARIES);
}

/** The valid preferences in `view`, each on its own (absent ones stay absent). */
export function sanitizeViewPrefs(view: Record<string, unknown>): ViewPrefs {
  const prefs: ViewPrefs = {};
  const theme = oneOf(view.theme, THEMES);
  if (theme) prefs.theme = theme;
  const lineWidth = oneOf(view.lineWidth, LINE_WIDTHS);
  if (lineWidth) prefs.lineWidth = lineWidth;
  const storyFont = oneOf(view.storyFont, STORY_FONTS);
  if (storyFont) prefs.storyFont = storyFont;
  const textScale = inRange(view.textScale, TEXT_SCALE_RANGE);
  if (textScale !== undefined) prefs.textScale = textScale;
  const topicsWidth = inRange(view.topicsWidth, PANE_WIDTH_RANGE);
  if (topicsWidth !== undefined) prefs.topicsWidth = topicsWidth;
  const storiesWidth = inRange(view.storiesWidth, PANE_WIDTH_RANGE);
  if (storiesWidth !== undefined) prefs.storiesWidth = storiesWidth;
  if (typeof view.topicsHidden === 'boolean') prefs.topicsHidden = view.topicsHidden;
  return prefs;
}

/** The editor mode, Show choice and welcome flag in `view`, when valid. */
function sanitizeLoopView(view: Record<string, unknown>): LoopView {
  const loop: LoopView = {};
  const editorMode = oneOf(view.editorMode, EDITOR_MODES);
  if (editorMode) loop.editorMode = editorMode;
  const listShow = oneOf(view.listShow, SHOW_FILTERS);
  if (listShow) loop.listShow = listShow;
  if (typeof view.welcomed === 'boolean') loop.welcomed = view.welcomed;
  return loop;
}

/** Read and starred ids: story ids only, each once, at most MAX_READING_IDS (the newest kept). */
function sanitizeReading(data: unknown): ReadingSets | undefined {
  if (!isRecord(data)) return undefined;
  return { read: storyIds(data.read), starred: storyIds(data.starred) };
}

function storyIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = [...new Set(value.filter(isStoryId))];
  return ids.length > MAX_READING_IDS ? ids.slice(ids.length - MAX_READING_IDS) : ids;
}

function sanitizeWindow(data: unknown): WindowState | undefined {
  if (!isRecord(data)) return undefined;
  const width = finite(data.width);
  const height = finite(data.height);
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  const window: WindowState = { width, height };
  const x = finite(data.x);
  const y = finite(data.y);
  if (x !== undefined) window.x = x;
  if (y !== undefined) window.y = y;
  if (typeof data.maximized === 'boolean') window.maximized = data.maximized;
  return window;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function inRange(value: unknown, [min, max]: readonly [number, number]): number | undefined {
  const number = finite(value);
  return number !== undefined && number >= min && number <= max ? Math.round(number) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function clone(state: AppState): AppState {
  return structuredClone(state);
}
