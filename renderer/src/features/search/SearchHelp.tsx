import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useOutsideDismiss } from '../../components/use-outside-dismiss';

/** The query syntax, as a reader would look it up: what to type, and what it finds. */
const SYNTAX: readonly [example: string, meaning: string][] = [
  ['kursk troops', 'stories with any of the words, best matches first'],
  ['"north korea"', 'the words side by side, in this order'],
  ['+kursk   kursk AND troops', 'must contain'],
  ['-russia   NOT russia', 'must not contain'],
  ['troops OR korea', 'either word (the default)'],
  ['question:how', 'in one field: summary, reflection or question'],
  ['int*', 'words that start with “int”'],
  ['regoin~1', 'allow a typo (up to ~2)'],
  ['russian^3', 'count a word three times as much'],
];

/**
 * A "?" button beside the search box that opens the syntax as a small non-modal
 * dialog. Escape or a click elsewhere closes it; Escape puts focus back on the button.
 */
export function SearchHelp() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);
  useOutsideDismiss(open, () => setOpen(false), dialog, button);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="search__help-button"
        aria-label="Search syntax"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        ?
      </button>
      {open && (
        <div ref={dialog} id={id} role="dialog" aria-label="Search syntax" tabIndex={-1} className="search__help" onKeyDown={onKeyDown}>
          <dl className="search__help-list">
            {SYNTAX.map(([example, meaning]) => (
              <div key={example} className="search__help-row">
                <dt>
                  <code>{example}</code>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="search__help-note">
            Any language: accents are optional (Sanchez finds Sánchez), Russian and Ukrainian words match their other forms, and Chinese or
            Japanese text is split into words.
          </p>
        </div>
      )}
    </>
  );
}
