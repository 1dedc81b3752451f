// Path containment, decided once. `path.relative` does the work: it resolves
// both sides (so trailing separators and `.`/`..` segments do not matter) and
// compares whole segments (so `/a/bc` is not inside `/a/b`).

import path from 'node:path';

/**
 * True when `target` is `folder` itself or anywhere below it. A sibling whose
 * name merely starts with the folder's (`/a/bc` for `/a/b`) is not; a child
 * whose name starts with two dots (`/a/b/..x`) is. Paths on another drive
 * (Windows) are never within.
 */
export function isWithin(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  if (relative === '') return true;
  const [first] = relative.split(path.sep);
  return first !== '..' && !path.isAbsolute(relative);
}
