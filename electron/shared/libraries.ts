// Library folders across runs: the recent list (File ▸ Open Recent, the empty
// screen, the header's Library menu) and a folder that moved or vanished.
// Types only, re-exported by the IPC contract.

/** A folder of File ▸ Open Recent, most recent first (`library:recents`). */
export interface RecentLibrary {
  /** Absolute path, as it was opened. */
  folder: string;
  /** The folder's base name, for a short label. */
  name: string;
  /** Not a folder any more (moved, renamed, deleted, or on a drive not mounted now): offer Locate… and Remove. */
  missing: boolean;
}

/** The open library's folder disappeared while Ponder was showing it (`library:missing`). */
export interface LibraryMissingEvent {
  folder: string;
}
