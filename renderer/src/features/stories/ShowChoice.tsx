import { useRef, type KeyboardEvent } from 'react';
import { SHOW_FILTERS, SHOW_LABELS } from '../../../../electron/shared/show-filter';
import { useAppStore } from '../../store/app-store';

const STEPS: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * "Show: All · Unread · Starred · Unanswered · Answered" above the stories: a radio group (one
 * tab stop; the arrow keys, Home and End choose, and the list follows at once). It narrows the
 * topic, file or search on show; main answers it from the reader's marks.
 */
export function ShowChoice() {
  const show = useAppStore((state) => state.listShow);
  const setShow = useAppStore((state) => state.setListShow);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = SHOW_FILTERS.indexOf(show);
    const last = SHOW_FILTERS.length - 1;
    const step = STEPS[event.key];
    const next = step !== undefined ? (at + step + SHOW_FILTERS.length) % SHOW_FILTERS.length : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
    if (next < 0) return;
    event.preventDefault();
    setShow(SHOW_FILTERS[next]!);
    buttons.current[next]?.focus();
  };

  return (
    <div role="radiogroup" aria-label="Show" className="show-choice" onKeyDown={onKeyDown}>
      <span className="show-choice__label" aria-hidden="true">
        Show
      </span>
      {SHOW_FILTERS.map((choice, index) => (
        <button
          key={choice}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={choice === show}
          tabIndex={choice === show ? 0 : -1}
          className="show-choice__option"
          onClick={() => setShow(choice)}
        >
          {SHOW_LABELS[choice]}
        </button>
      ))}
    </div>
  );
}
