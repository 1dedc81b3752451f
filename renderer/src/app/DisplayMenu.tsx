import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useOutsideDismiss } from '../components/use-outside-dismiss';
import type { LineWidth, StoryFont, ThemeChoice } from '../../../electron/shared/ipc-contract';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';

interface Choice<T> {
  value: T;
  label: string;
}

const THEME_CHOICES: Choice<ThemeChoice>[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];
const WIDTH_CHOICES: Choice<LineWidth>[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];
const FONT_CHOICES: Choice<StoryFont>[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans serif' },
];

/** A group of radio buttons (the arrow keys move between them, as native radios do). */
function RadioGroup<T extends string>(props: { legend: string; choices: Choice<T>[]; value: T; onChange: (value: T) => void }) {
  const name = useId();
  return (
    <fieldset className="display-menu__group">
      <legend className="display-menu__legend">{props.legend}</legend>
      <div className="segmented">
        {props.choices.map((choice) => (
          <label key={choice.value} className="segmented__choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={props.value === choice.value}
              onChange={() => props.onChange(choice.value)}
            />
            <span className="segmented__button">{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The header's Display button and its panel: theme, text size, line width and story
 * font (also in View ▸, and text size on Ctrl/Cmd +/-/0). Escape or a click elsewhere closes it.
 */
export function DisplayMenu() {
  const [open, setOpen] = useState(false);
  const { theme, textScale, lineWidth, storyFont } = useAppStore(
    useShallow(({ theme, textScale, lineWidth, storyFont }) => ({ theme, textScale, lineWidth, storyFont })),
  );
  const { setTheme, stepTextSize, setLineWidth, setStoryFont } = useAppStore.getState();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [open]);
  useOutsideDismiss(open, () => setOpen(false), panelRef, buttonRef);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || event.key !== 'Escape') return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="display-menu" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Display
      </button>
      <div ref={panelRef} id={panelId} className="display-menu__panel" role="group" aria-label="Display" hidden={!open}>
        <RadioGroup legend="Theme" choices={THEME_CHOICES} value={theme} onChange={setTheme} />
        <fieldset className="display-menu__group">
          <legend className="display-menu__legend">Text size</legend>
          <div className="display-menu__row">
            <button type="button" className="button button--small" onClick={() => stepTextSize(-1)}>
              Smaller
            </button>
            <output className="display-menu__value">
              {textScale}%
            </output>
            <button type="button" className="button button--small" onClick={() => stepTextSize(1)}>
              Bigger
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => stepTextSize(0)}>
              Reset
            </button>
          </div>
        </fieldset>
        <RadioGroup legend="Line width" choices={WIDTH_CHOICES} value={lineWidth} onChange={setLineWidth} />
        <RadioGroup legend="Story font" choices={FONT_CHOICES} value={storyFont} onChange={setStoryFont} />
      </div>
    </div>
  );
}
