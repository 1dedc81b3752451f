// The view part of DATA/state.json as the specs read it back: what Ponder remembers.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppState } from '../../electron/core/data/app-state';

/** The remembered view, or null while state.json has not been written. */
export async function savedView(dataDir: string): Promise<AppState['view'] | null> {
  try {
    return (JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8')) as AppState).view;
  } catch {
    return null;
  }
}
