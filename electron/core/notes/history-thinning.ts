// Which earlier versions of a note may go (issue 8, item 7): thinning by age,
// as Time Machine does, never by count, so that no burst of saves, however
// long, can push out what came before it.
//
//   - every version kept less than an hour ago stays;
//   - older than an hour: one per clock hour for a day, then one per UTC day
//     up to 30 days, then one per calendar month — the newest in each;
//   - but a *sole copy* is never thinned: a version whose text is neither the
//     note's current text (when known) nor the text of any other remaining
//     version. Thinning therefore removes repeated texts only, and a burst of
//     saves, however long, removes nothing that was there before it. What keeps
//     the folder small is upstream: typing adds at most one version per five
//     minutes (note-history.ts), and main limits how often a note is saved.

export interface ThinnedVersion {
  version: string;
  /** When the version was kept (from its name), ms since the epoch. */
  keptAt: number;
  text: string;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const RECENT_MS = HOUR;
const DAILY_UNTIL_MS = 30 * DAY;

/** Names of the versions to delete, given every version (any order), the note's current text and the time now. */
export function versionsToThin(versions: readonly ThinnedVersion[], currentText: string | undefined, now: number): string[] {
  const copies = new Map<string, number>();
  const count = (text: string, by: number) => copies.set(text, (copies.get(text) ?? 0) + by);
  for (const version of versions) count(version.text, 1);
  if (currentText !== undefined) count(currentText, 1);
  const seen = new Set<string>();
  const thinned: string[] = [];
  for (const version of [...versions].sort((a, b) => b.keptAt - a.keptAt)) {
    const age = now - version.keptAt;
    if (age < RECENT_MS) continue;
    const bucket = bucketOf(version.keptAt, age);
    if (!seen.has(bucket)) {
      seen.add(bucket);
      continue;
    }
    if (copies.get(version.text) === 1) continue;
    count(version.text, -1);
    thinned.push(version.version);
  }
  return thinned;
}

function bucketOf(keptAt: number, age: number): string {
  if (age < DAY) return `h${Math.floor(keptAt / HOUR)}`;
  if (age < DAILY_UNTIL_MS) return `d${Math.floor(keptAt / DAY)}`;
  return `m${new Date(keptAt).toISOString().slice(0, 7)}`;
}
