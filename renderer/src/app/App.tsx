import { DiagnosticsDialog } from '../features/diagnostics/DiagnosticsDialog';
import { IndexProgressBar } from '../features/search/IndexProgressBar';
import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';
import { Announcer } from './Announcer';
import { EmptyState } from './EmptyState';
import { Header } from './Header';
import { Notice } from './Notice';
import { Panes } from './Panes';
import { SaveFailureBanner } from './SaveFailureBanner';
import { useAppEvents } from './useAppEvents';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useNoteFlushTriggers } from './useNoteFlushTriggers';
import { useViewPrefs } from './useViewPrefs';
import { useViewStatePersistence } from './useViewStatePersistence';

/**
 * The window: a header, the bars that come and go under it (index progress, notes
 * that could not be saved), then three panes — topics, stories, and the story with
 * its reflection (Panes) — or the empty state.
 */
export function App() {
  useAppEvents();
  useNoteFlushTriggers();
  useViewStatePersistence();
  useGlobalShortcuts();
  useViewPrefs();
  const loaded = useAppStore((state) => state.libraryLoaded);
  const hasLibrary = useAppStore((state) => state.snapshot !== null);

  return (
    <div className="app" data-testid={testIds.app} aria-busy={!loaded}>
      <Header />
      <div className="app-bars">
        <IndexProgressBar />
        <SaveFailureBanner />
      </div>
      {loaded &&
        (hasLibrary ? (
          <Panes />
        ) : (
          <EmptyState />
        ))}
      <DiagnosticsDialog />
      <Notice />
      <Announcer />
    </div>
  );
}
