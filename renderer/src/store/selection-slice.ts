import type { StoryFilter } from '../../../electron/shared/ipc-contract';
import { rowAt } from './list-pages';
import { positionOf } from './story-list-slice';
import { showPart } from './visible-stories';
import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (api) => (set, get) => ({
  selectedFilter: null,
  selectedStoryId: null,
  pinnedStoryId: null,
  selectedPosition: -1,

  selectFilter(filter) {
    const changed = filter !== get().selectedFilter;
    set({ selectedFilter: filter, pinnedStoryId: null });
    // A search is ranked within the filter: ask again for the new one.
    if (changed && get().searchInput.trim()) void get().runSearch();
  },

  selectStory(id, position) {
    const previous = get().selectedStoryId;
    if (previous === id) {
      if (position !== undefined) set({ selectedPosition: position });
      return;
    }
    // Save the note being left before asking for the next one (IPC keeps the order).
    if (previous) void get().saveNote(previous);
    const known = id === null ? -1 : (position ?? positionOf(get(), id));
    set({ selectedStoryId: id, pinnedStoryId: null, selectedPosition: known });
    if (!id) return;
    void get().loadNote(id);
    const view = get().listView;
    if (known >= 0 || view.kind !== 'library' || view.generation === 0) return;
    // Chosen from outside the rows held here (a dialog, the saved view): main says where it is.
    const filter = view.filter as StoryFilter | null;
    api.libraryView({ generation: view.generation, filter, locate: id, ...showPart(view.show) }).then(
      (answer) => {
        if (get().selectedStoryId === id && get().listView.seq === view.seq) set({ selectedPosition: answer.position });
      },
      () => undefined, // the position stays unknown: a keyboard move starts from the top
    );
  },

  moveSelection(delta) {
    const { listView, listPages, selectedPosition } = get();
    const count = listView.count ?? 0;
    if (count === 0) return;
    // The neighbour is among the held pages (prefetched around the selection): no request, at 26 stories or at 100k.
    const next = selectedPosition < 0 ? 0 : Math.max(0, Math.min(count - 1, selectedPosition + delta));
    const row = rowAt(listPages, next);
    if (row) get().selectStory(row.id, next);
    else get().selectAt(next);
  },
});
