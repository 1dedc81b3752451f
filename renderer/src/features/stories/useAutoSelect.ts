import { useEffect } from 'react';
import type { StoryListItem } from '../../../../electron/shared/ipc-contract';
import { useAppStore } from '../../store/app-store';
import { positionIndex } from '../../store/visible-stories';

/**
 * When the list changes and its selection is gone (nothing chosen yet, or the
 * story was filtered out), select the first story so the reading pane is never
 * blank while there is something to read. A story that left the library while
 * its note was being written stays (see `pinnedStoryId`).
 */
export function useAutoSelect(items: readonly StoryListItem[]) {
  useEffect(() => {
    const first = items[0];
    if (!first) return;
    const { selectedStoryId, pinnedStoryId, selectStory } = useAppStore.getState();
    if (selectedStoryId && (selectedStoryId === pinnedStoryId || positionIndex(items).has(selectedStoryId))) return;
    selectStory(first.id);
  }, [items]);
}
