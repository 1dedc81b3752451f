import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectOrphan } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { HistoryDialog } from './HistoryDialog';
import { NoteEditor } from './NoteEditor';
import { OrphanReading } from './OrphanReading';
import { RelatedStories } from './RelatedStories';
import { StoryReading } from './StoryReading';

/** The story being read (or, for an orphaned note, where it was), then the reader's answer to its question. */
export function ReflectionPane() {
  const id = useAppStore((state) => state.selectedStoryId);
  // Orphans have no story to fetch (`getStory` answers null): their note carries the question.
  const orphan = useAppStore((state) => (id === null ? null : selectOrphan(state, id)));
  const ref = useRef<HTMLElement>(null);

  // A new story starts at its top, not where the last one was left.
  useEffect(() => {
    ref.current?.scrollTo({ top: 0 });
  }, [id]);

  return (
    <section ref={ref} aria-label="Reflection" className="pane pane--reflection" data-testid={testIds.reflectionPane}>
      {id ? (
        <div className="reflection">
          {orphan ? <OrphanReading note={orphan} /> : <StoryReading id={id} />}
          <NoteEditor key={id} id={id} />
          {!orphan && <RelatedStories id={id} />}
          <HistoryDialog key={`history-${id}`} id={id} />
        </div>
      ) : (
        <div className="pane-empty" data-testid={testIds.reflectionEmpty}>
          <p className="pane-empty__title">Nothing selected</p>
          <p className="pane-empty__hint">Choose a story to read it and write your reflection.</p>
        </div>
      )}
    </section>
  );
}
