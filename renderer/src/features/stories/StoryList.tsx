import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { rowAt } from '../../store/list-pages';
import { useAppStore } from '../../store/app-store';
import { rowMarked } from '../../store/story-marks';
import type { VisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { STORY_LIST_ID } from '../../components/focus-targets';
import { useFocusRequest } from '../../components/use-focus-request';
import { PlaceholderRow, StoryRow, storyRowId } from './StoryRow';

/**
 * Every row is this tall: title and snippet are clamped to two lines each, with
 * fixed line heights (stories.css, `.story-row`). One fixed height means the list's
 * geometry is known without measuring any row, so scrolling through 100k stories
 * never rebuilds it, and a keyboard move scrolls to an exact offset.
 */
export const STORY_ROW_PX = 126;
const rowHeight = () => STORY_ROW_PX;
/** Positions are the keys: a row keeps its place while its content is fetched. */
const positionKey = (index: number) => index;
/**
 * Rows rendered past each edge of the viewport. Generous on purpose: rows are
 * memoised and cheap, a keyboard move or a quick scroll lands on a row that is
 * already there, and a small library (the 26-story sample) is rendered whole.
 */
const OVERSCAN_ROWS = 30;

/**
 * The stories as a single-select listbox, virtualised: only the rows near the
 * viewport are in the DOM, and only the pages of rows near it are in the store
 * (asked of main as the list scrolls), so 100k stories scroll like 26. A row not
 * fetched yet is a quiet placeholder of the same height.
 */
export function StoryList({ visible }: { visible: VisibleStories }) {
  const { count, pages, notes, orphans } = visible;
  const selectedId = useAppStore((state) => state.selectedStoryId);
  const selectedIndex = useAppStore((state) => state.selectedPosition);
  const showRows = useAppStore((state) => state.showRows);
  const notedIds = useAppStore((state) => state.notedIds);
  // Each row carries main's marks; the reader's own changes since show over them.
  const readChanges = useAppStore((state) => state.readChanges);
  const starChanges = useAppStore((state) => state.starChanges);
  const selectStory = useAppStore((state) => state.selectStory);
  // The list on show is not the answer to what is typed: say so by dimming it.
  const stale = useAppStore((state) => state.searchStatus === 'error' || state.searchStatus === 'pending');
  const scrollRef = useRef<HTMLDivElement>(null);

  // The virtualiser is a mutable object read during render, which the React Compiler cannot memoise.
  // Ponder does not run the compiler, and hands none of the virtualiser's functions to memoised rows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    getItemKey: positionKey,
    overscan: OVERSCAN_ROWS,
  });

  // A keyboard move, a restored selection, another filter or search bring the selected row into
  // view ('auto': no scroll when it is visible already, as after a click). A library reload does
  // not: the reader may have scrolled away to browse.
  // The list of another filter or search shows once its rows are here, and the selection's place
  // may arrive after the selection itself (asked of main): follow the list on show, not the request.
  // A new search's results start at the top, best hits first, even when the open story is among
  // them further down; the list follows the selection again once it moves.
  const filter = useAppStore((state) => state.listView.filter);
  const query = visible.query;
  const results = query === null ? null : `${filter}|${visible.show}|${query}`;
  const placed = selectedIndex >= 0;
  const topOf = useRef<{ results: string; id: string | null } | null>(null);
  useEffect(() => {
    const top = topOf.current;
    if (results !== null && top?.results !== results) {
      topOf.current = { results, id: selectedId };
      virtualizer.scrollToOffset(0);
      return;
    }
    if (results === null) topOf.current = null;
    else if (top?.id === selectedId) return;
    const index = useAppStore.getState().selectedPosition;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, filter, results, placed, virtualizer]);

  useFocusRequest('list', scrollRef);

  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  // Ask for the rows on screen (and some around them) whenever the window or the list changes.
  useEffect(() => showRows(first, last), [first, last, visible, showRows]);
  const selectedRendered = rows.some((row) => row.index === selectedIndex);

  return (
    <div
      ref={scrollRef}
      id={STORY_LIST_ID}
      role="listbox"
      aria-label={orphans ? 'Orphaned notes' : 'Stories'}
      tabIndex={0}
      className={stale ? 'story-list story-list--stale' : 'story-list'}
      aria-busy={stale || undefined}
      aria-activedescendant={selectedRendered && selectedId ? storyRowId(selectedId) : undefined}
      data-testid={testIds.storyList}
      onKeyDown={(event) => {
        // Esc in a search's results: back to the search box (where a second Esc clears it).
        if (event.key !== 'Escape' || !useAppStore.getState().searchInput) return;
        event.preventDefault();
        useAppStore.getState().requestSearchFocus();
      }}
    >
      <div className="story-list__space" style={{ height: virtualizer.getTotalSize() }}>
        <div className="story-list__window" style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}>
          {rows.map((row) => {
            const story = rowAt(pages, row.index);
            if (!story) return <PlaceholderRow key={row.key} height={STORY_ROW_PX} />;
            return (
              <StoryRow
                key={row.key}
                index={row.index}
                setSize={count}
                height={STORY_ROW_PX}
                story={story}
                note={notes?.get(story.id)}
                selected={story.id === selectedId}
                noted={!orphans && notedIds.has(story.id)}
                read={orphans || rowMarked(readChanges, story, 'read')}
                starred={!orphans && rowMarked(starChanges, story, 'starred')}
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
