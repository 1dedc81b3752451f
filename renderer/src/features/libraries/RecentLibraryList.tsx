import { useId } from 'react';
import type { RecentLibrary } from '../../../../electron/shared/ipc-contract';
import { openRecentLibrary } from './library-actions';
import './libraries.css';

/** The empty screen's recent folders: one button each, a missing one disabled and marked "(missing)". */
export function RecentLibraryList({ recents }: { recents: RecentLibrary[] }) {
  const headingId = useId();
  if (recents.length === 0) return null;
  return (
    <section className="recent-libraries" aria-labelledby={headingId}>
      <h2 id={headingId} className="recent-libraries__title">
        Recent folders
      </h2>
      <ul className="recent-libraries__list">
        {recents.map(({ folder, name, missing }) => (
          <li key={folder}>
            <button type="button" className="recent-libraries__item" disabled={missing} title={folder} onClick={() => void openRecentLibrary(folder)}>
              <span className="recent-libraries__name">
                {name}
                {missing && ' (missing)'}
              </span>
              {/* Named by the folder's name; its path is the description (title). */}
              <span className="recent-libraries__path" aria-hidden="true">
                {folder}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
