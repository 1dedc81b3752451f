import { baseName } from '../../components/base-name';
import { plural } from '../../components/plural';
import { useAppStore } from '../../store/app-store';
import { parseFilter, type ParsedFilter } from '../../store/filter-key';
import type { VisibleStories } from '../../store/visible-stories';
import type { ShowFilter } from '../../../../electron/shared/ipc-contract';
import { testIds } from '../../test-ids';

function scopeOf(parsed: ParsedFilter | null): string | null {
  if (!parsed || parsed.kind === 'orphans') return null;
  return parsed.kind === 'topic' ? parsed.name : baseName(parsed.path);
}

/** How the header names the stories of a Show choice: "12 unanswered stories", "3 results … among unread". */
const SHOWN: Readonly<Record<ShowFilter, string | null>> = { all: null, unread: 'unread', starred: 'starred', unanswered: 'unanswered', answered: 'answered' };

/** "26 stories", "12 unanswered stories in Ukraine", "3 results for “drones” in Ukraine", "2 orphaned notes". */
export function StoriesHeader({ visible }: { visible: VisibleStories }) {
  const filter = useAppStore((state) => state.selectedFilter);
  const markViewRead = useAppStore((state) => state.markViewRead);
  const widenSearch = useAppStore((state) => state.widenSearch);
  const scope = scopeOf(parseFilter(filter));
  const count = visible.count;

  const shown = visible.orphans ? null : SHOWN[visible.show];
  let text: string;
  let detail: string | null = scope === null ? null : `in ${scope}`;
  if (visible.orphans) {
    text = plural(count, 'orphaned note', 'orphaned notes');
    if (visible.query !== null) text += ` for “${visible.query}”`;
  } else if (visible.query === null) {
    text = shown === null ? plural(count, 'story', 'stories') : plural(count, `${shown} story`, `${shown} stories`);
  } else {
    // The total counts every match within the filter and Show choice, even when the hits were capped.
    text = `${plural(visible.searchTotal, 'result', 'results')} for “${visible.query}”`;
    if (shown !== null) detail = `among ${shown}${detail === null ? '' : ` ${detail}`}`;
    if (visible.searchTotal > count) detail = `${detail === null ? '' : `${detail} `}· best ${count.toLocaleString('en-US')} shown`;
  }
  return (
    <header className="pane-header">
      <h2 className="pane-header__title" data-testid={testIds.storyCount} aria-live="polite">
        {text}
        {detail && (
          <>
            {' '}
            <span className="pane-header__scope">{detail}</span>
          </>
        )}
      </h2>
      {!visible.orphans && visible.query !== null && scope !== null && (
        // Search in context: the same query over every story, one click (or w) away.
        <button type="button" className="button button--small button--quiet pane-header__action" title="The same search over every story (w)" onClick={widenSearch}>
          Search all stories
        </button>
      )}
      {!visible.orphans && count > 0 && (
        <button type="button" className="button button--small button--quiet pane-header__action" title="Mark every story listed here as read (Shift+M)" onClick={() => void markViewRead()}>
          Mark all as read
        </button>
      )}
    </header>
  );
}
