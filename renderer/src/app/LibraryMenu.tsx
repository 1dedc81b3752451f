import { clearRecentLibraries, openRecentLibrary } from '../features/libraries/library-actions';
import { useRecentLibraries } from '../features/libraries/useRecentLibraries';
import { useAppStore } from '../store/app-store';
import { MenuButton } from './MenuButton';
import type { MenuEntry } from './MenuButton';

/**
 * The header's Library menu: Open Folder…, the recent folders (a missing one shown but
 * disabled), and Clear Recently Opened: File ▸ Open Recent inside the window. The list is
 * asked for again each time the menu opens.
 */
export function LibraryMenu() {
  const { recents, refresh, update } = useRecentLibraries();
  const list = recents ?? [];
  const entries: MenuEntry[] = [
    { key: 'open', label: 'Open Folder…', onSelect: () => void useAppStore.getState().openFolder() },
    { key: 'above-recents', separator: true },
    ...list.map(({ folder, name, missing }) => ({
      key: folder,
      label: missing ? `${name} (missing)` : name,
      detail: folder,
      disabled: missing,
      onSelect: () => void openRecentLibrary(folder),
    })),
    ...(list.length > 0 ? [{ key: 'below-recents', separator: true as const }] : []),
    { key: 'clear', label: 'Clear Recently Opened', disabled: list.length === 0, onSelect: () => void clearRecentLibraries().then(update) },
  ];
  return <MenuButton label="Library" entries={entries} onOpen={refresh} />;
}
