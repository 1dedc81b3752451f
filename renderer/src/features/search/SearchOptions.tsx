import type { SearchIn, SearchSort } from '../../../../electron/shared/search-contract';
import './search-options.css';
import { useAppStore } from '../../store/app-store';

const IN_LABELS: Record<SearchIn, string> = { stories: 'Stories', notes: 'Notes', all: 'Both' };
const SORT_LABELS: Record<SearchSort, string> = { relevance: 'Relevance', file: 'File order', unanswered: 'Unanswered first' };

/** Beside the search box: what it searches (a segmented radio group) and how hits are sorted. */
export function SearchOptions() {
  const searchIn = useAppStore((state) => state.searchIn);
  const searchSort = useAppStore((state) => state.searchSort);
  const setSearchIn = useAppStore((state) => state.setSearchIn);
  const setSearchSort = useAppStore((state) => state.setSearchSort);
  return (
    <div className="search-options">
      <div className="segmented" role="radiogroup" aria-label="Search in">
        {(Object.keys(IN_LABELS) as SearchIn[]).map((value) => (
          <label key={value} className={value === searchIn ? 'segmented__option segmented__option--on' : 'segmented__option'}>
            <input type="radio" name="search-in" value={value} checked={value === searchIn} onChange={() => setSearchIn(value)} />
            {IN_LABELS[value]}
          </label>
        ))}
      </div>
      <select className="search-options__sort" aria-label="Sort results" value={searchSort} onChange={(event) => setSearchSort(event.target.value as SearchSort)}>
        {(Object.keys(SORT_LABELS) as SearchSort[]).map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
