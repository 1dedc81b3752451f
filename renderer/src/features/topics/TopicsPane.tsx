import { useMemo, useState, type KeyboardEvent } from 'react';
import { nextListboxKey } from '../../components/listbox-keys';
import { useAppStore } from '../../store/app-store';
import { ORPHANS_FILTER } from '../../store/filter-key';
import type { FilterKey } from '../../store/types';
import { testIds } from '../../test-ids';
import { DataFolderFooter } from './DataFolderFooter';
import { FileList } from './FileList';
import { FilterOption } from './FilterOption';
import { SavedSearches } from './SavedSearches';
import { useSourceRows, useTopicRows } from './useFilterRows';

/** Topics shown before "Show all": a big library can have thousands. */
const TOPIC_RENDER_CAP = 150;
const ORPHAN_KEYS: readonly FilterKey[] = [ORPHANS_FILTER];

export function TopicsPane() {
  const topics = useTopicRows();
  const sources = useSourceRows();
  const storyCount = useAppStore((state) => state.snapshot?.storyCount ?? 0);
  const answered = useAppStore((state) => state.snapshot?.progress.answered ?? 0);
  const selected = useAppStore((state) => state.selectedFilter);
  const selectFilter = useAppStore((state) => state.selectFilter);
  const orphanCount = useAppStore((state) => state.notesOverview.orphans.length);
  const [showAll, setShowAll] = useState(false);

  const shownTopics = useMemo(
    () => (showAll ? topics : topics.filter((row, index) => index < TOPIC_RENDER_CAP || row.key === selected)),
    [topics, showAll, selected],
  );
  const topicKeys = useMemo(() => [null, ...shownTopics.map((row) => row.key)], [shownTopics]);
  const sourceKeys = useMemo(() => sources.map((row) => row.key), [sources]);
  const topicSelected = selected === null || selected.startsWith('topic:');
  const topicIndex = topicKeys.indexOf(selected);
  const sourceIndex = sourceKeys.indexOf(selected as FilterKey);

  const onTopicKeys = (event: KeyboardEvent) => {
    const next = nextListboxKey(event, topicKeys, topicSelected ? selected : undefined);
    if (next !== undefined) selectFilter(next);
  };
  const onSourceKeys = (event: KeyboardEvent) => {
    const next = nextListboxKey(event, sourceKeys, sourceIndex >= 0 ? (selected as FilterKey) : undefined);
    if (next !== undefined) selectFilter(next);
  };
  const onOrphanKeys = (event: KeyboardEvent) => {
    const next = nextListboxKey(event, ORPHAN_KEYS, selected === ORPHANS_FILTER ? ORPHANS_FILTER : undefined);
    if (next !== undefined) selectFilter(next);
  };

  return (
    <nav aria-label="Topics" className="pane pane--topics" data-testid={testIds.topicsPane}>
      <div className="topics-pane__lists">
        <SavedSearches />
        <div
          role="listbox"
          aria-label="Topics"
          tabIndex={0}
          className="filter-list"
          data-testid={testIds.topicList}
          aria-activedescendant={topicIndex === 0 ? 'topic-opt-all' : topicIndex > 0 ? `topic-opt-${topicIndex - 1}` : undefined}
          onKeyDown={onTopicKeys}
        >
          <FilterOption
            id="topic-opt-all"
            filterKey={null}
            label="All stories"
            count={storyCount}
            progress={{ answered, total: storyCount }}
            selected={selected === null}
            testId={testIds.topicAll}
            countTestId={testIds.topicCount}
            onSelect={selectFilter}
          />
          {shownTopics.length > 0 && (
            <div className="filter-list__heading" aria-hidden="true">
              Topics
            </div>
          )}
          {shownTopics.map((row, index) => (
            <FilterOption
              key={row.key}
              id={`topic-opt-${index}`}
              filterKey={row.key}
              label={row.name}
              count={row.count}
              detail={`${row.unanswered.toLocaleString('en-US')} unanswered`}
              progress={{ answered: row.count - row.unanswered, total: row.count }}
              selected={row.key === selected}
              testId={testIds.topicOption}
              countTestId={testIds.topicCount}
              detailTestId={testIds.topicUnanswered}
              onSelect={selectFilter}
            />
          ))}
        </div>
        {shownTopics.length < topics.length && (
          <button type="button" className="link-button" data-testid={testIds.topicsShowAll} onClick={() => setShowAll(true)}>
            Show all {topics.length.toLocaleString('en-US')} topics
          </button>
        )}

        {sources.length > 0 && (
          <>
            <h2 className="pane-heading" id="files-heading">
              Files
            </h2>
            <FileList rows={sources} selected={selected} selectedIndex={sourceIndex} onKeyDown={onSourceKeys} onSelect={selectFilter} />
          </>
        )}

        {orphanCount > 0 && (
          <section aria-labelledby="orphans-heading" data-testid={testIds.orphansSection}>
            <h2 className="pane-heading" id="orphans-heading">
              Orphaned notes
            </h2>
            <div
              role="listbox"
              aria-labelledby="orphans-heading"
              tabIndex={0}
              className="filter-list"
              aria-activedescendant={selected === ORPHANS_FILTER ? 'orphans-opt' : undefined}
              onKeyDown={onOrphanKeys}
            >
              <FilterOption
                id="orphans-opt"
                filterKey={ORPHANS_FILTER}
                label="All orphaned notes"
                title="Notes are never deleted: these stories left the library, their notes stayed"
                count={orphanCount}
                detail="Their stories left the library"
                selected={selected === ORPHANS_FILTER}
                testId={testIds.orphansOption}
                countTestId={testIds.topicCount}
                onSelect={selectFilter}
              />
            </div>
          </section>
        )}
      </div>
      <DataFolderFooter />
    </nav>
  );
}
