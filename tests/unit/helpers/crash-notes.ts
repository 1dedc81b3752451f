// The notes the crash test's child saves, shared by the child (save-loop.ts)
// and the test that checks what survived each kill: every text can be
// recomputed from its id and sequence number, so a truncated or mixed file is
// told apart from a whole one.

/** The ids the child saves, in the order it saves them. */
export const CRASH_IDS = ['0000000000000001', '00000000000000a2', '0000000000000b03', '000000000000c004'];

/** The question carries the sequence number, so the checker knows which text to expect. */
export function crashQuestion(seq: number): string {
  return `Save number ${seq}?`;
}

export function crashSeq(question: string): number | undefined {
  const match = /^Save number (\d+)\?$/.exec(question);
  return match ? Number(match[1]) : undefined;
}

/** A text of 1 to 13 KB (so writes span many disk blocks) that starts and ends with its id and number. */
export function crashText(id: string, seq: number): string {
  const lines = 16 + ((seq * 7919 + Number.parseInt(id.slice(-4), 16) * 104729) % 200);
  const body = Array.from({ length: lines }, (_, i) => `${id}:${seq}:${i} the quick brown fox jumps over the dog ✓`);
  return `BEGIN ${id} ${seq}\n${body.join('\n')}\nEND ${id} ${seq}\n`;
}

/** How the child saves `seq` of `id`: a plain save, one based on the revision it wrote last, or one on a stale revision. */
export type SaveKind = 'plain' | 'conditional' | 'conflict';

export function saveKind(id: string, seq: number): SaveKind {
  const turn = (seq + CRASH_IDS.indexOf(id)) % 4;
  return turn === 0 ? 'plain' : turn === 3 ? 'conflict' : 'conditional';
}
