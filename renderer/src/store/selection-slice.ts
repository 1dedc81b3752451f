import type { SelectionSlice, SliceCreator } from './types';
import { selectVisibleStories, STORY_RENDER_CAP } from './visible-stories';

export const createSelectionSlice: SliceCreator<SelectionSlice> = () => (set, get) => ({
  selectedFilter: null,
  selectedStoryId: null,

  selectFilter(filter) {
    set({ selectedFilter: filter });
  },

  selectStory(id) {
    const previous = get().selectedStoryId;
    if (previous === id) return;
    // Save the note being left before asking for the next one (IPC keeps the order).
    if (previous) void get().saveNote(previous);
    set({ selectedStoryId: id });
    if (id) void get().loadNote(id);
  },

  moveSelection(delta) {
    const { items } = selectVisibleStories(get());
    // Only rendered rows can be reached, so the selection never disappears off the list.
    const last = Math.min(items.length, STORY_RENDER_CAP) - 1;
    if (last < 0) return;
    const current = items.findIndex((story) => story.id === get().selectedStoryId);
    const next = current < 0 ? 0 : Math.max(0, Math.min(last, current + delta));
    const story = items[next];
    if (story) get().selectStory(story.id);
  },
});
