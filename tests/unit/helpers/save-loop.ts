// The crash test's child process (tests/unit/notes-crash.test.ts): recovers
// the data folder as the app does at start-up, then saves the CRASH_IDS notes
// round after round through the real NotesStore — plain saves, conditional
// saves on the revision it last wrote, and saves on a stale revision (the
// conflict path, whose text goes to history) — until it is killed. It prints
//   S <step>                     before each file-system call (where a kill lands)
//   READY                        once recovered, before the first save
//   ACK <id> <seq> <saved|conflict>   once a save has resolved
// Each save goes through a fresh store, so no text is coalesced away: every
// acknowledged text must stay on disk, as the note or a version.
//   node save-loop.cjs DATA_DIR FIRST_SEQ

import { writeSync } from 'node:fs';
import path from 'node:path';
import { nodeWriteFs } from '../../../electron/core/fs/atomic-write';
import type { WriteFs } from '../../../electron/core/fs/atomic-write';
import { NotesStore } from '../../../electron/core/notes/notes-store';
import { CRASH_IDS, crashQuestion, crashText, saveKind } from './crash-notes';

/** On Linux a write to a pipe is synchronous: once written, the parent reads it even if we die next. */
const say = (line: string) => writeSync(1, `${line}\n`);

/** `nodeWriteFs`, announcing each call with what it is about. */
function announcing(): WriteFs {
  const step = (call: string, file: string) => say(`S ${call}:${kindOf(file)}`);
  return {
    mkdir: (dir, options) => (step('mkdir', dir), nodeWriteFs.mkdir(dir, options)),
    chmod: (file, mode) => (step('chmod', file), nodeWriteFs.chmod(file, mode)),
    readFile: (file) => (step('read', file), nodeWriteFs.readFile(file)),
    open: async (file, flags, mode) => {
      step(flags === 'wx' ? 'create' : 'open-dir', file);
      const handle = await nodeWriteFs.open(file, flags, mode);
      return {
        writeFile: (data) => (step('write', file), handle.writeFile(data)),
        sync: () => (step(flags === 'wx' ? 'fsync' : 'fsync-dir', file), handle.sync()),
        close: () => handle.close(),
      };
    },
    rename: (from, to) => (step('rename', to), nodeWriteFs.rename(from, to)),
    link: (existing, created) => (step('link', created), nodeWriteFs.link(existing, created)),
    rm: (file, options) => (step('rm', file), nodeWriteFs.rm(file, options)),
  };
}

/** `note`, `note-temp`, `aside`, `version`, `version-temp`, `notes-dir`, `history-dir`… */
function kindOf(file: string): string {
  const name = path.basename(file);
  const inHistory = file.includes(`${path.sep}history${path.sep}`) || name === 'history';
  if (name.endsWith('.aside')) return 'aside';
  if (name.endsWith('.tmp')) return inHistory ? 'version-temp' : 'note-temp';
  if (name.endsWith('.md')) return inHistory ? 'version' : 'note';
  return inHistory ? 'history-dir' : 'notes-dir';
}

async function main(dataDir: string, firstSeq: number): Promise<void> {
  const fs = announcing();
  await new NotesStore(dataDir, { fs }).recover();
  const revisions = new Map<string, string | null>();
  for (const id of CRASH_IDS) {
    const load = await new NotesStore(dataDir).load(id);
    revisions.set(id, load.state === 'ok' ? load.note.revision : null);
  }
  say('READY');
  for (let seq = firstSeq; ; seq++) {
    for (const id of CRASH_IDS) {
      const kind = saveKind(id, seq);
      const baseRevision = kind === 'plain' ? undefined : kind === 'conflict' ? 'stale0000000000' : revisions.get(id)!;
      const store = new NotesStore(dataDir, { fs });
      const result = await store.save({ id, text: crashText(id, seq), question: crashQuestion(seq), source: 'crash.txt', baseRevision });
      if (result.status === 'saved') revisions.set(id, result.note.revision);
      say(`ACK ${id} ${seq} ${result.status}`);
    }
  }
}

const [dataDir, firstSeq] = process.argv.slice(2);
main(dataDir!, Number(firstSeq)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
