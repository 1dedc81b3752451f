import { useEffect, useState } from 'react';
import type { NoteVersion } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';
import { errorMessage } from '../../store/error-message';

export interface NoteHistoryState {
  /** Newest first; null until the answer arrives. */
  versions: NoteVersion[] | null;
  error: string | null;
}

function newestFirst(versions: readonly NoteVersion[]): NoteVersion[] {
  const time = (version: NoteVersion) => Date.parse(version.savedAt) || 0;
  return versions.slice().sort((a, b) => time(b) - time(a));
}

/** A note's earlier versions, asked for when the history is opened. */
export function useNoteHistory(id: string): NoteHistoryState {
  const [state, setState] = useState<NoteHistoryState & { id: string | null }>({ id: null, versions: null, error: null });

  useEffect(() => {
    let current = true;
    ponder.noteHistory({ id }).then(
      (versions) => current && setState({ id, versions: newestFirst(versions), error: null }),
      (error: unknown) => current && setState({ id, versions: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return state.id === id ? state : { versions: null, error: null };
}
