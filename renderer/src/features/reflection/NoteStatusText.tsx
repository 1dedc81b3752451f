import type { NoteDraft } from '../../store/types';
import { testIds } from '../../test-ids';

/** "Saving…", "Saved ✓", "Updated from disk", or an alert saying why the note is not on disk. */
export function NoteStatusText({ draft }: { draft: NoteDraft | undefined }) {
  const status = draft?.status ?? 'loading';
  // A failed save stays visible while the reader types on, until a save works.
  const saveFailed = draft?.error != null && (status === 'error' || status === 'dirty' || status === 'saving');
  const failed = saveFailed || status === 'load-error' || status === 'conflict';
  let text = '';
  if (saveFailed) text = `Not saved: ${draft?.error ?? 'unknown error'}`;
  else if (status === 'loading') text = 'Loading…';
  else if (status === 'dirty' || status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved ✓';
  else if (status === 'updated') text = 'Updated from disk';
  else if (status === 'conflict') text = 'Not saved: choose a version above';
  else if (status === 'error') text = `Not saved: ${draft?.error ?? 'unknown error'}`;
  else if (status === 'load-error') text = `Could not load your note: ${draft?.error ?? 'unknown error'}`;
  return (
    <span
      role={saveFailed || status === 'load-error' ? 'alert' : 'status'}
      className={failed ? 'note__status note__status--error' : 'note__status'}
      data-testid={testIds.noteStatus}
    >
      {text}
    </span>
  );
}
