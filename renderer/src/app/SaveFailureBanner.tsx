import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { asClause } from '../components/as-clause';
import { plural } from '../components/plural';
import { useAppStore } from '../store/app-store';
import { selectSaveFailures } from '../store/save-failures';
import { testIds } from '../test-ids';

const COPIED_MS = 2_000;

/**
 * Under the header for as long as any note is not on disk: what failed, that the
 * text is safe here, and ways to act now. Saves are retried on their own too.
 */
export function SaveFailureBanner() {
  const { count, firstId, firstError } = useAppStore(useShallow(selectSaveFailures));
  const retry = useAppStore((state) => state.retryFailedSaves);
  const requestNoteSelect = useAppStore((state) => state.requestNoteSelect);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  if (count === 0 || firstId === null) return null;

  const onCopy = async () => {
    const text = useAppStore.getState().notes[firstId]?.text ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard (permission, unfocused window): show the note with its text selected instead.
      requestNoteSelect(firstId);
    }
  };

  return (
    <div className="save-failure" role="alert" data-testid={testIds.saveFailureBanner}>
      <span className="save-failure__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="save-failure__text">
        Ponder could not save {plural(count, 'note', 'notes')}: {asClause(firstError ?? 'unknown error')}. Your text is kept here and will be
        retried.
      </p>
      <div className="save-failure__actions">
        <button type="button" className="button button--small" data-testid={testIds.saveRetryButton} onClick={retry}>
          Retry now
        </button>
        <button
          type="button"
          className="button button--small"
          title={count > 1 ? 'Copy the text of the first note that could not be saved' : 'Copy the note’s text'}
          data-testid={testIds.saveCopyButton}
          onClick={() => void onCopy()}
        >
          {copied ? 'Copied ✓' : 'Copy text'}
        </button>
      </div>
    </div>
  );
}
