import { memo, useEffect, useRef } from 'react';
import type { StoryListItem } from '../../../../electron/shared/ipc-contract';
import { baseName } from '../../components/base-name';
import { Highlighted } from '../../components/Highlighted';
import type { HitHighlights } from '../../store/visible-stories';
import { testIds } from '../../test-ids';

interface StoryRowProps {
  story: StoryListItem;
  highlights: HitHighlights | undefined;
  selected: boolean;
  noted: boolean;
  onSelect: (id: string) => void;
}

/** DOM id of a story's row, for the listbox's aria-activedescendant. */
export function storyRowId(id: string): string {
  return `story-${id}`;
}

/** One row; memoised and self-contained so a virtualiser can render it later. */
export const StoryRow = memo(function StoryRow({ story, highlights, selected, noted, onSelect }: StoryRowProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div
      ref={ref}
      id={storyRowId(story.id)}
      role="option"
      aria-selected={selected}
      className="story-row"
      data-testid={testIds.storyRow}
      data-story-id={story.id}
      onClick={() => onSelect(story.id)}
    >
      <div className="story-row__title" data-testid={testIds.storyRowTitle}>
        <Highlighted text={story.title} ranges={highlights?.title} />
      </div>
      <div className="story-row__snippet" data-testid={testIds.storyRowSnippet}>
        <Highlighted text={story.snippet} ranges={highlights?.snippet} />
      </div>
      <div className="story-row__meta">
        <span className="story-row__source" title={`${story.source}:${story.line}`}>
          {baseName(story.source)}
        </span>
        {noted && (
          <span
            className="note-dot"
            role="img"
            aria-label="Has a reflection"
            title="You wrote a reflection"
            data-testid={testIds.storyNoteMark}
          />
        )}
      </div>
    </div>
  );
});
