import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { JournalEntry } from '../../../../electron/shared/ipc-contract';
import { ModalDialog } from '../../components/ModalDialog';
import { nextListboxKey } from '../../components/listbox-keys';
import { plural } from '../../components/plural';
import { useReturnFocus } from '../../components/use-return-focus';
import { useAppStore } from '../../store/app-store';
import { ORPHANS_FILTER } from '../../store/filter-key';
import { formatWrittenOn } from './this-week';
import { useJournal } from './useJournal';

const entryId = (id: string) => `journal-${id}`;

/** The Reflections view: the reader's answers as a journal, newest first, searchable; Enter opens the story. */
export function ReflectionsDialog() {
  const open = useAppStore((state) => state.reflectionsOpen);
  const setOpen = useAppStore((state) => state.setReflectionsOpen);
  useReturnFocus(open);
  return (
    <ModalDialog open={open} onClose={() => setOpen(false)} title="Reflections" titleId="reflections-title" testId="reflections-dialog" wide>
      {open && <Journal onOpened={() => setOpen(false)} />}
    </ModalDialog>
  );
}

function Journal({ onOpened }: { onOpened: () => void }) {
  const [query, setQuery] = useState('');
  const { journal, error } = useJournal(query);
  const [active, setActive] = useState<string | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  // Once the dialog is shown (its showModal focuses its first button): the search takes focus.
  useEffect(() => {
    const frame = requestAnimationFrame(() => searchRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const entries = journal?.entries ?? [];
  const activeId = entries.some((entry) => entry.id === active) ? active : entries[0]?.id;

  const openEntry = (entry: JournalEntry) => {
    const { selectFilter, selectStory, clearSearch, requestFocus, selectedFilter } = useAppStore.getState();
    // The story is shown where it is: in the library (the list on show, unless another topic hides it), or among the orphans.
    clearSearch();
    if (!entry.inLibrary) selectFilter(ORPHANS_FILTER);
    else if (selectedFilter !== null) selectFilter(null);
    selectStory(entry.id);
    onOpened();
    // Once the modal dialog is closed (until then the page behind it cannot take focus).
    requestAnimationFrame(() => requestFocus('editor', entry.id));
  };

  const onListKeys = (event: KeyboardEvent) => {
    const entry = entries.find((candidate) => candidate.id === activeId);
    if (event.key === 'Enter' && entry) {
      event.preventDefault();
      openEntry(entry);
      return;
    }
    const next = nextListboxKey(event, entries.map((candidate) => candidate.id), activeId);
    if (next !== undefined) {
      setActive(next);
      document.getElementById(entryId(next))?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <div className="dialog__body journal">
      <p className="journal__week" aria-live="polite">
        {journal ? `${plural(journal.answeredSince, 'question', 'questions')} answered this week (since Monday)` : 'Loading your reflections…'}
      </p>
      <input
        type="search"
        className="search__input journal__search"
        aria-label="Search reflections"
        placeholder="Search your reflections and their questions"
        ref={searchRef}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
          event.preventDefault();
          document.getElementById('journal-list')?.focus();
        }}
      />
      {error && (
        <p className="journal__error" role="alert">
          {error}
        </p>
      )}
      {journal && entries.length === 0 && !error && (
        <p className="journal__empty">{query.trim() ? `No reflections match “${query.trim()}”.` : 'No reflections yet: answer a question and it appears here.'}</p>
      )}
      {entries.length > 0 && (
        <ul
          id="journal-list"
          role="listbox"
          aria-label="Reflections"
          tabIndex={0}
          className="journal__list"
          aria-activedescendant={activeId ? entryId(activeId) : undefined}
          onKeyDown={onListKeys}
        >
          {entries.map((entry) => (
            <li
              key={entry.id}
              id={entryId(entry.id)}
              role="option"
              aria-selected={entry.id === activeId}
              className="journal__entry"
              onClick={() => openEntry(entry)}
            >
              <span className="journal__date">{formatWrittenOn(entry.created)}</span>
              <span className="journal__question">{entry.question.trim() || 'A note without its question'}</span>
              <span className="journal__snippet">{entry.snippet}</span>
              {!entry.inLibrary && <span className="journal__orphan"> (its story is no longer in the library)</span>}
            </li>
          ))}
        </ul>
      )}
      {journal && journal.total > entries.length && <p className="journal__more">The newest {entries.length} of {journal.total} are shown: search to find older ones.</p>}
    </div>
  );
}
