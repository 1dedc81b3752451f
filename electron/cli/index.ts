// `ponder` on the command line, built from the same core as the app:
//   inspect FOLDER            the library as JSON: stories, topics, diagnostics
//   search FOLDER QUERY [--scope stories|notes|all] [--data-dir DIR] [--verbose]
//                             ranked hits as JSON, with highlight ranges; the index
//                             is the app's engine and its cache in the data folder;
//                             notes: the reader's notes of the library's stories
//   related FOLDER STORY_ID [--data-dir DIR]   the 5 most related stories, and why
//   notes [--data-dir DIR]    the notes as JSON, orphans and unreadable files flagged
//   export [--data-dir DIR] --format markdown|json   all notes as a journal or as JSON
//   import [--data-dir DIR] FROM                     merge a JSON export or a folder of notes
// JSON goes to stdout; errors go to stderr with exit code 1 (2 for bad usage).
// A library with bad files still prints its JSON, diagnostics included, and exits 0.

import os from 'node:os';
import path from 'node:path';
import { AppStateStore } from '../core/data/app-state';
import { dataLayout } from '../core/data/layout';
import { messageOf } from '../core/fs/errors';
import { writeFileAtomic } from '../core/fs/atomic-write';
import { parseCommandLine, resolveDataDir } from '../core/data/data-dir';
import { highlightStory } from '../core/search/highlight';
import { loadLibrary } from '../core/library/load-library';
import type { LoadedLibrary } from '../core/library/load-library';
import { exportJson, exportMarkdown } from '../core/notes/notes-export';
import { importNotes } from '../core/notes/notes-import';
import { NotesStore } from '../core/notes/notes-store';
import { libraryFingerprint } from '../core/library/library-fingerprint';
import { InProcessEngine } from '../core/search/in-process-engine';
import type { Library } from '../core/types';
import { NotesSearch } from '../services/notes-search';
import { relatedStories } from '../services/related-stories';

const USAGE = `Usage:
  npm run cli -- inspect FOLDER
  npm run cli -- search FOLDER QUERY [--scope stories|notes|all] [--data-dir DIR] [--verbose]
  npm run cli -- related FOLDER STORY_ID [--data-dir DIR]
  npm run cli -- notes [--data-dir DIR] [--library FOLDER]
  npm run cli -- export [--data-dir DIR] --format markdown|json [--group-by topic|source]
                        [--library FOLDER] [--out FILE]
  npm run cli -- import [--data-dir DIR] FROM
Notes (and search's index cache) are in --data-dir, else $PONDER_DATA_DIR, else the app's
own data folder. search --verbose tells on stderr whether the index came from the cache.
export writes to --out, else to stdout. import takes a JSON export, a note file or a folder
of note files, merges by story id (the newer text wins, the other is kept in history) and
prints what it did as JSON.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      return inspect(rest);
    case 'search':
      return search(rest);
    case 'related':
      return related(rest);
    case 'notes':
      return notes(rest);
    case 'export':
      return exportNotes(rest);
    case 'import':
      return importCommand(rest);
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

async function search(args: string[]): Promise<void> {
  const [dataDirArg, afterDataDir] = takeOption(args, '--data-dir');
  const [scope = 'stories', rest] = takeOption(afterDataDir, '--scope');
  if (scope !== 'stories' && scope !== 'notes' && scope !== 'all') throw new UsageError('Ponder: --scope is stories, notes or all.');
  const verbose = rest.includes('--verbose');
  // Query words may start with "-" (`-ukraine`): everything after FOLDER is the query.
  const [folder, ...words] = rest.filter((arg) => arg !== '--verbose');
  const query = words.join(' ');
  if (!folder || query.trim() === '') throw new UsageError('Ponder: search takes a FOLDER and a QUERY.');
  const dataDir = dataDirOf(dataDirArg);
  const library = await loadLibrary(folder, { topics: false });
  const stories = new Map(library.stories.map((story) => [story.id, story]));
  const found = new Map<string, Record<string, unknown>>();
  if (scope !== 'notes') {
    await withEngine(library, dataDir, verbose, async (engine) => {
      const outcome = await engine.search(query);
      if (!outcome.ok) throw new Error(outcome.error);
      for (const hit of outcome.hits) {
        const story = stories.get(hit.id)!;
        found.set(hit.id, { id: hit.id, score: round(hit.score), title: story.title, highlights: highlightStory(story, hit) });
      }
    });
  }
  if (scope !== 'stories') {
    const notesIndex = new NotesSearch();
    const { notes: all } = await new NotesStore(dataDir).list();
    const outcome = await notesIndex.search(all, query, { ids: all.filter((note) => stories.has(note.id)).map((note) => note.id) });
    await notesIndex.close();
    if (!outcome.ok) throw new Error(outcome.error);
    for (const hit of outcome.hits) {
      const known = found.get(hit.id);
      if (known) known['note'] = hit.passage;
      else found.set(hit.id, { id: hit.id, score: round(hit.score), title: stories.get(hit.id)!.title, note: hit.passage });
    }
  }
  print([...found.values()].sort((a, b) => (b['score'] as number) - (a['score'] as number)));
}

async function related(args: string[]): Promise<void> {
  const [dataDirArg, rest] = takeOption(args, '--data-dir');
  const [folder, id, ...extra] = rest;
  if (!folder || !id || extra.length > 0) throw new UsageError('Ponder: related takes a FOLDER and a STORY_ID.');
  const library = await loadLibrary(folder);
  const stories = new Map(library.stories.map((story) => [story.id, story]));
  if (!stories.has(id)) throw new Error(`Ponder: no story ${id} in ${folder} — \`ponder-cli inspect FOLDER\` lists the ids.`);
  const itemsById = new Map(library.stories.map((story) => [story.id, { id: story.id, source: story.source, line: story.line, title: story.title, snippet: '' }]));
  await withEngine(library, dataDirOf(dataDirArg), false, async (engine) => {
    const answer = await relatedStories(engine, { itemsById, stories }, id);
    if (answer.error) throw new Error(answer.error);
    print(answer.stories);
  });
}

