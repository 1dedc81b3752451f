// A search engine over a set of the reader's notes (the orphans, or every note for the
// journal), built with the same engine code as the library: a note's question is its
// question field and its text its reflection. Rebuilt only when a note is added, removed
// or edited (the key is the notes' ids and revisions).

import { InProcessEngine } from '../core/search/in-process-engine';
import type { EngineSearchOutcome, SearchOptions } from '../core/search/engine';
import type { NoteView } from '../core/types';

export class NotesEngine {
  private current: { key: string; engine: Promise<InProcessEngine> } | null = null;

  /** Rank `notes` (the set as it is now) for `query`. */
  async search(notes: readonly NoteView[], query: string, options: SearchOptions = {}): Promise<EngineSearchOutcome> {
    return (await this.engineFor(notes)).search(query, options);
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    await (await current?.engine)?.dispose();
  }

  private engineFor(notes: readonly NoteView[]): Promise<InProcessEngine> {
    const key = notes.map((note) => `${note.id}@${note.revision}`).join(',');
    const current = this.current;
    if (current?.key === key) return current.engine;
    const engine = (async () => {
      const built = new InProcessEngine({ segments: 1 });
      await built.build(notes.map((note) => ({ id: note.id, summary: '', reflection: note.text, question: note.question })));
      return built;
    })();
    this.current = { key, engine };
    void current?.engine.then((old) => old.dispose());
    return engine;
  }
}
