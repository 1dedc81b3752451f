import { memo } from 'react';
import type { StoryListItem } from '../../../../electron/shared/ipc-contract';
import { baseName } from '../../components/base-name';
import { Highlighted } from '../../components/Highlighted';
import type { NotePassage } from '../../../../electron/shared/search-contract';
import { testIds } from '../../test-ids';

interface StoryRowProps {
  /** A search's row carries what it marks (`match`). */
  story: StoryListItem;
  /** Position in the whole list (0-based), for aria-posinset. */
  index: number;
  /** Length of the whole list, of which only some rows are rendered. */
  setSize: number;
  /** The list's fixed row height, in CSS pixels. */
  height: number;
  /** The passage of the story's note that a search found. */
  note: NotePassage | undefined;
  selected: boolean;
  noted: boolean;
  /** Read (no dot, normal title) or unread (a dot and a bolder title); orphans are neither. */
  read: boolean;
  starred: boolean;
  /** The row is an orphaned note: its story is gone from the library. */
  orphan: boolean;
  /** Called with the story's id and its position in the list. */
  onSelect: (id: string, position: number) => void;
}

const FIELD_NAMES = { reflection: 'In the reflection', question: 'In the question' } as const;

/** DOM id of a story's row, for the listbox's aria-activedescendant. */
export function storyRowId(id: string): string {
  return `story-${id}`;
}

/** One row; memoised and self-contained, so the virtualiser re-renders only rows that change. */
export const StoryRow = memo(function StoryRow(props: StoryRowProps) {
  const { story, index, setSize, height, note, selected, noted, read, starred, orphan, onSelect } = props;
  const match = story.match;
  const passage = match?.passage;
  const className = orphan ? 'story-row story-row--orphan' : read ? 'story-row' : 'story-row story-row--unread';
  return (
    <div
      id={storyRowId(story.id)}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={className}
      data-testid={testIds.storyRow}
      data-story-id={story.id}
      style={{ height }}
      onClick={() => onSelect(story.id, index)}
    >
      <div className="story-row__title" data-testid={testIds.storyRowTitle}>
        {/* Not colour alone: a dot, a bolder title, and "Unread" in the row's accessible name. */}
        {!orphan && !read && <span className="unread-dot" role="img" aria-label="Unread" title="Not read yet" />}
        <Highlighted text={story.title} ranges={match?.title} />
      </div>
      {note ? (
        // Found by the reader's note (search scope Notes or Both): its passage, named as the note's.
        <div className="story-row__snippet" data-testid={testIds.storyRowSnippet}>
          <span className="story-row__field">Note: </span>
          <Highlighted text={note.text} ranges={note.ranges} />
        </div>
      ) : passage ? (
        // A search hit: the words around its first match the title does not show, from whichever field holds it.
        <div className="story-row__snippet" data-testid={testIds.storyRowSnippet}>
          {passage.field !== 'summary' && <span className="story-row__field">{FIELD_NAMES[passage.field]}: </span>}
          <Highlighted text={passage.text} ranges={passage.ranges} />
        </div>
      ) : (
        story.snippet !== '' && (
          <div className="story-row__snippet" data-testid={testIds.storyRowSnippet}>
            <Highlighted text={story.snippet} ranges={match?.snippet} />
          </div>
        )
      )}
      <div className="story-row__meta">
        <span className="story-row__source" title={orphan ? story.source : `${story.source}:${story.line}`}>
          {orphan ? `${baseName(story.source)} (no longer in the library)` : baseName(story.source)}
        </span>
        {starred && (
          <span className="star-mark" role="img" aria-label="Starred" title="Starred">
            ★
          </span>
        )}
        {noted && (
          <span
            className="note-dot"
            role="img"
            aria-label="Answered: has a reflection"
            title="You wrote a reflection"
            data-testid={testIds.storyNoteMark}
          />
        )}
      </div>
    </div>
  );
});

/** A row whose story is still on its way from main: same height, no text, hidden from assistive technology. */
export const PlaceholderRow = memo(function PlaceholderRow({ height }: { height: number }) {
  return <div className="story-row story-row--placeholder" aria-hidden="true" style={{ height }} />;
});
