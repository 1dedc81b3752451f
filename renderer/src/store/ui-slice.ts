import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  diagnosticsOpen: false,
  searchFocusRequest: 0,
  editorMode: 'split',
  notice: null,

  openDiagnostics() {
    set({ diagnosticsOpen: true });
  },
  closeDiagnostics() {
    set({ diagnosticsOpen: false });
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
});
