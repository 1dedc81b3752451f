// Earlier versions of each note, in DATA/history/<id>/<version>.md: the same
// file format as a note, plus a `reason` key. The store decides when a text
// is about to be replaced; this module decides whether it is worth a file
// (coalescing, duplicates) and thins old versions by age (history-thinning.ts).
//
// Coalescing rule: a replaced text is NOT kept when its reason is 'edit', the
// caller says the file on disk is the store's own last write (`coalesce`), and
// the newest version is an 'edit' kept less than COALESCE_MS ago. That version
// already holds the text from before this burst of typing, and the end of the
// burst is the note itself; so continuous typing yields at most one version
// per five minutes. Every other reason ('restore', 'external', 'conflict',
// 'import') is always kept. A text equal to the newest version is never kept
// twice.

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { nodeWriteFs, writeNewFileAtomic } from '../fs/atomic-write';
import type { WriteFs } from '../fs/atomic-write';
import { describeFsError, errorCode, noop } from '../fs/errors';
import { versionsToThin } from './history-thinning';
import { readNoteFile } from './note-file';
import { serializeNote } from './note-format';
import type { NoteVersion, NoteVersionReason } from '../types';
import type { Note } from '../types';

/** A burst of typing within this long of the newest 'edit' version adds no version. */
export const COALESCE_MS = 5 * 60 * 1000;

export interface KeepOptions {
  /** The text being replaced is the store's own last write, so the burst rule may skip it. */
  coalesce?: boolean;
  /** Default: now. */
  now?: Date;
}

export class NoteHistory {
  /** `DATA/history`, absolute. */
  readonly root: string;
  readonly #fs: WriteFs;

  constructor(root: string, fs: WriteFs = nodeWriteFs) {
    this.root = root;
    this.#fs = fs;
  }

  /** The folder of `id`'s versions (the caller has checked the id). */
  dirFor(id: string): string {
    return path.join(this.root, id);
  }

  /**
   * Keep `note`'s text as a version of its note, unless the rules at the top
   * of this file say it is not needed. Returns the version's name, or null
   * when nothing was written. Rejects (with the file system's error) when it
   * could not be written; then nothing was.
   */
  async keep(note: Note, reason: NoteVersionReason, options: KeepOptions = {}): Promise<string | null> {
    const now = options.now ?? new Date();
    const dir = this.dirFor(note.id);
    const names = await versionNames(dir);
    const newest = names[0] ? await readVersion(dir, names[0]) : undefined;
    if (newest?.text === note.text) return null;
    if (
      reason === 'edit' &&
      options.coalesce &&
      newest?.reason === 'edit' &&
      now.getTime() - keptAt(newest.version).getTime() < COALESCE_MS
    ) {
      return null;
    }
    const content = serializeNote(note, { reason });
    const version = await this.#writeVersion(dir, names[0], now, content);
    await this.#thin(dir, now);
    return version;
  }

  /** Every readable version of `id`, newest first. A version file that cannot be read is skipped. */
  async list(id: string): Promise<NoteVersion[]> {
    const dir = this.dirFor(id);
    const versions = await Promise.all((await versionNames(dir)).map((name) => readVersion(dir, name)));
    return versions.filter((entry) => entry !== undefined).map(({ version, savedAt, text, reason }) => ({ version, savedAt, text, reason }));
  }

  /** Every version's text (to tell whether a text is already kept). */
  async texts(id: string): Promise<Set<string>> {
    return new Set((await this.list(id)).map((version) => version.text));
  }

  /** One version as a note, or undefined when there is no such (readable) version. */
  async read(id: string, version: string): Promise<{ note: Note; reason: NoteVersionReason } | undefined> {
    if (!VERSION_NAME.test(version)) return undefined;
    const file = path.join(this.dirFor(id), `${version}.md`);
    const loaded = await readVersionFile(file, version);
    return loaded && { note: loaded.note, reason: loaded.reason };
  }

