import { useEffect, useState } from 'react';
import type { JournalResponse } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';
import { useAppStore } from '../../store/app-store';
import { startOfWeek } from './this-week';

/** Quiet time after the answered notes change (typing, an import) before asking again. */
const REFRESH_DELAY_MS = 200;
/** The journal shows this many notes at most; a search finds older ones. */
const JOURNAL_LIMIT = 500;

/**
 * The journal as main answers it (notes:journal): `limit` entries (0: only the counts),
 * matching `query`; asked again when the answered notes change.
 */
export function useJournal(query: string, limit: number = JOURNAL_LIMIT): { journal: JournalResponse | null; error: string | null } {
  const noted = useAppStore((state) => state.notedIds);
  const [journal, setJournal] = useState<JournalResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const since = startOfWeek(new Date()).toISOString();
      ponder.notesJournal({ since, limit, ...(query.trim() && { query }) }).then(
        (answer) => {
          if (!current) return;
          setJournal(answer);
          setError(answer.error ?? null);
        },
        (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    }, REFRESH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [noted, query, limit]);

  return { journal, error };
}
