import { useAppStore } from '../../store/app-store';
import { selectVisibleStories, STORY_RENDER_CAP } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { StoriesHeader } from './StoriesHeader';
import { StoryRow, storyRowId } from './StoryRow';
import { useAutoSelect } from './useAutoSelect';

export function StoriesPane() {
  const visible = useAppStore(selectVisibleStories);
  const selectedId = useAppStore((state) => state.selectedStoryId);
  const notedIds = useAppStore((state) => state.notedIds);
  const selectStory = useAppStore((state) => state.selectStory);
  // The list on show is not the answer to what is typed: say so by dimming it.
  const stale = useAppStore((state) => state.searchStatus === 'error' || state.searchStatus === 'pending');
  useAutoSelect(visible.items);

  const { items, highlights } = visible;
  const rendered = items.length > STORY_RENDER_CAP ? items.slice(0, STORY_RENDER_CAP) : items;
  const selectedShown = selectedId !== null && rendered.some((story) => story.id === selectedId);

  return (
    <section aria-label="Stories" className="pane pane--stories" data-testid={testIds.storiesPane}>
      <StoriesHeader visible={visible} />
      {items.length === 0 ? (
        <div className="pane-empty" data-testid={testIds.storiesEmpty}>
          {visible.query !== null ? (
            <>
              <p className="pane-empty__title">No stories match “{visible.query}”</p>
              <p className="pane-empty__hint">Try fewer words, a prefix like <code>int*</code>, or another topic.</p>
            </>
          ) : (
            <p className="pane-empty__title">No stories here yet</p>
          )}
        </div>
      ) : (
        <div
          role="listbox"
          aria-label="Stories"
          tabIndex={0}
          className={stale ? 'story-list story-list--stale' : 'story-list'}
          aria-busy={stale || undefined}
          aria-activedescendant={selectedShown && selectedId ? storyRowId(selectedId) : undefined}
          data-testid={testIds.storyList}
        >
          {rendered.map((story) => (
            <StoryRow
              key={story.id}
              story={story}
              highlights={highlights?.get(story.id)}
              selected={story.id === selectedId}
              noted={notedIds.has(story.id)}
              onSelect={selectStory}
            />
          ))}
        </div>
      )}
      {items.length > rendered.length && (
        <p className="story-list__capped" data-testid={testIds.storyListCapped}>
          Showing {rendered.length.toLocaleString('en-US')} of {items.length.toLocaleString('en-US')} — refine your
          search
        </p>
      )}
    </section>
  );
}
