import { useAppStore } from '../../store/app-store';
import { useJournal } from './useJournal';

/** Opens the Reflections journal; shows how many questions were answered this week (since Monday 00:00, local time). */
export function ReflectionsButton() {
  const setOpen = useAppStore((state) => state.setReflectionsOpen);
  const { journal } = useJournal('', 0);
  return (
    <button type="button" className="button" aria-haspopup="dialog" title="Your answers, newest first (r)" onClick={() => setOpen(true)}>
      Reflections
      {journal && <span className="reflections-count"> · {journal.answeredSince} this week</span>}
    </button>
  );
}
