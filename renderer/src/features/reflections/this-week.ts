/**
 * The start of "this week" for the answered count: Monday 00:00 in the reader's own time
 * zone (ISO 8601 weeks start on Monday), so on a Monday morning the count starts again.
 */
export function startOfWeek(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (start.getDay() + 6) % 7; // getDay: 0 is Sunday
  start.setDate(start.getDate() - sinceMonday);
  return start;
}

/** "Mon 9 Mar 2026" in the reader's locale, for a journal entry. */
export function formatWrittenOn(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Date unknown';
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
