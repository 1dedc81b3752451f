// Main's own record of note saves: every text the renderer sent to be saved,
// and whether it reached the disk. Main then knows by itself which notes are
// not saved — a page that answers the flush request with `unsaved: 0` (a bug,
// a crash, a compromised renderer) cannot talk it out of asking before a
// quit — and it can hand a failed text back to a page reopened after a crash.
// A save refused as a conflict is no loss: the store kept its text in history.

import type { Envelope, RecoveryReport } from '../shared/ipc-contract';
import type { IpcHandlerTable } from './ipc-handlers';

interface Entry {
  /** Which request of this note it is: only the newest one's answer counts. */
  seq: number;
  text: string;
  state: 'sent' | 'failed';
}

export class SaveJournal {
  readonly #entries = new Map<string, Entry>();
  #seq = 0;
  #lastSaved: RecoveryReport['lastSaved'] = null;

  /** `table` with its `notes:save` recorded here (the rest unchanged). */
  record(table: IpcHandlerTable): IpcHandlerTable {
    const save = table['notes:save'];
    return {
      ...table,
      'notes:save': async (request) => {
        const sent = this.#sent(request);
        const answer = await save(request);
        if (sent) this.#answered(sent.id, sent.seq, answer);
        return answer;
      },
    };
  }

  /** Notes whose newest text is not on disk: its save is on its way, or failed. */
  unsaved(): number {
    return this.#entries.size;
  }

  /** The last save that reached the disk, and the texts of failed saves. */
  report(): RecoveryReport {
    const unsaved = [...this.#entries]
      .filter(([, entry]) => entry.state === 'failed')
      .map(([id, entry]) => ({ id, text: entry.text }));
    return { lastSaved: this.#lastSaved, unsaved };
  }

  #sent(request: unknown): { id: string; seq: number } | null {
    if (typeof request !== 'object' || request === null) return null;
    const { id, text } = request as { id?: unknown; text?: unknown };
    // Anything else is refused by the handler's validation before it could be written.
    if (typeof id !== 'string' || typeof text !== 'string') return null;
    const seq = ++this.#seq;
    this.#entries.set(id, { seq, text, state: 'sent' });
    return { id, seq };
  }

  #answered(id: string, seq: number, answer: Envelope<unknown>): void {
    const entry = this.#entries.get(id);
    if (entry?.seq !== seq) return;
    if (!answer.ok) {
      entry.state = 'failed';
      return;
    }
    this.#entries.delete(id);
    const value = answer.value as { status?: string; updated?: string };
    if (value.status === 'saved' && typeof value.updated === 'string') this.#lastSaved = { id, at: value.updated };
  }
}
