import { useCallback, useEffect, useState } from 'react';
import type { RecentLibrary } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';

/**
 * The recent library folders, asked for when the component mounts and again on `refresh()`
 * (a menu asks each time it opens: a folder may have gone missing since). null until known.
 */
export function useRecentLibraries() {
  const [recents, setRecents] = useState<RecentLibrary[] | null>(null);
  const refresh = useCallback(() => {
    // A list that cannot be read shows as none: the rest of the window works without it.
    ponder.recentLibraries().then(setRecents, () => setRecents([]));
  }, []);
  useEffect(refresh, [refresh]);
  /** Apply what a forget, clear or locate answered (null: it failed, the list is unchanged). */
  const update = useCallback((next: RecentLibrary[] | null) => {
    if (next) setRecents(next);
  }, []);
  return { recents, refresh, update };
}
