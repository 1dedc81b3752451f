import { hasSaveError } from './note-drafts';
import type { AppState } from './types';

export interface SaveFailures {
  count: number;
  /** The first failing note, whose error the banner names and whose text "Copy text" copies. */
  firstId: string | null;
  firstError: string | null;
}

/** Notes whose last save failed. Primitives only: select it with `useShallow`. */
export function selectSaveFailures(state: AppState): SaveFailures {
  let count = 0;
  let firstId: string | null = null;
  let firstError: string | null = null;
  for (const [id, draft] of Object.entries(state.notes)) {
    if (!hasSaveError(draft)) continue;
    count += 1;
    if (firstId === null) {
      firstId = id;
      firstError = draft.error;
    }
  }
  return { count, firstId, firstError };
}
