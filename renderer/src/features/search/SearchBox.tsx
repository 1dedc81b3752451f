import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';
import { SearchMessage } from './SearchMessage';

export function SearchBox() {
  const input = useAppStore((state) => state.searchInput);
  const setInput = useAppStore((state) => state.setSearchInput);
  const clear = useAppStore((state) => state.clearSearch);
  const runSearch = useAppStore((state) => state.runSearch);
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
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void runSearch(); // Skip the debounce.
    }
  };

  return (
    <div className="search" role="search">
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
        placeholder="Search stories — try +must -not question:why int*"
        autoComplete="off"
        spellCheck={false}
        value={input}
        data-testid={testIds.searchInput}
        onChange={(event) => setInput(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <SearchMessage />
    </div>
  );
}
