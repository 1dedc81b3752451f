import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  diagnosticsOpen: false,
  historyOpen: false,
  noteSelectRequest: null,
  searchFocusRequest: 0,
  editorMode: 'split',
  notice: null,
  notesMoveState: 'idle',

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
});
