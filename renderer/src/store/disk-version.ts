import type { NoteLoad } from '../../../electron/shared/ipc-contract';
import type { DiskVersion } from './types';

/** What a draft needs from `getNote`'s answer: text, revision and whether the file was readable. */
export function diskVersion(load: NoteLoad): DiskVersion {
  switch (load.state) {
    case 'missing':
      return { text: '', revision: null, updated: null, unreadable: null };
    case 'ok':
      return { text: load.note.text, revision: load.note.revision, updated: load.note.updated, unreadable: null };
    case 'unreadable':
      return {
        text: load.recoveredText,
        revision: load.revision,
        updated: null,
        unreadable: { file: load.file, reason: load.reason },
      };
  }
}

/** Whether a note with this text counts as answered (an emptied note still exists on disk). */
export function isAnswered(text: string): boolean {
  return text.trim() !== '';
}
