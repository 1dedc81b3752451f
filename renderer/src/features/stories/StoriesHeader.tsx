import { plural } from '../../components/plural';
import { parseFilter } from '../../store/filter-key';
import { useAppStore } from '../../store/app-store';
import type { VisibleStories } from '../../store/visible-stories';
import { testIds } from '../../test-ids';
import { baseName } from '../../components/base-name';

/** "26 stories", "3 results for “drones” in Ukraine". */
export function StoriesHeader({ visible }: { visible: VisibleStories }) {
  const filter = useAppStore((state) => state.selectedFilter);
  const parsed = parseFilter(filter);
  const scope = parsed ? (parsed.kind === 'topic' ? parsed.name : baseName(parsed.path)) : null;

  let text: string;
  if (visible.query === null) {
    text = plural(visible.items.length, 'story', 'stories');
  } else {
    // Without a filter the library-wide total is right even when the hits were capped.
    const count = scope ? visible.items.length : visible.searchTotal;
    text = `${plural(count, 'result', 'results')} for “${visible.query}”`;
  }
  return (
    <header className="pane-header">
      <h2 className="pane-header__title" data-testid={testIds.storyCount} aria-live="polite">
        {text}
        {scope && (
          <>
            {' '}
            <span className="pane-header__scope">in {scope}</span>
          </>
        )}
      </h2>
    </header>
  );
}
