import type { SelectionSlice, SliceCreator } from './types';
import { positionIndex, selectVisibleStories } from './visible-stories';

export const createSelectionSlice: SliceCreator<SelectionSlice> = () => (set, get) => ({
  selectedFilter: null,
  selectedStoryId: null,
  pinnedStoryId: null,

  selectFilter(filter) {
    const changed = filter !== get().selectedFilter;
    set({ selectedFilter: filter, pinnedStoryId: null });
    // A search is ranked within the filter: ask again for the new one.
    if (changed && get().searchInput.trim()) void get().runSearch();
  },

  selectStory(id) {
    const previous = get().selectedStoryId;
    if (previous === id) return;
    // Save the note being left before asking for the next one (IPC keeps the order).
    if (previous) void get().saveNote(previous);
    set({ selectedStoryId: id, pinnedStoryId: null });
    if (id) void get().loadNote(id);
  },

  moveSelection(delta) {
    const { items } = selectVisibleStories(get());
    if (items.length === 0) return;
    const selected = get().selectedStoryId;
    // A map built once per list: a keypress costs the same at 26 stories and at 100k.
    const current = selected === null ? -1 : (positionIndex(items).get(selected) ?? -1);
    const next = current < 0 ? 0 : Math.max(0, Math.min(items.length - 1, current + delta));
    const story = items[next];
    if (story) get().selectStory(story.id);
  },
});
