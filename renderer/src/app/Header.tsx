import { DiagnosticsButton } from '../features/diagnostics/DiagnosticsButton';
import { IndexStatusText } from '../features/search/IndexStatusText';
import { SearchBox } from '../features/search/SearchBox';
import { ReflectionsButton } from '../features/reflections/ReflectionsButton';
import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';
import { DisplayMenu } from './DisplayMenu';
import { LibraryMenu } from './LibraryMenu';
import { NotesMenu } from './NotesMenu';
import { TOPICS_BUTTON_ID, TOPICS_DRAWER_ID } from './TopicsDrawer';
import { useLayoutMode } from './useLayoutMode';
import { toggleTopics } from './view-commands';

/** Shows the topics when they are out of sight: hidden by the reader, or in a narrow window's drawer. */
function TopicsButton() {
  const mode = useLayoutMode();
  const hidden = useAppStore((state) => state.topicsHidden);
  const drawerOpen = useAppStore((state) => state.topicsDrawerOpen);
  if (mode === 'wide' && !hidden) return null;
  return (
    <button
      type="button"
      id={TOPICS_BUTTON_ID}
      className="button"
      aria-expanded={mode === 'wide' ? false : drawerOpen}
      aria-controls={mode === 'wide' ? undefined : TOPICS_DRAWER_ID}
      title="Show the topics (Ctrl/Cmd+\)"
      onClick={toggleTopics}
    >
      Topics
    </button>
  );
}

export function Header() {
  const name = useAppStore((state) => state.snapshot?.name ?? null);
  const folder = useAppStore((state) => state.snapshot?.folder);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        {name !== null && <TopicsButton />}
        {/* The page's one constant heading: the story on screen has the other level-one heading. */}
        <h1 className="app-header__app">Ponder</h1>
        {name !== null && (
          <span className="app-header__library" title={folder} data-testid={testIds.libraryName}>
            {name}
          </span>
        )}
      </div>
      <div className="app-header__center">{name !== null && <SearchBox />}</div>
      <div className="app-header__actions">
        <IndexStatusText />
        {name !== null && <ReflectionsButton />}
        <DiagnosticsButton />
        <NotesMenu />
        <DisplayMenu />
        <LibraryMenu />
      </div>
    </header>
  );
}
