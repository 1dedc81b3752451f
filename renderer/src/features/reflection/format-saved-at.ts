import type { NoteVersion } from '../../../../electron/shared/ipc-contract';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "Today, 14:05", "Yesterday, 09:12", "Tue, Mar 4, 18:30", "Mar 4, 2024, 18:30" (in the reader's locale). */
export function formatSavedAt(iso: string, now: Date = new Date()): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const time = timeFormat.format(when);
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(when, now)) return `Today, ${time}`;
  if (sameDay(when, yesterday)) return `Yesterday, ${time}`;
  const day = when.getFullYear() === now.getFullYear() ? dayFormat.format(when) : dateFormat.format(when);
  return `${day}, ${time}`;
}

/** Why a version was kept: a version is the text as it was just before what its reason names. */
export const REASON_LABELS: Record<NoteVersion['reason'], string> = {
  edit: 'Before your edits',
  restore: 'Before a restore',
  external: 'Before a change outside Ponder',
  conflict: 'Kept from a conflict',
  import: 'Before an import',
};
