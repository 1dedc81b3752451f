// Read and starred marks as the renderer shows them. Main's come with each row and story it
// answers (`read`, `starred` on StoryListItem); the renderer holds no read or starred set
// (100k read ids would be ~1.9 MB at every start), only the reader's own changes since the
// window opened, over the rows' marks: a toggle shows at once, on rows fetched before it too.
// Rows fetched later carry main's marks, which include every change main has answered.
import type { StoryListItem } from '../../../electron/shared/ipc-contract';
import { findHeld, rowAt } from './list-pages';
import type { AppState } from './types';

export type Mark = 'read' | 'starred';

/** The reader's own marks by story id (true: read / starred), newest change per story. */
export type MarkChanges = ReadonlyMap<string, boolean>;

/** Where each mark's changes are kept in the store. */
export const CHANGES_KEY = { read: 'readChanges', starred: 'starChanges' } as const satisfies Record<Mark, keyof AppState>;

type MarksState = Pick<AppState, 'readChanges' | 'starChanges' | 'listPages' | 'selectedStoryId' | 'selectedPosition'>;

/** Whether a row shows `mark`: the reader's change, else main's mark on the row. */
export function rowMarked(changes: MarkChanges, row: StoryListItem, mark: Mark): boolean {
  return changes.get(row.id) ?? row[mark] === true;
}

/** The held row of story `id` (the selection's, looked up first), if its page is here. */
export function heldRow(state: MarksState, id: string): StoryListItem | undefined {
  const selected = state.selectedStoryId === id && state.selectedPosition >= 0 ? rowAt(state.listPages, state.selectedPosition) : undefined;
  if (selected?.id === id) return selected;
  const at = findHeld(state.listPages, id);
  return at >= 0 ? rowAt(state.listPages, at) : undefined;
}

/** Whether story `id` shows `mark`; undefined when neither a change of the reader's nor its row is here. */
export function markOf(state: MarksState, mark: Mark, id: string): boolean | undefined {
  const own = state[CHANGES_KEY[mark]].get(id);
  if (own !== undefined) return own;
  const row = heldRow(state, id);
  return row ? row[mark] === true : undefined;
}
