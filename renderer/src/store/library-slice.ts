import type { IndexStatus, LibrarySnapshot, ViewState } from '../../../electron/shared/ipc-contract';
import { errorMessage } from './error-message';
import { filterExists } from './filter-key';
import type { LibrarySlice, SliceCreator } from './types';

const IDLE: IndexStatus = { state: 'idle' };

export const createLibrarySlice: SliceCreator<LibrarySlice> = (api) => (set, get) => ({
  libraryLoaded: false,
  snapshot: null,
  indexStatus: IDLE,
  notedIds: new Set<string>(),

  async startup() {
    let snapshot: LibrarySnapshot | null = null;
    let view: ViewState = {};
    try {
      [snapshot, view] = await Promise.all([
        api.currentLibrary(),
        // A missing or broken view state only costs the restored selection.
        api.loadViewState().catch((): ViewState => ({})),
      ]);
    } catch (error) {
      get().showNotice(`Could not load the library: ${errorMessage(error)}`);
    }
    // A `library:changed` event may have beaten this answer; keep whichever is newer.
    const current = get().snapshot;
    if (!current || (snapshot && snapshot.generation > current.generation)) get().setSnapshot(snapshot);
    else set({ libraryLoaded: true });

    const shown = get().snapshot;
    if (!shown) return;
    if (filterExists(shown, view.selectedTopic)) get().selectFilter(view.selectedTopic);
    const storyId = view.selectedStoryId;
    if (storyId && shown.stories.some((story) => story.id === storyId)) get().selectStory(storyId);
  },

  setSnapshot(snapshot) {
    const previous = get().snapshot;
    set({
      snapshot,
      libraryLoaded: true,
      notedIds: new Set(snapshot?.notedIds ?? []),
      indexStatus: snapshot?.index ?? IDLE,
    });
    const { selectedFilter, selectedStoryId } = get();
    if (selectedFilter && !filterExists(snapshot, selectedFilter)) get().selectFilter(null);
    if (selectedStoryId && !snapshot?.stories.some((story) => story.id === selectedStoryId)) get().selectStory(null);
    // Hits name story ids of the old library: ask again (it waits for the new index if needed).
    if (snapshot && previous && snapshot.generation !== previous.generation && get().searchInput.trim()) {
      void get().runSearch();
    }
  },

  setIndexStatus(status) {
    set({ indexStatus: status });
    if (status.state === 'ready' && get().searchStatus === 'pending') void get().runSearch();
  },

  setNoted(id, answered) {
    const notedIds = get().notedIds;
    if (notedIds.has(id) === answered) return;
    const next = new Set(notedIds);
    if (answered) next.add(id);
    else next.delete(id);
    set({ notedIds: next });
  },

  async openFolder() {
    // Notes are saved through the current library; write them before it changes.
    await get().flushNotes();
    try {
      const snapshot = await api.chooseLibrary();
      // null: the user cancelled the folder picker.
      if (snapshot) get().setSnapshot(snapshot);
    } catch (error) {
      get().showNotice(`Could not open the folder: ${errorMessage(error)}`);
    }
  },
});
