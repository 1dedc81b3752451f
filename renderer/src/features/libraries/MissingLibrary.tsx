import { useId } from 'react';
import type { RecentLibrary } from '../../../../electron/shared/ipc-contract';
import { forgetRecentLibrary, locateLibrary } from './library-actions';
import './libraries.css';

/**
 * A library folder that moved or vanished (the last one, at start-up or while it was open):
 * Locate… picks it again where it is now; Remove from Recents forgets it. Its notes are safe
 * either way: they live in the data folder.
 */
export function MissingLibrary({ library, onRecents }: { library: RecentLibrary; onRecents: (recents: RecentLibrary[] | null) => void }) {
  const headingId = useId();
  return (
    <section className="missing-library" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="missing-library__title">
        “{library.name}” was not found
      </h2>
      <p className="missing-library__text">
        The folder <span className="missing-library__path">{library.folder}</span> has moved, been renamed or been deleted. Your notes
        are safe in Ponder’s data folder. Locate the folder where it is now, or remove it from the recent folders.
      </p>
      <div className="missing-library__actions">
        <button type="button" className="button button--accent" onClick={() => void locateLibrary(library.folder).then(onRecents)}>
          Locate…
        </button>
        <button type="button" className="button" onClick={() => void forgetRecentLibrary(library.folder).then(onRecents)}>
          Remove from Recents
        </button>
      </div>
    </section>
  );
}
