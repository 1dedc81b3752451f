import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { indexPercent } from './index-progress';

/** Under the search box: why the query gave no answer (bad syntax, index still building). */
export function SearchMessage() {
  const status = useAppStore((state) => state.searchStatus);
  const error = useAppStore((state) => state.searchError);
  const percent = useAppStore((state) => indexPercent(state.indexStatus));

  if (status === 'error' && error) {
    return (
      <p id="search-message" className="search__message search__message--error" role="alert" data-testid={testIds.searchError}>
        {error}
      </p>
    );
  }
  if (status === 'pending') {
    return (
      <p id="search-message" className="search__message" role="status" data-testid={testIds.searchPending}>
        Search will be ready when indexing finishes{percent === null ? '' : ` (${percent}%)`}…
      </p>
    );
  }
  return null;
}
