import { useState, type KeyboardEvent } from 'react';
import { nextListboxKey } from '../../components/listbox-keys';
import { ModalDialog } from '../../components/ModalDialog';
import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { formatSavedAt, REASON_LABELS } from './format-saved-at';
import { NotePreview } from './NotePreview';
import { useNoteHistory } from './useNoteHistory';

/** Earlier versions of the selected story's note, each shown whole, any of them restorable. A native modal <dialog>. */
export function HistoryDialog({ id }: { id: string }) {
  const open = useAppStore((state) => state.historyOpen);
  const close = useAppStore((state) => state.closeHistory);
  return (
    <ModalDialog open={open} onClose={close} title="History of this note" titleId="history-title" testId={testIds.historyDialog} wide>
      {/* Mounted only while open, so each opening asks for the versions afresh. */}
      {open && <HistoryBody id={id} onRestored={close} />}
      {open && <ForgetActions id={id} onDone={close} />}
    </ModalDialog>
  );
}

function HistoryBody({ id, onRestored }: { id: string; onRestored: () => void }) {
  const { versions, error } = useNoteHistory(id);
  const restore = useAppStore((state) => state.restoreNoteVersion);
  const [chosen, setChosen] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (error) {
    return (
      <p className="dialog__empty dialog__empty--error" role="alert">
        Could not read this note&apos;s history: {error}
      </p>
    );
  }
  if (!versions) return <p className="dialog__empty" aria-busy="true">Loading…</p>;
  if (versions.length === 0) {
    return (
      <div className="history__empty" data-testid={testIds.historyEmpty}>
        <p className="pane-empty__title">No earlier versions yet</p>
        <p className="pane-empty__hint">Ponder keeps a version as you write. Restoring one keeps the current text too.</p>
      </div>
    );
  }

  const shown = versions.find((version) => version.version === chosen) ?? versions[0]!;
  const keys = versions.map((version) => version.version);
  const onKeys = (event: KeyboardEvent) => {
    const next = nextListboxKey(event, keys, shown.version);
    if (next === undefined) return;
    setChosen(next);
    document.getElementById(versionOptionId(next))?.scrollIntoView({ block: 'nearest' });
  };
  const onRestore = async () => {
    setRestoring(true);
    setProblem(null);
    const failure = await restore(id, shown.version);
    setRestoring(false);
    if (failure) setProblem(failure);
    else onRestored();
  };

  return (
    <div className="history">
      <div
        role="listbox"
        aria-label="Earlier versions"
        tabIndex={0}
        className="history__versions"
        aria-activedescendant={versionOptionId(shown.version)}
        onKeyDown={onKeys}
      >
        {versions.map((version) => (
          <div
            key={version.version}
            id={versionOptionId(version.version)}
            role="option"
            aria-selected={version.version === shown.version}
            className="history__version"
            data-testid={testIds.historyVersion}
            onClick={() => setChosen(version.version)}
          >
            <time className="history__when" dateTime={version.savedAt}>
              {formatSavedAt(version.savedAt)}
            </time>
            <span className="history__reason">{REASON_LABELS[version.reason] ?? version.reason}</span>
            <span className="history__excerpt">{excerpt(version.text)}</span>
          </div>
        ))}
      </div>
      <div className="history__detail">
        <div className="history__preview markdown" data-testid={testIds.historyPreview}>
          <NotePreview text={shown.text} />
        </div>
        <div className="history__actions">
          {problem ? (
            <p className="history__problem" role="alert">
              {problem}
            </p>
          ) : (
            <p className="history__caption">Restoring keeps the current text in this history too.</p>
          )}
          <button
            type="button"
            className="button button--accent"
            disabled={restoring}
            data-testid={testIds.historyRestore}
            onClick={() => void onRestore()}
          >
            {restoring ? 'Restoring…' : 'Restore this version'}
          </button>
        </div>
      </div>
    </div>
  );
}

type Forget = 'purge' | 'delete';

const FORGET_WORDS: Record<Forget, { ask: string; question: string; confirm: string }> = {
  purge: {
    ask: 'Delete history…',
    question: 'Delete every earlier version of this note? The note itself stays. This cannot be undone.',
    confirm: 'Delete history',
  },
  delete: {
    ask: 'Delete note and its history…',
    question: 'Delete this note and every earlier version of it? This cannot be undone.',
    confirm: 'Delete note and history',
  },
};

/** Purging one note's history, or deleting the note with it: each asks for confirmation first. */
function ForgetActions({ id, onDone }: { id: string; onDone: () => void }) {
  const purge = useAppStore((state) => state.purgeNoteHistory);
  const remove = useAppStore((state) => state.deleteNote);
  const [asking, setAsking] = useState<Forget | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onConfirm = async (what: Forget) => {
    setBusy(true);
    const failure = await (what === 'purge' ? purge(id) : remove(id));
    setBusy(false);
    setProblem(failure);
    if (!failure) onDone();
  };
  return (
    <div className="history__actions" role="group" aria-label="Forget this note">
      {problem && <p className="history__problem" role="alert">{problem}</p>}
      {asking ? (
        <>
          <p className="history__caption">{FORGET_WORDS[asking].question}</p>
          <button type="button" className="button" disabled={busy} onClick={() => setAsking(null)}>
            Cancel
          </button>
          <button type="button" className="button button--accent" disabled={busy} onClick={() => void onConfirm(asking)}>
            {FORGET_WORDS[asking].confirm}
          </button>
        </>
      ) : (
        (['purge', 'delete'] as const).map((what) => (
          <button key={what} type="button" className="button" onClick={() => setAsking(what)}>
            {FORGET_WORDS[what].ask}
          </button>
        ))
      )}
    </div>
  );
}

/** The start of a version's text, on one line, to tell versions apart at a glance. */
function excerpt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 80) || '(empty)';
}

function versionOptionId(version: string): string {
  return `history-version-${version}`;
}
