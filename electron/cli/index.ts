// `ponder` on the command line, built from the same core as the app:
//   inspect FOLDER            the library as JSON: stories, topics, diagnostics
//   search FOLDER QUERY       ranked hits as JSON, with highlight ranges
//   notes [--data-dir DIR]    the notes as JSON, orphans and unreadable files flagged
// JSON goes to stdout; errors go to stderr with exit code 1 (2 for bad usage).
// A library with bad files still prints its JSON, diagnostics included, and exits 0.

import os from 'node:os';
import path from 'node:path';
import { AppStateStore } from '../core/app-state';
import { parseCommandLine, resolveDataDir } from '../core/data-dir';
import { highlightStory } from '../core/highlight';
import { loadLibrary } from '../core/library';
import { NotesStore } from '../core/notes-store';
import { SearchIndex } from '../core/search-index';

const USAGE = `Usage:
  npm run cli -- inspect FOLDER
  npm run cli -- search FOLDER QUERY
  npm run cli -- notes [--data-dir DIR] [--library FOLDER]
Notes are read from --data-dir, else $PONDER_DATA_DIR, else the app's own data folder.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      return inspect(rest);
    case 'search':
      return search(rest);
    case 'notes':
      return notes(rest);
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Ponder: unknown command "${command}".`);
  }
}

async function inspect([folder, ...extra]: string[]): Promise<void> {
  if (!folder || extra.length > 0) throw new UsageError('Ponder: inspect takes one FOLDER.');
  const library = await loadLibrary(folder);
  print({
    stories: library.stories.map(({ id, source, line, title, summary, reflection, question, topics }) => ({
      id, source, line, title, summary, reflection, question, topics,
    })),
    topics: library.topics,
    diagnostics: library.diagnostics,
  });
}

async function search([folder, ...words]: string[]): Promise<void> {
  const query = words.join(' ');
  if (!folder || query.trim() === '') throw new UsageError('Ponder: search takes a FOLDER and a QUERY.');
  const library = await loadLibrary(folder);
  const outcome = SearchIndex.build(library.stories).search(query);
  if (!outcome.ok) throw new Error(outcome.error);
  const stories = new Map(library.stories.map((story) => [story.id, story]));
  print(
    outcome.hits.map((hit) => {
      const story = stories.get(hit.id)!;
      return { id: hit.id, score: round(hit.score), title: story.title, highlights: highlightStory(story, hit) };
    }),
  );
}

async function notes(args: string[]): Promise<void> {
  const libraryFlag = args.indexOf('--library');
  const libraryArg = libraryFlag >= 0 ? args[libraryFlag + 1] : undefined;
  const rest = libraryFlag >= 0 ? args.filter((_, i) => i !== libraryFlag && i !== libraryFlag + 1) : args;
  if (parseCommandLine(rest).library) throw new UsageError('Ponder: notes takes only --data-dir and --library.');
  const dataDir = resolveDataDir({ argv: rest, env: process.env, defaultDir: electronUserData() });
  // Orphans are judged against --library, else the library the app last had open.
  const libraryFolder = libraryArg ?? (await new AppStateStore(dataDir).load()).lastLibrary;
  const library = libraryFolder ? await loadLibrary(libraryFolder).catch(() => null) : null;
  const storyIds = library ? new Set(library.stories.map((story) => story.id)) : null;
  const { notes: all, unreadable } = await new NotesStore(dataDir).list();
  print({
    dataDir,
    library: library?.folder ?? null,
    notes: all.map((note) => ({ ...note, orphan: storyIds ? !storyIds.has(note.id) : null })),
    unreadable: unreadable.map((entry) => ({ ...entry, unreadable: true })),
  });
}

/** Where Electron puts `userData` for an app named Ponder, so the CLI finds the app's notes. */
function electronUserData(): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Ponder');
  if (process.platform === 'win32') return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Ponder');
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Ponder');
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
