import { memo, useEffect, useRef } from 'react';
import type { FilterKey } from '../../store/types';

interface FilterOptionProps {
  id: string;
  filterKey: FilterKey | null;
  label: string;
  count: number;
  /** A second, quieter line (e.g. "3 unanswered"). */
  detail?: string | undefined;
  /** Full text when the label is shortened (a file's path). */
  title?: string | undefined;
  selected: boolean;
  testId: string;
  detailTestId?: string | undefined;
  countTestId: string;
  /** Questions answered of the stories here, drawn as a small bar. */
  progress?: { answered: number; total: number } | undefined;
  onSelect: (key: FilterKey | null) => void;
}

export const FilterOption = memo(function FilterOption(props: FilterOptionProps) {
  const { id, filterKey, label, count, detail, title, selected, testId, detailTestId, countTestId, progress, onSelect } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div
      ref={ref}
      id={id}
      role="option"
      aria-selected={selected}
      className="filter-option"
      title={title}
      data-testid={testId}
      onClick={() => onSelect(filterKey)}
    >
      <span className="filter-option__label">{label}</span>
      <span className="filter-option__count" data-testid={countTestId}>
        {count.toLocaleString('en-US')}
      </span>
      {detail !== undefined && (
        <span className="filter-option__detail" data-testid={detailTestId}>
          {detail}
        </span>
      )}
      {progress && progress.total > 0 && <ProgressBar name={label} {...progress} />}
    </div>
  );
});

/** Answered of total, as a bar that does not rely on colour alone: its length, and its name says the numbers. */
function ProgressBar({ name, answered, total }: { name: string; answered: number; total: number }) {
  const percent = Math.round((answered / total) * 100);
  return (
    <span
      className="filter-option__progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={answered}
      aria-label={`${name}: ${answered.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} questions answered`}
      title={`${answered.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} questions answered`}
    >
      <span className="filter-option__progress-fill" style={{ width: `${percent}%` }} />
    </span>
  );
}
