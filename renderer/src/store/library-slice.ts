import type { IndexStatus, LibrarySnapshot, NotesOverview, ViewState } from '../../../electron/shared/ipc-contract';
import { errorMessage } from './error-message';
import { filterExists } from './filter-key';
import type { LibrarySlice, SliceCreator } from './types';

const IDLE: IndexStatus = { state: 'idle' };

export const createLibrarySlice: SliceCreator<LibrarySlice> = (api) => (set, get) => {
  // The library generation the notes overview was last asked for: orphans depend on the library.
  let overviewGeneration: number | null = null;

  return {
    libraryLoaded: false,
    snapshot: null,
    indexStatus: IDLE,
    notedIds: new Set<string>(),
    appInfo: null,

    async startup() {
      // Where the notes live, for the topics pane's footer; nothing else waits for it.
      api.appInfo().then(
        (appInfo) => set({ appInfo }),
        () => undefined,
      );
      let snapshot: LibrarySnapshot | null = null;
      let view: ViewState = {};
      let overview: NotesOverview | null = null;
      try {
        [snapshot, view, overview] = await Promise.all([
          api.currentLibrary(),
          // A missing or broken view state only costs the restored selection.
          api.loadViewState().catch((): ViewState => ({})),
          // Asked for at once, so a remembered orphan can be restored with the rest.
          api.notesOverview().catch(() => null),
        ]);
      } catch (error) {
        get().showNotice(`Could not load the library: ${errorMessage(error)}`);
      }
      if (overview) {
        set({ notesOverview: overview });
        overviewGeneration = snapshot?.generation ?? null;
      }
      // The Show choice before the first list, which is then already the one on show.
      if (view.listShow) set({ listShow: view.listShow });
      // A `library:changed` event may have beaten this answer; keep whichever is newer.
      const current = get().snapshot;
      if (!current || (snapshot && snapshot.generation > current.generation)) get().setSnapshot(snapshot);
      else set({ libraryLoaded: true });

      const shown = get().snapshot;
      if (!shown) return;
      if (filterExists(shown, view.selectedTopic)) get().selectFilter(view.selectedTopic);
      // Selected once main says it is in the list (else the list's first story is).
      if (view.selectedStoryId) get().restoreSelection(view.selectedStoryId);
    },

    setSnapshot(snapshot) {
      const previous = get().snapshot;
      set({
        snapshot,
        libraryLoaded: true,
        notedIds: new Set(snapshot?.notedIds ?? []),
        indexStatus: snapshot?.index ?? IDLE,
      });
      // The list follows (story-list-slice.ts), and keeps the selection where it still is.
      const { selectedFilter } = get();
      if (selectedFilter && !filterExists(snapshot, selectedFilter)) get().selectFilter(null);
      if (!snapshot) get().selectStory(null);
      if (snapshot && snapshot.generation !== overviewGeneration) {
        overviewGeneration = snapshot.generation;
        void get().refreshNotesOverview();
      }
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
      // The topics' unanswered counts are main's: membership is not held here.
      get().refreshCounts();
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

    async revealDataFolder() {
      try {
        await api.revealDataFolder();
      } catch (error) {
        get().showNotice(`Could not show the data folder: ${errorMessage(error)}`);
      }
    },
  };
};
