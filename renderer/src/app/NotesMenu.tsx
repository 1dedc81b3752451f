import { plural } from '../components/plural';
import { ponder } from '../api';
import { errorMessage } from '../store/error-message';
import { useAppStore } from '../store/app-store';
import type { ImportReport } from '../../../electron/shared/ipc-contract';
import { MenuButton } from './MenuButton';
import type { MenuEntry } from './MenuButton';

async function exportNotes(format: 'markdown' | 'json') {
  const { showToast, showNotice } = useAppStore.getState();
  try {
    // Main asks where to write (null: the reader cancelled) and writes the file itself.
    const result = await ponder.exportNotes({ format });
    if (result) showToast(`Exported ${plural(result.count, 'note', 'notes')} to ${result.file}.`);
  } catch (error) {
    showNotice(errorMessage(error));
  }
}

function importSummary(report: ImportReport): string {
  const counts = `Imported notes: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`;
  return report.problems.length > 0 ? `${counts} Not imported: ${report.problems.join('; ')}` : counts;
}

async function importNotes() {
  const state = useAppStore.getState();
  // An imported text may replace one being typed: what is typed is written (and kept in history) first.
  await state.flushNotes();
  try {
    const report = await ponder.importNotes();
    if (!report) return;
    if (report.problems.length > 0) state.showNotice(`Ponder: ${importSummary(report)}`);
    else state.showToast(importSummary(report));
  } catch (error) {
    state.showNotice(errorMessage(error));
  }
}

const ENTRIES: MenuEntry[] = [
  { key: 'markdown', label: 'Export Journal (Markdown)…', onSelect: () => void exportNotes('markdown') },
  { key: 'json', label: 'Export Notes (JSON)…', onSelect: () => void exportNotes('json') },
  { key: 'separator', separator: true },
  { key: 'import', label: 'Import Notes…', onSelect: () => void importNotes() },
];

/** The header's Notes menu: export and import in the window, as File ▸ Export / Import Notes in the native menu. */
export function NotesMenu() {
  return <MenuButton label="Notes" entries={ENTRIES} />;
}
