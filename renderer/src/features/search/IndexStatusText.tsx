import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { indexPercent } from './index-progress';

/** "Indexing 40%…" while the search index builds; nothing once it is ready. */
export function IndexStatusText() {
  const percent = useAppStore((state) => indexPercent(state.indexStatus));
  const failure = useAppStore((state) => (state.indexStatus.state === 'failed' ? state.indexStatus.error : null));
  let text = '';
  if (percent !== null) text = `Indexing ${percent}%…`;
  else if (failure !== null) text = 'Search unavailable';
  return (
    <span
      className={failure !== null ? 'index-status index-status--failed' : 'index-status'}
      role="status"
      title={failure ?? undefined}
      data-testid={testIds.indexStatus}
    >
      {text}
    </span>
  );
}
