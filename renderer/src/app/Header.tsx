import { DiagnosticsButton } from '../features/diagnostics/DiagnosticsButton';
import { IndexStatusText } from '../features/search/IndexStatusText';
import { SearchBox } from '../features/search/SearchBox';
import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';
import { OpenFolderButton } from './OpenFolderButton';

export function Header() {
  const name = useAppStore((state) => state.snapshot?.name ?? null);
  const folder = useAppStore((state) => state.snapshot?.folder);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__app">Ponder</span>
        {name !== null && (
          <span className="app-header__library" title={folder} data-testid={testIds.libraryName}>
            {name}
          </span>
        )}
      </div>
      <div className="app-header__center">{name !== null && <SearchBox />}</div>
      <div className="app-header__actions">
        <IndexStatusText />
        <DiagnosticsButton />
        <OpenFolderButton />
      </div>
    </header>
  );
}
