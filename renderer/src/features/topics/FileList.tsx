import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { FilterKey } from '../../store/types';
import { testIds } from '../../test-ids';
import { FilterOption } from './FilterOption';
import type { SourceRow } from './useFilterRows';

/**
 * Up to this many files are rendered whole; a longer list (a 100k library has
 * thousands) gets a scroll area of its own and only the rows near its viewport
 * are in the DOM, so the pane scrolls at full frame rate.
 */
const RENDER_ALL_UP_TO = 200;
/** A file row's height before it is measured (label, count and progress bar). */
const ESTIMATED_ROW_PX = 44;
const OVERSCAN_ROWS = 12;

interface FileListProps {
  rows: readonly SourceRow[];
  selected: FilterKey | null;
  /** Position of the selected file in `rows`, or -1. */
  selectedIndex: number;
  onKeyDown: (event: KeyboardEvent) => void;
  onSelect: (key: FilterKey | null) => void;
}

/** The library's files as a single-select listbox, labelled by the "Files" heading (`files-heading`). */
export function FileList({ rows, selected, selectedIndex, onKeyDown, onSelect }: FileListProps) {
  const option = (row: SourceRow, index: number) => (
    <FilterOption
      key={row.key}
      id={`file-opt-${index}`}
      filterKey={row.key}
      label={row.path}
      title={row.path}
      count={row.count}
      progress={{ answered: row.answered, total: row.count }}
      selected={row.key === selected}
      testId={testIds.sourceOption}
      countTestId={testIds.topicCount}
      onSelect={onSelect}
    />
  );
  const listbox = {
    role: 'listbox',
    'aria-labelledby': 'files-heading',
    tabIndex: 0,
    'aria-activedescendant': selectedIndex >= 0 ? `file-opt-${selectedIndex}` : undefined,
    onKeyDown,
  } as const;
  if (rows.length <= RENDER_ALL_UP_TO) {
    return (
      <div {...listbox} className="filter-list">
        {rows.map(option)}
      </div>
    );
  }
  return <VirtualFileList rows={rows} selectedIndex={selectedIndex} listbox={listbox} option={option} />;
}

function VirtualFileList({
  rows,
  selectedIndex,
  listbox,
  option,
}: {
  rows: readonly SourceRow[];
  selectedIndex: number;
  listbox: object;
  option: (row: SourceRow, index: number) => ReactElement;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser is a mutable object read during render (as in StoryList); Ponder does not run the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
  });
  // A keyboard move (or a file chosen elsewhere) brings its row into the DOM and into view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  return (
    <div {...listbox} ref={scrollRef} className="filter-list" style={{ display: 'block', maxHeight: '50vh', overflowY: 'auto', overscrollBehavior: 'contain' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)`, paddingBottom: 1 }}
          >
            {option(rows[item.index]!, item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
