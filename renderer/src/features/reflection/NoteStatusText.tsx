import type { NoteDraft } from '../../store/types';
import { testIds } from '../../test-ids';

/** "Saving…", "Saved ✓", or an alert saying why the note is not on disk. */
export function NoteStatusText({ draft }: { draft: NoteDraft | undefined }) {
  const status = draft?.status ?? 'loading';
  const failed = status === 'error' || status === 'load-error';
  let text = '';
  if (status === 'loading') text = 'Loading…';
  else if (status === 'dirty' || status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved ✓';
  else if (status === 'error') text = `Not saved: ${draft?.error ?? 'unknown error'}`;
  else if (status === 'load-error') text = `Could not load your note: ${draft?.error ?? 'unknown error'}`;
  return (
    <span
      role={failed ? 'alert' : 'status'}
      className={failed ? 'note__status note__status--error' : 'note__status'}
      data-testid={testIds.noteStatus}
    >
      {text}
    </span>
  );
}
