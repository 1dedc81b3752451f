// Opening, locating and forgetting library folders from the window (the empty screen, the
// header's Library menu, a drop). Each change of library writes pending notes first, as
// Open Folder… does; what fails is shown in the notice, in main's own words.

import type { LibrarySnapshot, RecentLibrary } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';
import { errorMessage } from '../../store/error-message';
import { useAppStore } from '../../store/app-store';

/** What a drop with no file in it gets (text, a link): main answers the same for a file with no path. */
export const NOT_A_FOLDER_DROP = 'Ponder: only a folder can be dropped here. Drop the folder that holds your digest files to open it.';

/** Write pending notes, then show the library `open` answers (null: the user cancelled). */
async function switchLibrary(open: () => Promise<LibrarySnapshot | null>): Promise<LibrarySnapshot | null> {
  await useAppStore.getState().flushNotes();
  try {
    const snapshot = await open();
    if (snapshot) useAppStore.getState().setSnapshot(snapshot);
    return snapshot;
  } catch (error) {
    useAppStore.getState().showNotice(errorMessage(error));
    return null;
  }
}

export function openRecentLibrary(folder: string): Promise<LibrarySnapshot | null> {
  return switchLibrary(() => ponder.openRecentLibrary({ folder }));
}

export function openDroppedFolder(file: File | undefined): Promise<LibrarySnapshot | null> {
  if (!file) {
    useAppStore.getState().showNotice(NOT_A_FOLDER_DROP);
    return Promise.resolve(null);
  }
  return switchLibrary(() => ponder.openDroppedFolder(file));
}

/** Locate…: pick the folder again; once it opens, the missing entry leaves the recent list. */
export async function locateLibrary(missing: string): Promise<RecentLibrary[] | null> {
  const snapshot = await switchLibrary(() => ponder.chooseLibrary());
  if (!snapshot) return null;
  return snapshot.folder === missing ? ponder.recentLibraries() : forgetRecentLibrary(missing);
}

/** Remove one folder from the recent list; answers the list as it is now (null: it failed, and says so). */
export async function forgetRecentLibrary(folder: string): Promise<RecentLibrary[] | null> {
  try {
    return await ponder.forgetRecentLibrary({ folder });
  } catch (error) {
    useAppStore.getState().showNotice(errorMessage(error));
    return null;
  }
}

export async function clearRecentLibraries(): Promise<RecentLibrary[] | null> {
  try {
    return await ponder.clearRecentLibraries();
  } catch (error) {
    useAppStore.getState().showNotice(errorMessage(error));
    return null;
  }
}
