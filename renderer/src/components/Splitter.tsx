import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Names the pane it resizes, e.g. "Resize topics". */
  label: string;
  /** Id of the pane it resizes. */
  controls: string;
  /** The pane's width in CSS pixels (0 when collapsed). */
  value: number;
  /** The smallest `value` (0 for a pane that collapses away). */
  min: number;
  max: number;
  onResize: (width: number) => void;
  /** Home: collapse the pane (hide it, or shrink it to its minimum). */
  onCollapse: () => void;
  /** End: bring it back as it was. */
  onRestore: () => void;
  className?: string;
}

/** Pixels per arrow press; Shift moves further. */
const STEP = 16;
const BIG_STEP = 64;

/**
 * A vertical window splitter (WAI-ARIA "window splitter"): drag it, or focus it and
 * use the arrows, Home to collapse its pane and End to restore it.
 */
export function Splitter({ label, controls, value, min, max, onResize, onCollapse, onRestore, className }: SplitterProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    if (event.key === 'ArrowLeft') onResize(value - step);
    else if (event.key === 'ArrowRight') onResize(value + step);
    else if (event.key === 'Home') onCollapse();
    else if (event.key === 'End') onRestore();
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startWidth: value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const onPointerEnd = () => {
    drag.current = null;
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={className ? `splitter ${className}` : 'splitter'}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    />
  );
}
