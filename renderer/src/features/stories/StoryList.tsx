import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectSelectedPosition, type VisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { StoryRow, storyRowId } from './StoryRow';

/**
 * Every row is this tall: title and snippet are clamped to two lines each, with
 * fixed line heights (stories.css, `.story-row`). One fixed height means the list's
 * geometry is known without measuring any row, so scrolling through 100k stories
 * never rebuilds it, and a keyboard move scrolls to an exact offset.
 */
export const STORY_ROW_PX = 126;
const rowHeight = () => STORY_ROW_PX;
/**
 * Rows rendered past each edge of the viewport. Generous on purpose: rows are
 * memoised and cheap, a keyboard move or a quick scroll lands on a row that is
 * already there, and a small library (the 26-story sample) is rendered whole.
 */
const OVERSCAN_ROWS = 30;

/**
 * The stories as a single-select listbox, virtualised: only the rows near the
 * viewport are in the DOM, so 100k stories scroll like 26.
 */
export function StoryList({ visible }: { visible: VisibleStories }) {
  const { items, highlights, orphans } = visible;
  const selectedId = useAppStore((state) => state.selectedStoryId);
  const selectedIndex = useAppStore(selectSelectedPosition);
  const notedIds = useAppStore((state) => state.notedIds);
  const selectStory = useAppStore((state) => state.selectStory);
  // The list on show is not the answer to what is typed: say so by dimming it.
  const stale = useAppStore((state) => state.searchStatus === 'error' || state.searchStatus === 'pending');
  const scrollRef = useRef<HTMLDivElement>(null);

  // Stable per list: the virtualiser rebuilds its row geometry when it changes.
  const getItemKey = useCallback((index: number) => items[index]?.id ?? index, [items]);
  // The virtualiser is a mutable object read during render, which the React Compiler cannot memoise.
  // Ponder does not run the compiler, and hands none of the virtualiser's functions to memoised rows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    getItemKey,
    overscan: OVERSCAN_ROWS,
  });

  // A keyboard move, a restored selection, another filter or search bring the selected row into
  // view ('auto': no scroll when it is visible already, as after a click). A library reload does
  // not: the reader may have scrolled away to browse.
  const filter = useAppStore((state) => state.selectedFilter);
  const query = visible.query;
  useEffect(() => {
    const index = selectSelectedPosition(useAppStore.getState());
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, filter, query, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const selectedRendered = rows.some((row) => row.index === selectedIndex);

  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label={orphans ? 'Orphaned notes' : 'Stories'}
      tabIndex={0}
      className={stale ? 'story-list story-list--stale' : 'story-list'}
      aria-busy={stale || undefined}
      aria-activedescendant={selectedRendered && selectedId ? storyRowId(selectedId) : undefined}
      data-testid={testIds.storyList}
    >
      <div className="story-list__space" style={{ height: virtualizer.getTotalSize() }}>
        <div className="story-list__window" style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}>
          {rows.map((row) => {
            const story = items[row.index]!;
            return (
              <StoryRow
                key={row.key}
                index={row.index}
                setSize={items.length}
                height={STORY_ROW_PX}
                story={story}
                highlights={highlights?.get(story.id)}
                selected={story.id === selectedId}
                noted={!orphans && notedIds.has(story.id)}
                orphan={orphans}
                onSelect={selectStory}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
