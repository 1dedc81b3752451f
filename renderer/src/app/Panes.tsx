import { useRef, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Splitter } from '../components/Splitter';
import { ReflectionPane } from '../features/reflection/ReflectionPane';
import { StoriesPane } from '../features/stories/StoriesPane';
import { TopicsPane } from '../features/topics/TopicsPane';
import { useAppStore } from '../store/app-store';
import { DEFAULT_VIEW_PREFS, PANE_LIMITS } from '../store/view-prefs';
import { TopicsDrawer } from './TopicsDrawer';
import { useLayoutMode, useWindowWidth } from './useLayoutMode';

/** The reading pane keeps at least this much room (at 900 px wide, a 400 px note editor). */
const READING_MIN_PX = 480;

const TOPICS_ID = 'topics-slot';
const STORIES_ID = 'stories-slot';

/**
 * The three panes — topics, stories, the story and its reflection — with a splitter
 * between each two. A narrow window puts the topics in a drawer, a very narrow one
 * stacks the stories above the story.
 */
export function Panes() {
  const mode = useLayoutMode();
  const windowWidth = useWindowWidth();
  const { topicsWidth, storiesWidth, topicsHidden } = useAppStore(
    useShallow((state) => ({ topicsWidth: state.topicsWidth, storiesWidth: state.storiesWidth, topicsHidden: state.topicsHidden })),
  );
  const setPaneWidth = useAppStore((state) => state.setPaneWidth);
  const setTopicsHidden = useAppStore((state) => state.setTopicsHidden);
  // The stories width before Home shrank it, for End to bring back.
  const storiesBefore = useRef<number>(DEFAULT_VIEW_PREFS.storiesWidth);

  const topicsShown = mode === 'wide' && !topicsHidden;
  const topicsColumn = topicsShown ? topicsWidth : 0;
  // The saved width, unless it would squeeze the reading pane in this window.
  const storiesRoom = windowWidth - topicsColumn - READING_MIN_PX;
  const storiesColumn = Math.max(PANE_LIMITS.stories.min, Math.min(storiesWidth, storiesRoom));
  const style = { '--topics-column': `${topicsColumn}px`, '--stories-column': `${storiesColumn}px` } as CSSProperties;

  return (
    <div className={`panes panes--${mode}`} style={style}>
      {mode === 'wide' ? (
        <div className="pane-slot" id={TOPICS_ID} hidden={topicsHidden}>
          <TopicsPane />
        </div>
      ) : (
        <TopicsDrawer />
      )}
      <div className="pane-slot" id={STORIES_ID}>
        <StoriesPane />
      </div>
      {/* The splitters sit on the reading pane's left, inside its landmark (all content is in one). */}
      <main className="pane-slot pane-slot--reading">
        {mode === 'wide' && (
          <Splitter
            label="Resize topics"
            className="splitter--topics"
            controls={TOPICS_ID}
            value={topicsColumn}
            min={0}
            max={PANE_LIMITS.topics.max}
            onResize={(width) => {
              setTopicsHidden(false);
              setPaneWidth('topics', width);
            }}
            onCollapse={() => setTopicsHidden(true)}
            onRestore={() => setTopicsHidden(false)}
          />
        )}
        {mode !== 'stacked' && (
          <Splitter
            label="Resize stories"
            className="splitter--stories"
            controls={STORIES_ID}
            value={storiesColumn}
            min={PANE_LIMITS.stories.min}
            max={Math.max(PANE_LIMITS.stories.min, Math.min(PANE_LIMITS.stories.max, storiesRoom))}
            onResize={(width) => setPaneWidth('stories', width)}
            onCollapse={() => {
              if (storiesColumn > PANE_LIMITS.stories.min) storiesBefore.current = storiesColumn;
              setPaneWidth('stories', PANE_LIMITS.stories.min);
            }}
            onRestore={() => setPaneWidth('stories', storiesBefore.current)}
          />
        )}
        <ReflectionPane />
      </main>
    </div>
  );
}
