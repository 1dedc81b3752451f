// The reader's view preferences as state.json keeps them (FORMATS.md §2) and `view:save`
// carries them: shared by core (app-state), the IPC schemas and the renderer.

export const THEMES = ['light', 'dark', 'system'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const STORY_FONTS = ['serif', 'sans'] as const;
/** Percent; wide enough for any setting the renderer offers, narrow enough to refuse nonsense. */
export const TEXT_SCALE_RANGE = [50, 300] as const;
/** CSS pixels. */
export const PANE_WIDTH_RANGE = [0, 4000] as const;

export type ThemeChoice = (typeof THEMES)[number];
export type LineWidth = (typeof LINE_WIDTHS)[number];
export type StoryFont = (typeof STORY_FONTS)[number];

/**
 * How the reader set up the window (all optional: a state.json from before they
 * existed, or with one invalid, gives the renderer's defaults for those alone).
 */
export interface ViewPrefs {
  theme?: ThemeChoice;
  /** Story and note text size, in percent of the default (the UI around it keeps its size). */
  textScale?: number;
  lineWidth?: LineWidth;
  storyFont?: StoryFont;
  /** Pane widths in CSS pixels; the renderer clamps them to the window. */
  topicsWidth?: number;
  storiesWidth?: number;
  topicsHidden?: boolean;
}
