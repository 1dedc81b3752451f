// What main does once the renderer answered its flush request, or did not
// answer in time: before the window closes, and before the notes folder is
// moved. No Electron here, so the decisions are unit-tested on their own.
// The count of unsaved notes is the larger of the page's report and main's own
// record (save-journal.ts): a page can never talk main out of asking.

import type { FlushOutcome } from './flush-gate';

/** Close at once, or ask the user first with this message. */
export type CloseDecision = { kind: 'close' } | { kind: 'ask'; message: string; detail: string };

/** Closing: ask before discarding any note not on disk, and when the page did not answer at all. */
export function closeDecision(outcome: FlushOutcome, knownUnsaved: number): CloseDecision {
  const unsaved = unsavedCount(outcome, knownUnsaved);
  if (outcome.state === 'timeout') {
    return {
      kind: 'ask',
      message: 'Ponder could not confirm that your notes are saved.',
      detail:
        'The window did not answer in time, so its latest text may not be on disk' +
        (unsaved > 0 ? ` (${notes(unsaved)} known not to be saved)` : '') +
        '. Keep Ponder open to copy or export your text, or to try again.',
    };
  }
  if (unsaved === 0) return { kind: 'close' };
  return {
    kind: 'ask',
    message: `Ponder could not save ${notes(unsaved)}.`,
    detail: 'Your latest text is still in the editor. Keep Ponder open to copy or export it, or to retry once the problem is fixed.',
  };
}

/** Moving the notes folder: why not (a message for the user), or null to go ahead. Every note must be on disk first. */
export function moveRefusal(outcome: FlushOutcome, knownUnsaved: number): string | null {
  if (outcome.state === 'timeout') {
    return 'Ponder: the notes folder was not moved, because the window did not confirm in time that every note is saved. Try again in a moment.';
  }
  const unsaved = unsavedCount(outcome, knownUnsaved);
  if (unsaved === 0) return null;
  return (
    `Ponder: the notes folder was not moved, because ${notes(unsaved)} could not be saved. ` +
    'Fix the problem shown in the window (or copy the text), then move the folder again.'
  );
}

function unsavedCount(outcome: FlushOutcome, knownUnsaved: number): number {
  return Math.max(outcome.state === 'flushed' ? outcome.report.unsaved : 0, knownUnsaved);
}

function notes(count: number): string {
  return count === 1 ? '1 note' : `${count} notes`;
}
