import { plural } from '../../components/plural';
import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';

/** "⚠ 3 problems" in the header, only when the library or the notes have any. */
export function DiagnosticsButton() {
  const count = useAppStore(
    (state) => (state.snapshot?.diagnostics.length ?? 0) + state.notesOverview.unreadable.length,
  );
  const open = useAppStore((state) => state.openDiagnostics);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="button button--warning"
      aria-haspopup="dialog"
      data-testid={testIds.diagnosticsButton}
      onClick={open}
    >
      <span aria-hidden="true">⚠</span> {plural(count, 'problem', 'problems')}
    </button>
  );
}
