// The overview of orphaned and unreadable notes: asked of main once a burst of
// saves or disk changes settles, a stale answer never replacing a newer one,
// and an orphan's row kept in step with what was saved.

import type { NotesOverview, PonderApi } from '../../../electron/shared/ipc-contract';
import type { AppState } from './types';

/** Saves and disk changes come in bursts: ask for the orphans and unreadable notes once they settle. */
export const OVERVIEW_REFRESH_MS = 1_000;

export const EMPTY_OVERVIEW: NotesOverview = { orphans: [], unreadable: [] };

/** The overview with orphan `id`'s row showing the note as saved (the same object when `id` is no orphan). */
export function withOrphanSaved(
  overview: NotesOverview,
  id: string,
  saved: { text: string; revision: string; updated: string },
): NotesOverview {
  const index = overview.orphans.findIndex((note) => note.id === id);
  if (index < 0) return overview;
  const orphans = overview.orphans.slice();
  orphans[index] = { ...orphans[index]!, ...saved };
  return { ...overview, orphans };
}

export interface OverviewRefresh {
  /** Refresh once things settle (each call restarts the wait). */
  schedule(): void;
  /** Refresh now; resolves when the answer is in the store (or was dropped as stale or failed). */
  refresh(): Promise<void>;
}

export function createOverviewRefresh(api: PonderApi, get: () => AppState, set: (patch: Partial<AppState>) => void): OverviewRefresh {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;
  const refresh = async (): Promise<void> => {
    clearTimeout(timer);
    const mine = ++sequence;
    let overview: NotesOverview;
    try {
      overview = await api.notesOverview();
    } catch {
      // Extra information only: the notes themselves are untouched, and the next refresh tries again.
      return;
    }
    if (mine !== sequence) return;
    set({ notesOverview: overview });
    if (get().selectedFilter === 'orphans' && overview.orphans.length === 0) get().selectFilter(null);
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), OVERVIEW_REFRESH_MS);
    },
    refresh,
  };
}
