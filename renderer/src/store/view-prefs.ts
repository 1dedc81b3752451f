// The reader's view preferences: theme, text size, line width, story font and the panes.
// Held in the UI slice, remembered in state.json (useViewPrefsPersistence), applied by the
// window (App, usePaneLayout, useDocumentPrefs). Defaults live here, once.

import type { LineWidth, StoryFont, ThemeChoice, ViewState } from '../../../electron/shared/ipc-contract';

/** What a preference is when the reader never set it (or state.json lost it). */
export interface ViewPrefsValues {
  theme: ThemeChoice;
  /** Percent of the default story and note text size. */
  textScale: number;
  lineWidth: LineWidth;
  storyFont: StoryFont;
  topicsWidth: number;
  storiesWidth: number;
  /** Hidden by the reader (View ▸ Toggle Topics); a narrow window shows it as a drawer instead. */
  topicsHidden: boolean;
}

export interface ViewPrefsSlice extends ViewPrefsValues {
  /** The narrow window's topics drawer is open (never remembered). */
  topicsDrawerOpen: boolean;
  /** Preferences read from state.json at startup; false until then, so nothing is saved before. */
  viewPrefsLoaded: boolean;
  applyViewPrefs(prefs: ViewState): void;
  setTheme(theme: ThemeChoice): void;
  /** One step bigger (+1) or smaller (-1), or back to the default (0). */
  stepTextSize(step: -1 | 0 | 1): void;
  setLineWidth(width: LineWidth): void;
  setStoryFont(font: StoryFont): void;
  setPaneWidth(pane: 'topics' | 'stories', width: number): void;
  setTopicsHidden(hidden: boolean): void;
  setTopicsDrawerOpen(open: boolean): void;
}

export const DEFAULT_VIEW_PREFS: Readonly<ViewPrefsValues> = Object.freeze({
  theme: 'system',
  textScale: 100,
  lineWidth: 'medium',
  storyFont: 'serif',
  topicsWidth: 240,
  storiesWidth: 380,
  topicsHidden: false,
});

/** The text sizes offered, in percent: steps a reader can tell apart, from small print to large. */
export const TEXT_SCALES = [80, 90, 100, 110, 125, 140, 160, 180] as const;

/** Pane width limits in CSS pixels: below the minimum a pane's rows stop being readable. */
export const PANE_LIMITS = {
  topics: { min: 160, max: 420 },
  stories: { min: 240, max: 640 },
} as const;

/** The offered text size nearest to `value` (one saved by another version, say). */
export function snapTextScale(value: number): number {
  return TEXT_SCALES.reduce((best, scale) => (Math.abs(scale - value) < Math.abs(best - value) ? scale : best));
}

/** One text size bigger (+1) or smaller (-1) than `current`, or the default (0). */
export function nextTextScale(current: number, step: -1 | 0 | 1): number {
  if (step === 0) return DEFAULT_VIEW_PREFS.textScale;
  const index = TEXT_SCALES.indexOf(snapTextScale(current) as (typeof TEXT_SCALES)[number]) + step;
  return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, index))]!;
}

export function clampPaneWidth(pane: 'topics' | 'stories', width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** The preferences alone, as saved to state.json. */
export function savedViewPrefs(values: ViewPrefsValues): ViewPrefsValues {
  const { theme, textScale, lineWidth, storyFont, topicsWidth, storiesWidth, topicsHidden } = values;
  return { theme, textScale, lineWidth, storyFont, topicsWidth, storiesWidth, topicsHidden };
}
