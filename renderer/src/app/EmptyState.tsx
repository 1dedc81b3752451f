import { testIds } from '../test-ids';
import { OpenFolderButton } from './OpenFolderButton';

export function EmptyState() {
  return (
    <main className="empty-state" data-testid={testIds.emptyState}>
      <div className="empty-state__card">
        <h1 className="empty-state__title">No library open</h1>
        <p className="empty-state__text">
          Choose a folder of digest files. Ponder lists their stories by topic and keeps your reflections beside them.
        </p>
        <OpenFolderButton prominent />
      </div>
    </main>
  );
}
