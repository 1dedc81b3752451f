import { MissingLibrary } from '../features/libraries/MissingLibrary';
import { RecentLibraryList } from '../features/libraries/RecentLibraryList';
import { useRecentLibraries } from '../features/libraries/useRecentLibraries';
import { testIds } from '../test-ids';
import { OpenFolderButton } from './OpenFolderButton';

/**
 * No library open: at first, after the last library's folder went missing (then it offers
 * Locate… and Remove from Recents), or after the reader removed it. Lists the recent folders.
 */
export function EmptyState() {
  const { recents, update } = useRecentLibraries();
  // The folder opened last is first in the list: if it is gone, that is why nothing is open.
  const missing = recents?.[0]?.missing ? recents[0] : null;
  return (
    <main className="empty-state" data-testid={testIds.emptyState}>
      <div className="empty-state__card">
        <h1 className="empty-state__title">No library open</h1>
        {missing && <MissingLibrary library={missing} onRecents={update} />}
        <p className="empty-state__text">
          Choose a folder of digest files, or drop one on this window. Ponder lists their stories by topic and keeps your reflections
          beside them.
        </p>
        <OpenFolderButton prominent />
        {recents && <RecentLibraryList recents={missing ? recents.slice(1) : recents} />}
      </div>
    </main>
  );
}
