// The one store, from its slices. A factory so a test can build a fresh store
// over a fake API; the app uses the single instance in app-store.ts.
import { create } from 'zustand';
import type { PonderApi } from '../../../electron/shared/ipc-contract';
import { createLibrarySlice } from './library-slice';
import { createNotesSlice } from './notes-slice';
import { createReadingSlice } from './reading-slice';
import { createSavedSearchesSlice } from './saved-searches-slice';
import { createSearchSlice } from './search-slice';
import { createSelectionSlice } from './selection-slice';
import { createStoryListSlice } from './story-list-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export function createAppStore(api: PonderApi) {
  return create<AppState>()((...args) => ({
    ...createLibrarySlice(api)(...args),
    ...createSelectionSlice(api)(...args),
    ...createStoryListSlice(api)(...args),
    ...createSearchSlice(api)(...args),
    ...createNotesSlice(api)(...args),
    ...createUiSlice(api)(...args),
    ...createReadingSlice(api)(...args),
    ...createSavedSearchesSlice(api)(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
