// Note files as the specs see them on disk: read back through the store, or
// written as another program (an editor, a sync tool) would write them.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NotesStore } from '../../electron/core/notes/notes-store';

/** The note's text on disk, or null when there is no readable note. */
export async function diskText(dataDir: string, id: string): Promise<string | null> {
  const load = await new NotesStore(dataDir).load(id);
  return load.state === 'ok' ? load.note.text : null;
}

/** Write a note file as another program would: our own format, other text. */
export async function editOnDisk(dataDir: string, id: string, question: string, text: string): Promise<void> {
  const file = path.join(dataDir, 'notes', `${id}.md`);
  const now = new Date().toISOString();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\nid: ${id}\nquestion: ${JSON.stringify(question)}\nsource: "elsewhere.txt"\ncreated: ${now}\nupdated: ${now}\n---\n${text}`);
}
