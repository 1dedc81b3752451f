import { useEffect, useState } from 'react';
import { plural } from '../components/plural';
import { useAppStore } from '../store/app-store';
import { selectSaveFailures } from '../store/save-failures';
import type { AppState } from '../store/types';

function conflictCount(state: AppState): number {
  return Object.values(state.notes).filter((draft) => draft.status === 'conflict').length;
}

/**
 * A live region that is always in the page, so a screen reader hears it: a role="alert"
 * added with its text is missed by some. Speaks when a save starts failing, when saving
 * recovers, and when a note changed outside Ponder while the reader was typing.
 */
export function Announcer() {
  const failures = useAppStore((state) => selectSaveFailures(state).count);
  const conflicts = useAppStore(conflictCount);
  const [message, setMessage] = useState('');
  const [before, setBefore] = useState({ failures, conflicts });

  // Adjusting state from the previous render's values (React's "storing information from previous renders").
  if (before.failures !== failures || before.conflicts !== conflicts) {
    setBefore({ failures, conflicts });
    if (failures > before.failures) {
      setMessage(`Ponder could not save ${plural(failures, 'note', 'notes')}. Your text is kept and will be retried.`);
    } else if (conflicts > before.conflicts) {
      setMessage('A note changed outside Ponder while you were editing. Both versions are kept: choose one.');
    } else if (failures === 0 && before.failures > 0) {
      setMessage('All notes are saved.');
    }
  }

  // Cleared after a while, so the same message can be spoken again next time.
  useEffect(() => {
    if (message === '') return;
    const timer = setTimeout(() => setMessage(''), 10_000);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
