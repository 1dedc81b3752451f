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
  onSelect: (key: FilterKey | null) => void;
}

export const FilterOption = memo(function FilterOption(props: FilterOptionProps) {
  const { id, filterKey, label, count, detail, title, selected, testId, detailTestId, countTestId, onSelect } = props;
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
    </div>
  );
});
