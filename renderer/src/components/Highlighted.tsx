import { memo, type ReactNode } from 'react';
import type { Range } from '../../../electron/shared/ipc-contract';
import { normalizeRanges } from './ranges';

interface HighlightedProps {
  text: string;
  /** [start, end) UTF-16 offsets into `text` to wrap in <mark>. */
  ranges?: readonly Range[] | undefined;
}

/** Text with search matches marked, built from text nodes only (story text is never parsed as HTML). */
export const Highlighted = memo(function Highlighted({ text, ranges }: HighlightedProps) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of normalizeRanges(ranges, text.length)) {
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
});
