// The crash test's child process (tests/unit/notes-crash.test.ts): saves the
// CRASH_IDS notes round after round through the real NotesStore and prints
// `ACK <id> <seq>` once each save has resolved, until it is killed.
//   node save-loop.cjs DATA_DIR FIRST_SEQ

import { NotesStore } from '../../../electron/core/notes/notes-store';
import { CRASH_IDS, crashQuestion, crashText } from './crash-notes';

async function main(dataDir: string, firstSeq: number): Promise<void> {
  const store = new NotesStore(dataDir);
  for (let seq = firstSeq; ; seq++) {
    for (const id of CRASH_IDS) {
      await store.save({ id, text: crashText(id, seq), question: crashQuestion(seq), source: 'crash.txt' });
      // On Linux a write to a pipe is synchronous: once written, the parent reads it even if we die next.
      process.stdout.write(`ACK ${id} ${seq}\n`);
    }
  }
}

const [dataDir, firstSeq] = process.argv.slice(2);
main(dataDir!, Number(firstSeq)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
