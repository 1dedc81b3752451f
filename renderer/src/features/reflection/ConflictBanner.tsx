import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import type { DiskVersion } from '../../store/types';
import { testIds } from '../../test-ids';

/**
 * The note changed on disk while the reader had unsaved edits. Nothing is written
 * until they pick: their own text, the other version, or both one after the other.
 */
export function ConflictBanner({ id, theirs }: { id: string; theirs: DiskVersion }) {
  const resolve = useAppStore((state) => state.resolveConflict);
  const [showTheirs, setShowTheirs] = useState(false);
  const deleted = theirs.revision === null;

  return (
    <div className="callout callout--conflict" role="alert" data-testid={testIds.conflictBanner}>
      <span className="callout__icon" aria-hidden="true">
        ⇄
      </span>
      <div className="callout__body">
        <p className="callout__text">
          <strong>This note was changed outside Ponder while you were editing. Both versions are kept.</strong>{' '}
          {deleted
            ? 'The file was removed on disk; your text is in the editor below.'
            : 'Your text is in the editor below; choose which one the note keeps.'}
        </p>
        <div className="callout__actions">
          <button
            type="button"
            className="button button--small button--accent"
            title="Save your text over the other version (it stays in the note's history)"
            data-testid={testIds.conflictKeepMine}
            onClick={() => void resolve(id, 'mine')}
          >
            Keep mine
          </button>
          <button
            type="button"
            className="button button--small"
            title="Replace your text with the other version (yours stays in the note's history)"
            data-testid={testIds.conflictUseTheirs}
            onClick={() => void resolve(id, 'theirs')}
          >
            Use theirs
          </button>
          <button
            type="button"
            className="button button--small"
            title="Keep both: your text, a rule, then the other version"
            data-testid={testIds.conflictMerge}
            onClick={() => void resolve(id, 'merge')}
          >
            Merge both
          </button>
          <button
            type="button"
            className="link-button callout__toggle"
            aria-expanded={showTheirs}
            aria-controls="conflict-theirs"
            data-testid={testIds.conflictShowTheirs}
            onClick={() => setShowTheirs((shown) => !shown)}
          >
            {showTheirs ? 'Hide their version' : 'View their version'}
          </button>
        </div>
        {showTheirs && (
          <div
            id="conflict-theirs"
            className="callout__theirs"
            role="document"
            aria-label="Their version, read-only"
            tabIndex={0}
            data-testid={testIds.conflictTheirText}
          >
            {theirs.text === '' ? <span className="callout__empty">(empty)</span> : theirs.text}
          </div>
        )}
      </div>
    </div>
  );
}
