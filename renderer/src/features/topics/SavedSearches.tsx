// Saved searches in the topics pane (issue 12): pin the query on screen with its topic or
// file and scope, see each one's live count, run, rename, reorder (buttons, or Alt+↑/↓ on
// an item) and delete (Undo in the toast). The list itself lives in the store
// (store/saved-searches-slice.ts); main keeps it in state.json.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SavedSearch } from '../../../../electron/shared/search-contract';
import { baseName } from '../../components/base-name';
import { plural } from '../../components/plural';
import { useAppStore } from '../../store/app-store';
import { parseFilter } from '../../store/filter-key';
import { testIds } from '../../test-ids';
import './saved-searches.css';

const IN_NAMES = { stories: null, notes: 'notes', all: 'stories and notes' } as const;

/** Where a saved search looks, said in a few words: "in Ukraine · notes". */
function whereOf(search: SavedSearch): string {
  const parsed = parseFilter(search.filter);
  const scope = !parsed || parsed.kind === 'orphans' ? 'all stories' : parsed.kind === 'topic' ? parsed.name : baseName(parsed.path);
  const within = IN_NAMES[search.in];
  return within === null ? `in ${scope}` : `in ${scope} · ${within}`;
}

const runButtonId = (id: string) => `saved-search-${id}`;

export function SavedSearches() {
  const searches = useAppStore((state) => state.savedSearches);
  const counts = useAppStore((state) => state.savedCounts);
  const canSave = useAppStore((state) => state.searchInput.trim() !== '' && state.selectedFilter !== 'orphans');
  const { loadSavedSearches, saveCurrentSearch, runSavedSearch, renameSavedSearch, moveSavedSearch, deleteSavedSearch } = useAppStore.getState();
  const [editing, setEditing] = useState<string | null>(null);
  /** The item to give focus back to once the list re-renders (after a move, a rename or a delete). */
  const focusNext = useRef<string | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => void loadSavedSearches(), [loadSavedSearches]);
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    (document.getElementById(runButtonId(id)) ?? saveButton.current)?.focus();
  }, [searches, editing]);

  const move = (id: string, delta: 1 | -1) => {
    focusNext.current = id;
    void moveSavedSearch(id, delta);
  };
  const remove = (index: number) => {
    const next = searches[index + 1] ?? searches[index - 1];
    focusNext.current = next?.id ?? '';
    void deleteSavedSearch(searches[index]!.id);
  };
  const finishRename = (id: string, name: string | null) => {
    focusNext.current = id;
    setEditing(null);
    if (name !== null) void renameSavedSearch(id, name);
  };
  const onItemKeys = (event: KeyboardEvent, id: string) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(id, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <section className="saved-searches" aria-labelledby="saved-searches-heading">
      <div className="saved-searches__head">
        <h2 className="pane-heading" id="saved-searches-heading">
          Saved searches
        </h2>
        <button
          ref={saveButton}
          type="button"
          className="button button--small button--quiet"
          disabled={!canSave}
          title={canSave ? 'Pin this search, with its topic or file, here' : 'Type a search first, then save it here'}
          onClick={() => void saveCurrentSearch()}
        >
          Save search
        </button>
      </div>
      {searches.length > 0 && (
        <ul className="saved-searches__list" aria-labelledby="saved-searches-heading">
          {searches.map((search, index) => {
            const count = counts[search.id];
            return (
              <li key={search.id} className="saved-search">
                {editing === search.id ? (
                  <input
                    className="saved-search__name-input"
                    aria-label={`New name for the saved search “${search.name}”`}
                    defaultValue={search.name}
                    autoFocus
                    onFocus={(event) => event.currentTarget.select()}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') finishRename(search.id, event.currentTarget.value);
                      else if (event.key === 'Escape') finishRename(search.id, null);
                      else return;
                      event.preventDefault();
                      event.stopPropagation();
                    }}
                    onBlur={(event) => editing === search.id && finishRename(search.id, event.currentTarget.value)}
                  />
                ) : (
                  <button
                    id={runButtonId(search.id)}
                    type="button"
                    className="saved-search__run"
                    title={`${search.query} — ${whereOf(search)} (Alt+↑/↓ to move it)`}
                    onClick={() => runSavedSearch(search.id)}
                    onKeyDown={(event) => onItemKeys(event, search.id)}
                  >
                    <span className="saved-search__name" data-testid={testIds.savedSearchName}>{search.name}</span>
                    <span className="saved-search__count" data-testid={testIds.savedSearchCount}>
                      {count === undefined ? '…' : plural(count, 'result', 'results')}
                    </span>
                    <span className="saved-search__where">{whereOf(search)}</span>
                  </button>
                )}
                <span className="saved-search__tools">
                  <button type="button" className="saved-search__tool" aria-label={`Rename “${search.name}”`} title="Rename" onClick={() => setEditing(search.id)}>
                    ✎
                  </button>
                  <button type="button" className="saved-search__tool" aria-label={`Move “${search.name}” up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => move(search.id, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="saved-search__tool"
                    aria-label={`Move “${search.name}” down`}
                    title="Move down (Alt+↓)"
                    disabled={index === searches.length - 1}
                    onClick={() => move(search.id, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="saved-search__tool" aria-label={`Delete “${search.name}”`} title="Delete" onClick={() => remove(index)}>
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
