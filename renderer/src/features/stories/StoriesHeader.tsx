import { baseName } from '../../components/base-name';
import { plural } from '../../components/plural';
import { useAppStore } from '../../store/app-store';
import { parseFilter, type ParsedFilter } from '../../store/filter-key';
import type { VisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';

function scopeOf(parsed: ParsedFilter | null): string | null {
  if (!parsed || parsed.kind === 'orphans') return null;
  return parsed.kind === 'topic' ? parsed.name : baseName(parsed.path);
}

/** "26 stories", "3 results for “drones” in Ukraine", "2 orphaned notes". */
export function StoriesHeader({ visible }: { visible: VisibleStories }) {
  const filter = useAppStore((state) => state.selectedFilter);
  const markViewRead = useAppStore((state) => state.markViewRead);
  const scope = scopeOf(parseFilter(filter));
  const count = visible.count;

  let text: string;
  let detail: string | null = scope === null ? null : `in ${scope}`;
  if (visible.orphans) {
    text = plural(count, 'orphaned note', 'orphaned notes');
    if (visible.query !== null) text += ` for “${visible.query}”`;
  } else if (visible.query === null) {
    text = plural(count, 'story', 'stories');
  } else {
    // The total counts every match within the filter, even when the hits were capped.
    text = `${plural(visible.searchTotal, 'result', 'results')} for “${visible.query}”`;
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
      {!visible.orphans && count > 0 && (
        <button type="button" className="button button--small button--quiet pane-header__action" title="Mark every story listed here as read (Shift+M)" onClick={() => void markViewRead()}>
          Mark all as read
        </button>
      )}
    </header>
  );
}
