import { DiagnosticsDialog } from '../features/diagnostics/DiagnosticsDialog';
import { ReflectionPane } from '../features/reflection/ReflectionPane';
import { IndexProgressBar } from '../features/search/IndexProgressBar';
import { StoriesPane } from '../features/stories/StoriesPane';
import { TopicsPane } from '../features/topics/TopicsPane';
import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';
import { EmptyState } from './EmptyState';
import { Header } from './Header';
import { Notice } from './Notice';
import { SaveFailureBanner } from './SaveFailureBanner';
import { useAppEvents } from './useAppEvents';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useNoteFlushTriggers } from './useNoteFlushTriggers';
import { useViewStatePersistence } from './useViewStatePersistence';

/**
 * The window: a header, the bars that come and go under it (index progress, notes
 * that could not be saved), then three panes — topics, stories, and the story with
 * its reflection.
 */
export function App() {
  useAppEvents();
  useNoteFlushTriggers();
  useViewStatePersistence();
  useGlobalShortcuts();
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
          <main className="panes">
            <TopicsPane />
            <StoriesPane />
            <ReflectionPane />
          </main>
        ) : (
          <EmptyState />
        ))}
      <DiagnosticsDialog />
      <Notice />
    </div>
  );
}
