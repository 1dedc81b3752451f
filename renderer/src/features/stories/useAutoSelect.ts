import { useEffect } from 'react';
import type { StoryListItem } from '../../../../electron/shared/ipc-contract';
import { useAppStore } from '../../store/app-store';

/**
 * When the list changes and its selection is gone (nothing chosen yet, or the
 * story was filtered out), select the first story so the reading pane is never
 * blank while there is something to read.
 */
export function useAutoSelect(items: readonly StoryListItem[]) {
  useEffect(() => {
    const first = items[0];
    if (!first) return;
    const { selectedStoryId, selectStory } = useAppStore.getState();
    if (selectedStoryId && items.some((story) => story.id === selectedStoryId)) return;
    selectStory(first.id);
  }, [items]);
}
