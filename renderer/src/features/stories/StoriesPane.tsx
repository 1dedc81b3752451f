import { useAppStore } from '../../store/app-store';
import { selectVisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { StoriesHeader } from './StoriesHeader';
import { StoryList } from './StoryList';
import { useAutoSelect } from './useAutoSelect';

export function StoriesPane() {
  const visible = useAppStore(selectVisibleStories);
  useAutoSelect(visible.items);

  return (
    <section aria-label="Stories" className="pane pane--stories" data-testid={testIds.storiesPane}>
      <StoriesHeader visible={visible} />
      {visible.items.length === 0 ? (
        <div className="pane-empty" data-testid={testIds.storiesEmpty}>
          {visible.query !== null ? (
            <>
              <p className="pane-empty__title">No {visible.orphans ? 'orphaned notes' : 'stories'} match “{visible.query}”</p>
              <p className="pane-empty__hint">Try fewer words, a prefix like <code>int*</code>, or another topic.</p>
            </>
          ) : (
            <p className="pane-empty__title">{visible.orphans ? 'No orphaned notes' : 'No stories here yet'}</p>
          )}
        </div>
      ) : (
        <StoryList visible={visible} />
      )}
    </section>
  );
}