/** The app's engine, in this thread, on the app's cache: an unchanged library is loaded, not indexed. */
async function withEngine(library: LoadedLibrary, dataDir: string, verbose: boolean, run: (engine: InProcessEngine) => Promise<void>): Promise<void> {
  const engine = new InProcessEngine({ cacheDir: dataLayout(dataDir).cache });
  try {
    const built = await engine.build(library.stories, { fingerprint: libraryFingerprint(library.files, library.stories) });
    if (verbose) process.stderr.write(`${JSON.stringify({ index: { stories: library.stories.length, ...built } })}\n`);
    await run(engine);
  } finally {
    // Writes the cache after a cold build (the answer is printed already).
    await engine.dispose();
  }
  if (verbose && engine.lastCacheError) process.stderr.write(`${engine.lastCacheError}\n`);
}

function dataDirOf(dataDirArg: string | undefined): string {
  return resolveDataDir({ argv: dataDirArg === undefined ? [] : ['--data-dir', dataDirArg], env: process.env, defaultDir: electronUserData() });
}

async function notes(args: string[]): Promise<void> {
  const [libraryArg, rest] = takeOption(args, '--library');
  if (parseCommandLine(rest).library) throw new UsageError('Ponder: notes takes only --data-dir and --library.');
  const dataDir = resolveDataDir({ argv: rest, env: process.env, defaultDir: electronUserData() });
  const library = await libraryFor(dataDir, libraryArg);
  const storyIds = library ? new Set(library.stories.map((story) => story.id)) : null;
  const { notes: all, unreadable } = await new NotesStore(dataDir).list();
  print({
    dataDir,
    library: library?.folder ?? null,
    notes: all.map(({ revision: _revision, ...note }) => ({ ...note, orphan: storyIds ? !storyIds.has(note.id) : null })),
    unreadable: unreadable.map((entry) => ({ ...entry, unreadable: true })),
  });
}

async function exportNotes(args: string[]): Promise<void> {
  const [format, afterFormat] = takeOption(args, '--format');
  const [groupBy = 'topic', afterGroup] = takeOption(afterFormat, '--group-by');
  const [libraryArg, afterLibrary] = takeOption(afterGroup, '--library');
  const [out, rest] = takeOption(afterLibrary, '--out');
  if (format !== 'markdown' && format !== 'json') throw new UsageError('Ponder: export needs --format markdown or --format json.');
  if (groupBy !== 'topic' && groupBy !== 'source') throw new UsageError('Ponder: --group-by is topic or source.');
  if (parseCommandLine(rest).library) throw new UsageError('Ponder: export takes no FOLDER; name the library with --library.');
  const dataDir = resolveDataDir({ argv: rest, env: process.env, defaultDir: electronUserData() });
  const { notes: all } = await new NotesStore(dataDir).list();
  let content: string;
  if (format === 'json') {
    content = exportJson(all);
  } else {
    const library = await libraryFor(dataDir, libraryArg);
    const stories = library ? new Map(library.stories.map((story) => [story.id, story])) : null;
    content = exportMarkdown(all, stories ? (id) => stories.get(id) : undefined, { groupBy });
  }
  if (out === undefined) process.stdout.write(content);
  else await writeFileAtomic(path.resolve(out), content);
}

async function importCommand(args: string[]): Promise<void> {
  const { library: from } = parseCommandLine(args);
  const at = args.findIndex((arg, i) => arg === from && args[i - 1] !== '--data-dir');
  const rest = args.filter((_, i) => i !== at);
  if (!from || parseCommandLine(rest).library) throw new UsageError('Ponder: import takes one FROM: a JSON export or a folder of notes.');
  const dataDir = resolveDataDir({ argv: rest, env: process.env, defaultDir: electronUserData() });
  print(await importNotes(new NotesStore(dataDir), from));
}

/** The library to judge orphans against: --library, else the one the app last had open (if it still loads). */
async function libraryFor(dataDir: string, libraryArg: string | undefined): Promise<Library | null> {
  const folder = libraryArg ?? (await new AppStateStore(dataDir).load()).lastLibrary;
  return folder ? loadLibrary(folder).catch(() => null) : null;
}

/** Take `--name VALUE` or `--name=VALUE` out of `args`: [the value, the other arguments]. */
function takeOption(args: string[], name: string): [string | undefined, string[]] {
  let value: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`Ponder: ${name} needs a value.`);
    } else if (arg.startsWith(`${name}=`)) {
      value = arg.slice(name.length + 1);
    } else {
      rest.push(arg);
    }
  }
  return [value, rest];
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
  process.stderr.write(`${messageOf(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
