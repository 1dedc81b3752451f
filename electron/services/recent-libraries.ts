// The library folders opened before (File ▸ Open Recent, the empty screen, the
// header's Library menu), kept in DATA/state.json by AppStateStore, and the one
// check every folder the window asks to open passes: absolute, there, a folder.
// Main rebuilds its native menu when the list changes (`onChange`).

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { withRecentLibrary } from '../core/data/app-state';
import type { AppStateStore } from '../core/data/app-state';
import type { RecentLibrary } from '../shared/ipc-contract';

export const NOT_FROM_DISK = 'Ponder: only a folder from your disk can be dropped here. Drop the folder that holds your digest files to open it.';
export const NOT_RECENT = 'Ponder: that folder is not in the recent list. Open it with Open Folder… instead.';

export class RecentLibraries {
  readonly #state: AppStateStore;
  readonly #listeners = new Set<() => void>();

  constructor(state: AppStateStore) {
    this.#state = state;
  }

  /** A library was opened: it is the one to reopen at the next start, and the first recent folder. */
  async opened(folder: string): Promise<void> {
    await this.#state.update((current) => ({ lastLibrary: folder, recentLibraries: withRecentLibrary(current.recentLibraries, folder) }));
    this.changed();
  }

  /** Most recent first, each checked now: a folder that moved or vanished is `missing`. */
  async list(): Promise<RecentLibrary[]> {
    const { recentLibraries = [] } = await this.#state.load();
    return Promise.all(
      recentLibraries.map(async (folder) => ({ folder, name: path.basename(folder) || folder, missing: !(await isFolder(folder)) })),
    );
  }

  /**
   * `folder`, if the list holds it and it is still a folder. Membership is checked first, so a
   * request naming any other path costs no file system access at all.
   */
  async folderToOpen(folder: string): Promise<string> {
    const { recentLibraries = [] } = await this.#state.load();
    if (!recentLibraries.includes(folder)) throw new Error(NOT_RECENT);
    return existingFolder(folder);
  }

  /** Remove one folder from the list (its notes are untouched: they live in the data folder). */
  async forget(folder: string): Promise<RecentLibrary[]> {
    await this.#state.update((current) => ({ recentLibraries: (current.recentLibraries ?? []).filter((listed) => listed !== folder) }));
    this.changed();
    return this.list();
  }

  /** File ▸ Open Recent ▸ Clear Recently Opened. The open library stays open. */
  async clear(): Promise<RecentLibrary[]> {
    await this.#state.update({ recentLibraries: [] });
    this.changed();
    return [];
  }

  /** Call `listener` whenever the list (or whether one of its folders is missing) may have changed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

/**
 * `folder` resolved, if it is an absolute path to a folder that is there now; otherwise an
 * error that says what was wrong and what to do. Dropped folders come from the user's disk
 * (the preload reads the path from the File), so this is the only check their paths need.
 */
export async function existingFolder(folder: string): Promise<string> {
  if (folder === '') throw new Error(NOT_FROM_DISK);
  if (!path.isAbsolute(folder)) throw new Error(`Ponder: “${folder}” is not a full path to a folder. Drop the folder itself, or use Open Folder….`);
  const stats = await stat(folder).catch(() => null);
  if (!stats) {
    throw new Error(`Ponder: the folder ${folder} is not there any more. It may have been moved, renamed or deleted: use Locate… to choose it again, or Open Folder….`);
  }
  if (!stats.isDirectory()) {
    throw new Error(`Ponder: “${path.basename(folder)}” is a file, not a folder. Drop the folder that holds your digest files to open it.`);
  }
  return path.resolve(folder);
}

/** Whether `folder` is a folder now (following links, as opening it would). */
export async function isFolder(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => null))?.isDirectory() ?? false;
}
