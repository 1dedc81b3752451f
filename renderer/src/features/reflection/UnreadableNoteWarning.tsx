import { asClause } from '../../components/as-clause';
import type { UnreadableFile } from '../../store/types';
import { testIds } from '../../test-ids';

/** Above the editor when the note's file is not a readable note: what happened and what saving will do. */
export function UnreadableNoteWarning({ unreadable }: { unreadable: UnreadableFile }) {
  return (
    <div className="callout callout--warning" data-testid={testIds.unreadableNoteWarning}>
      <span className="callout__icon" aria-hidden="true">
        ⚠
      </span>
      <div className="callout__body">
        <p className="callout__text">
          This note&apos;s file could not be read: {asClause(unreadable.reason)}. Ponder kept the file as it is. The text below
          was recovered from it; saving writes a new note and keeps the original beside it as a .corrupt copy.
        </p>
        <p className="callout__detail" title={unreadable.file}>
          {unreadable.file}
        </p>
      </div>
    </div>
  );
}
