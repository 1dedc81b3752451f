// The layout of Ponder's data folder (FORMATS.md §2), named in this one place:
//
//   DATA/notes/<id>.md     the reader's notes
//   DATA/history/<id>/     earlier versions of each note
//   DATA/cache/            the search index; may be deleted at any time
//   DATA/state.json        small state remembered across runs
//
// and, in the default data folder only, location.json, which points to a data
// folder the user moved elsewhere.

import path from 'node:path';

/** The entries of a data folder, by what they hold. */
export const DATA_ENTRIES = {
  notes: 'notes',
  history: 'history',
  cache: 'cache',
  state: 'state.json',
} as const;

/** The file in the default data folder that points to a moved one: `{ "dataDir": "/abs/path" }`. */
export const LOCATION_FILE = 'location.json';

/** What moving the data folder copies: the notes, their history and the app state. Caches are rebuilt. */
export const MOVED_ENTRIES = [DATA_ENTRIES.notes, DATA_ENTRIES.history, DATA_ENTRIES.state] as const;

/** Absolute paths of a data folder's entries. */
export interface DataLayout {
  root: string;
  notes: string;
  history: string;
  cache: string;
  state: string;
}

/** Where each entry of the data folder `dataDir` lives (resolved against the current folder). */
export function dataLayout(dataDir: string): DataLayout {
  const root = path.resolve(dataDir);
  return {
    root,
    notes: path.join(root, DATA_ENTRIES.notes),
    history: path.join(root, DATA_ENTRIES.history),
    cache: path.join(root, DATA_ENTRIES.cache),
    state: path.join(root, DATA_ENTRIES.state),
  };
}
