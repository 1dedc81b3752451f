import { DiagnosticsDialog } from '../features/diagnostics/DiagnosticsDialog';
import { useFolderDrop } from '../features/libraries/useFolderDrop';
import { useLibraryMissing } from '../features/libraries/useLibraryMissing';
import { IndexProgressBar } from '../features/search/IndexProgressBar';
import { ReflectionsDialog } from '../features/reflections/ReflectionsDialog';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { Welcome } from '../features/welcome/Welcome';
import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';
import { Announcer } from './Announcer';
import { EmptyState } from './EmptyState';
import { Header } from './Header';
import { Notice } from './Notice';
import { Panes } from './Panes';
import { SaveFailureBanner } from './SaveFailureBanner';
import { SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts';
import { Toast } from './Toast';
import { useAutoRead } from './useAutoRead';
import { useAppEvents } from './useAppEvents';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useNoteFlushTriggers } from './useNoteFlushTriggers';
import { useOrphanNotice } from './useOrphanNotice';
import { useViewPrefs } from './useViewPrefs';
import { useViewStatePersistence } from './useViewStatePersistence';

/**
 * The window: a header, the bars that come and go under it (index progress, notes
 * that could not be saved), then three panes — topics, stories, and the story with
 * its reflection (Panes) — or the empty state.
 */
/** Where focus goes when a dialog's opener is gone. */
const focusStoryList = () => useAppStore.getState().requestFocus('list');

export function App() {
  useAppEvents();
  useNoteFlushTriggers();
  useViewStatePersistence();
  useGlobalShortcuts();
  useViewPrefs();
  useAutoRead();
  useOrphanNotice();
  useLibraryMissing();
  const drop = useFolderDrop();
  const loaded = useAppStore((state) => state.libraryLoaded);
  const hasLibrary = useAppStore((state) => state.snapshot !== null);

  return (
    // A folder dropped anywhere on the window opens it (useFolderDrop).
    <div className="app" data-testid={testIds.app} aria-busy={!loaded} {...drop.handlers}>
      <Header />
      <div className="app-bars">
        <IndexProgressBar />
        <SaveFailureBanner />
        {/* In the bars' row (auto height), so it pushes the panes down rather than sitting under them. */}
        {loaded && hasLibrary && <Welcome />}
      </div>
      {loaded &&
        (hasLibrary ? (
          <Panes />
        ) : (
          <EmptyState />
        ))}
      <DiagnosticsDialog />
      <ShortcutsDialog shortcuts={SHORTCUTS} groups={SHORTCUT_GROUPS} onClosed={focusStoryList} />
      <ReflectionsDialog />
      <Toast />
      <Notice />
      <Announcer />
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a folder to open it
        </div>
      )}
    </div>
  );
}
