import { ModalDialog } from '../../components/ModalDialog';
import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { diagnosticWhere } from './diagnostic-text';

const NONE: never[] = [];

/** What could not be read in the library. A native modal <dialog>: it traps focus and Escape closes it. */
export function DiagnosticsDialog() {
  const open = useAppStore((state) => state.diagnosticsOpen);
  const close = useAppStore((state) => state.closeDiagnostics);
  const diagnostics = useAppStore((state) => state.snapshot?.diagnostics ?? NONE);
  const unreadableNotes = useAppStore((state) => state.notesOverview.unreadable);
  return (
    <ModalDialog open={open} onClose={close} title="Problems in this library" titleId="diagnostics-title" testId={testIds.diagnosticsDialog}>
      {/* Only while open: a closed dialog's items must not count as on the page. */}
      {open && diagnostics.length === 0 && unreadableNotes.length === 0 && (
        <p className="dialog__empty">Every file was read without problems.</p>
      )}
      {open && (diagnostics.length > 0 || unreadableNotes.length > 0) && (
        <div className="dialog__body">
          {diagnostics.length > 0 && (
            <>
              <p className="dialog__intro">Everything else in the library was read. These need a look:</p>
              <ul className="diagnostics">
                {diagnostics.map((diagnostic, index) => (
                  <li key={index} className="diagnostics__item" data-testid={testIds.diagnosticsItem}>
                    <span className="diagnostics__where">{diagnosticWhere(diagnostic)}</span> — {diagnostic.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {unreadableNotes.length > 0 && (
            <section aria-labelledby="unreadable-notes-title">
              <h3 id="unreadable-notes-title" className="dialog__section-title">
                Notes that could not be read
              </h3>
              <p className="dialog__intro">
                Ponder leaves these files exactly as they are. Fix or remove them in the data folder; nothing else is
                affected.
              </p>
              <ul className="diagnostics">
                {unreadableNotes.map((note) => (
                  <li key={note.file} className="diagnostics__item" data-testid={testIds.unreadableNoteItem}>
                    <span className="diagnostics__where">{note.file}</span> — {note.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </ModalDialog>
  );
}
