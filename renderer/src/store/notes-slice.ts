import { errorMessage } from './error-message';
import type { NoteDraft, NotesSlice, SliceCreator } from './types';

/** Quiet time after the last keystroke before a note is written. */
const SAVE_DEBOUNCE_MS = 250;

export const createNotesSlice: SliceCreator<NotesSlice> = (api) => (set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<string, Promise<void>>();

  const patch = (id: string, changes: Partial<NoteDraft>) => {
    const draft = get().notes[id];
    if (draft) set({ notes: { ...get().notes, [id]: { ...draft, ...changes } } });
  };

  const cancelTimer = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };

  /** Writes the editor text as it is now; keystrokes during the write stay in the draft. */
  const write = async (id: string, text: string) => {
    patch(id, { status: 'saving' });
    try {
      const response = await api.saveNote({ id, text });
      const typedSince = get().notes[id]?.text !== text;
      patch(id, { persisted: text, updated: response.updated, error: null, status: typedSince ? 'dirty' : 'saved' });
      get().setNoted(id, response.answered);
    } catch (error) {
      // The text stays in the editor; the next keystroke or flush tries again.
      patch(id, { status: 'error', error: errorMessage(error) });
    }
  };

  return {
    notes: {},

    async loadNote(id) {
      const existing = get().notes[id];
      if (existing && existing.status !== 'load-error') return;
      const draft: NoteDraft = { text: '', persisted: '', status: 'loading', error: null, updated: null };
      set({ notes: { ...get().notes, [id]: draft } });
      try {
        const note = await api.getNote({ id });
        const text = note?.text ?? '';
        patch(id, { text, persisted: text, status: 'idle', updated: note?.updated ?? null });
      } catch (error) {
        // The editor stays read-only: saving over a note we could not read might destroy it.
        patch(id, { status: 'load-error', error: errorMessage(error) });
      }
    },

    editNote(id, text) {
      const draft = get().notes[id];
      if (!draft || draft.status === 'loading' || draft.status === 'load-error') return;
      patch(id, { text, status: 'dirty' });
      cancelTimer(id);
      timers.set(id, setTimeout(() => void get().saveNote(id), SAVE_DEBOUNCE_MS));
    },

    async saveNote(id) {
      cancelTimer(id);
      // One write per note at a time; whoever waited then writes the newest text.
      for (let running = inFlight.get(id); running; running = inFlight.get(id)) await running;
      const draft = get().notes[id];
      if (!draft || draft.status === 'loading' || draft.status === 'load-error') return;
      if (draft.text === draft.persisted) {
        if (draft.status === 'dirty' || draft.status === 'error') patch(id, { status: 'saved', error: null });
        return;
      }
      const writing = write(id, draft.text).finally(() => inFlight.delete(id));
      inFlight.set(id, writing);
      await writing;
    },

    async flushNotes() {
      const ids = Object.entries(get().notes)
        .filter(([id, draft]) => timers.has(id) || inFlight.has(id) || draft.text !== draft.persisted)
        .map(([id]) => id);
      await Promise.all(ids.map((id) => get().saveNote(id)));
    },
  };
};
