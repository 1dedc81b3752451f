import type { SliceCreator, UiSlice } from './types';
import { clampPaneWidth, DEFAULT_VIEW_PREFS, nextTextScale, snapTextScale } from './view-prefs';

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  diagnosticsOpen: false,
  historyOpen: false,
  noteSelectRequest: null,
  searchFocusRequest: 0,
  editorMode: 'split',
  notice: null,
  notesMoveState: 'idle',
  ...DEFAULT_VIEW_PREFS,
  topicsDrawerOpen: false,
  viewPrefsLoaded: false,

  openDiagnostics() {
    set({ diagnosticsOpen: true });
  },
  closeDiagnostics() {
    set({ diagnosticsOpen: false });
  },
  openHistory() {
    if (get().selectedStoryId !== null) set({ historyOpen: true });
  },
  closeHistory() {
    set({ historyOpen: false });
  },
  requestNoteSelect(id) {
    get().selectStory(id);
    // The editor may show the text only in preview: switch to one that has the textarea.
    if (get().editorMode === 'preview') set({ editorMode: 'split' });
    set({ noteSelectRequest: { id, seq: (get().noteSelectRequest?.seq ?? 0) + 1 } });
  },
  noteSelectHandled() {
    set({ noteSelectRequest: null });
  },
  requestSearchFocus() {
    set({ searchFocusRequest: get().searchFocusRequest + 1 });
  },
  setEditorMode(mode) {
    set({ editorMode: mode });
  },
  showNotice(message) {
    set({ notice: message });
  },
  setNotesMoveState(state) {
    set({ notesMoveState: state });
  },
  applyViewPrefs(prefs) {
    const { theme, textScale, lineWidth, storyFont, topicsWidth, storiesWidth, topicsHidden } = prefs;
    set({
      ...(theme && { theme }),
      ...(textScale !== undefined && { textScale: snapTextScale(textScale) }),
      ...(lineWidth && { lineWidth }),
      ...(storyFont && { storyFont }),
      ...(topicsWidth !== undefined && { topicsWidth: clampPaneWidth('topics', topicsWidth) }),
      ...(storiesWidth !== undefined && { storiesWidth: clampPaneWidth('stories', storiesWidth) }),
      ...(topicsHidden !== undefined && { topicsHidden }),
      viewPrefsLoaded: true,
    });
  },
  setTheme(theme) {
    set({ theme });
  },
  stepTextSize(step) {
    set({ textScale: nextTextScale(get().textScale, step) });
  },
  setLineWidth(lineWidth) {
    set({ lineWidth });
  },
  setStoryFont(storyFont) {
    set({ storyFont });
  },
  setPaneWidth(pane, width) {
    set(pane === 'topics' ? { topicsWidth: clampPaneWidth(pane, width) } : { storiesWidth: clampPaneWidth(pane, width) });
  },
  setTopicsHidden(topicsHidden) {
    set({ topicsHidden });
  },
  setTopicsDrawerOpen(topicsDrawerOpen) {
    set({ topicsDrawerOpen });
  },
});
