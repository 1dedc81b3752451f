import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';

/** A thin bar under the header while the search index builds; the stories can be read meanwhile. */
export function IndexProgressBar() {
  const done = useAppStore((state) => (state.indexStatus.state === 'building' ? state.indexStatus.done : -1));
  const total = useAppStore((state) => (state.indexStatus.state === 'building' ? state.indexStatus.total : -1));
  if (done < 0 || total < 0) return null;

  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const text =
    total > 0
      ? `Indexing ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} stories…`
      : 'Indexing stories…';
  return (
    <div
      className="index-progress"
      role="progressbar"
      aria-label="Search index"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={Math.min(done, total)}
      aria-valuetext={text}
      data-testid={testIds.indexProgress}
    >
      <span className="index-progress__text">
        {text}
        <span className="index-progress__hint"> Stories can be read meanwhile; search starts when it is done.</span>
      </span>
      <span className="index-progress__track" aria-hidden="true">
        <span className="index-progress__fill" style={{ transform: `scaleX(${fraction})` }} />
      </span>
    </div>
  );
}