  /** Write a version named after `now`, or just after `newest` if the clock is behind it (names stay in order). */
  async #writeVersion(dir: string, newest: string | undefined, now: Date, content: string): Promise<string> {
    let [stamp, counter] = [toStamp(now), 1];
    if (newest) {
      const [newestStamp, newestCounter] = splitName(newest);
      if (newestStamp >= stamp) [stamp, counter] = [newestStamp, newestCounter + 1];
    }
    for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++, counter++) {
      const version = counter === 1 ? stamp : `${stamp}-${counter}`;
      try {
        await writeNewFileAtomic(path.join(dir, `${version}.md`), content, this.#fs);
        return version;
      } catch (error) {
        // Another Ponder (a second window's process, a sync tool) took the name.
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
    throw new Error(`Ponder: could not find a free name for a version in ${dir}.`);
  }

  /** Delete every version of `id` (the reader asked for it); rejects with a "Ponder: " message. */
  async purge(id: string): Promise<void> {
    const dir = this.dirFor(id);
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (error) {
      throw new Error(`Ponder: could not delete the history in ${dir}: ${describeFsError(error)}. Try again.`, { cause: error });
    }
  }

  /** Delete the versions age-thinning lets go. Best effort: a version left over is harmless. */
  async #thin(dir: string, now: Date): Promise<void> {
    const names = await versionNames(dir);
    // Nothing older than an hour: nothing to thin, and no need to read every version.
    if (names.length < 2 || now.getTime() - keptAt(names.at(-1)!).getTime() < 60 * 60 * 1000) return;
    const versions = (await Promise.all(names.map((name) => readVersion(dir, name)))).filter((entry) => entry !== undefined);
    const thin = versionsToThin(
      versions.map((entry) => ({ version: entry.version, text: entry.text, keptAt: keptAt(entry.version).getTime() })),
      undefined,
      now.getTime(),
    );
    for (const name of thin) await this.#fs.rm(path.join(dir, `${name}.md`), { force: true }).catch(noop);
  }
}

// ---------------------------------------------------------------------------

/** `20261124T214456123Z`, optionally `-2`, `-3`…: a UTC time, sortable and free of characters Windows refuses. */
const VERSION_NAME = /^\d{8}T\d{9}Z(-[1-9]\d*)?$/;
const MAX_NAME_ATTEMPTS = 100;
const REASONS: readonly NoteVersionReason[] = ['edit', 'restore', 'external', 'conflict', 'import'];

/** Version names in `dir`, newest first; none when the folder does not exist. */
async function versionNames(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const names = entries.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
  return names.filter((name) => VERSION_NAME.test(name)).sort(compareNames).reverse();
}

async function readVersion(dir: string, version: string) {
  return readVersionFile(path.join(dir, `${version}.md`), version);
}

/** A version file as a version of its note; undefined when it cannot be read as one. */
async function readVersionFile(file: string, version: string) {
  const loaded = await readNoteFile(file, { fallbackTime: keptAt(version).toISOString() });
  if (loaded.kind !== 'note') return undefined;
  const { note, extra } = loaded;
  const reason = REASONS.find((known) => known === extra.reason) ?? 'edit';
  const entry: NoteVersion & { note: Note } = { version, savedAt: note.updated, text: note.text, reason, note };
  return entry;
}

function toStamp(time: Date): string {
  return time.toISOString().replace(/[-:.]/g, '');
}

/** The time in a version's name. */
function keptAt(version: string): Date {
  const [stamp] = splitName(version);
  const iso = stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z');
  return new Date(iso);
}

function splitName(version: string): [stamp: string, counter: number] {
  const [stamp, counter] = version.split('-');
  return [stamp!, counter ? Number(counter) : 1];
}

function compareNames(a: string, b: string): number {
  const [stampA, counterA] = splitName(a);
  const [stampB, counterB] = splitName(b);
  return stampA < stampB ? -1 : stampA > stampB ? 1 : counterA - counterB;
}
