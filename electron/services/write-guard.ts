// While the notes folder is being moved, nothing may be written to it: a note
// saved after the copy would stay behind in the old folder. The renderer makes
// its editor read-only meanwhile; main refuses the writes too, so a save that
// slips through is reported as failed (and its text kept) instead of lost.

import type { Envelope, InvokeChannel } from '../shared/ipc-contract';
import type { IpcHandlerTable } from './ipc-handlers';

/** Channels that write into the data folder. */
const WRITING: readonly InvokeChannel[] = ['notes:save', 'notes:restore', 'notes:import', 'view:save'];

export const HELD_MESSAGE =
  'Ponder: the notes folder is being moved, so nothing can be saved until that is done. Your text is kept in the editor.';

/** `table`, with every writing channel refused while `held()` is true. */
export function holdWrites(table: IpcHandlerTable, held: () => boolean): IpcHandlerTable {
  const guarded: Record<string, (request: unknown) => Promise<Envelope<unknown>>> = { ...table };
  for (const channel of WRITING) {
    const handler = table[channel] as (request: unknown) => Promise<Envelope<unknown>>;
    guarded[channel] = async (request) => (held() ? { ok: false, error: HELD_MESSAGE } : handler(request));
  }
  return guarded as IpcHandlerTable;
}
