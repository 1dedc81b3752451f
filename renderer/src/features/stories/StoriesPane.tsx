import { useAppStore } from '../../store/app-store';
import { selectVisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { StoriesHeader } from './StoriesHeader';
import { ShowChoice } from './ShowChoice';
import { StoryList } from './StoryList';

/** A Show choice that leaves nothing: said kindly, with the way back to every story. */
const SHOW_EMPTY = {
  unread: ['Nothing unread here', 'You have read every story here. Choose Show: All to see them again.'],
  starred: ['No starred stories here', 'Star a story with s (or its Star button) to keep it here.'],
  unanswered: ['Every question here has an answer', 'Well done. Choose Show: All to read your answers again.'],
  answered: ['No answers here yet', 'Press n for the next unanswered question, or choose Show: All.'],
} as const;

/** Nothing to list: no orphans, a topic or file with no stories, or a library folder without digests (say how to fix it). */
function EmptyList({ orphans }: { orphans: boolean }) {
  const emptyFolder = useAppStore((state) => state.selectedFilter === null && state.snapshot !== null && state.snapshot.storyCount === 0 && state.snapshot.sources.length === 0);
  const folder = useAppStore((state) => state.snapshot?.folder ?? '');
  if (orphans) return <p className="pane-empty__title">No orphaned notes</p>;
  if (!emptyFolder) return <p className="pane-empty__title">No stories here yet</p>;
  return (
    <>
      <p className="pane-empty__title">No digests in this folder</p>
      <p className="pane-empty__hint">
        Ponder reads stories from <code>.txt</code> files (three lines each: summary, reflection, question), and there are none in {folder}. Put
        your digest files in it — they appear at once — or choose another folder with File ▸ Open Folder….
      </p>
    </>
  );
}

export function StoriesPane() {
  const visible = useAppStore(selectVisibleStories);

  return (
    <section aria-label="Stories" className="pane pane--stories" data-testid={testIds.storiesPane}>
      <StoriesHeader visible={visible} />
      {!visible.orphans && <ShowChoice />}
      {visible.count === 0 && !visible.counting ? (
        <div className="pane-empty" data-testid={testIds.storiesEmpty}>
          {visible.query === null && !visible.orphans && visible.show !== 'all' ? (
            <>
              <p className="pane-empty__title">{SHOW_EMPTY[visible.show][0]}</p>
              <p className="pane-empty__hint">{SHOW_EMPTY[visible.show][1]}</p>
            </>
          ) : visible.query !== null ? (
            <>
              <p className="pane-empty__title">No {visible.orphans ? 'orphaned notes' : 'stories'} match “{visible.query}”</p>
              <p className="pane-empty__hint">Try fewer words, a prefix like <code>int*</code>, or another topic.</p>
            </>
          ) : (
            <EmptyList orphans={visible.orphans} />
          )}
        </div>
      ) : (
        <StoryList visible={visible} />
      )}
    </section>
  );
}
