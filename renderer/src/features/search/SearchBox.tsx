import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { SearchHelp } from './SearchHelp';
import { SearchMessage } from './SearchMessage';
import { SearchOptions } from './SearchOptions';

export function SearchBox() {
  const input = useAppStore((state) => state.searchInput);
  const setInput = useAppStore((state) => state.setSearchInput);
  const clear = useAppStore((state) => state.clearSearch);
  const enterResults = useAppStore((state) => state.enterResults);
  const focusRequest = useAppStore((state) => state.searchFocusRequest);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    ref.current?.focus();
    ref.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (input) clear();
      else ref.current?.blur();
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      // Into the results, on the first hit (Enter skips the debounce); Esc there comes back here.
      event.preventDefault();
      void enterResults();
    }
  };

  return (
    <div className="search" role="search">
      <div className="search__field">
        <svg className="search__icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.5 10.5 14 14" />
        </svg>
        <input
          ref={ref}
          type="search"
          className="search__input"
          aria-label="Search stories"
          aria-describedby="search-message"
          placeholder={'Search stories — try kursk troops, "north korea" or question:how'}
          autoComplete="off"
          spellCheck={false}
          value={input}
          data-testid={testIds.searchInput}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <SearchHelp />
      </div>
      <SearchOptions />
      <SearchMessage />
    </div>
  );
}
