import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { NotesStore } from '../../electron/core/notes/notes-store';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources/sample');
const MESSY = path.join(ROOT, 'tests/fixtures/messy');
const CLI = path.join(ROOT, 'out/cli/index.js');
const run = promisify(execFile);

// The tests run the built file, as `ponder-cli` and `npm run cli` do. Built here from the
// current source (a fraction of a second, written atomically), so a stale out/ cannot pass.
// Unless a test names one, the data folder is an empty temp folder, never the user's own.
let defaultDataDir: string;
beforeAll(async () => {
  defaultDataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-cli-default-'));
  await run(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
}, 60_000);
afterAll(async () => {
  await rm(defaultDataDir, { recursive: true, force: true });
});

/** Run the built CLI; resolves with its output and exit code, never rejects on exit codes. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, PONDER_DATA_DIR: defaultDataDir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('ponder CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ponder-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('inspect prints the sample: 26 stories, topics a reader recognises, no diagnostics', async () => {
    const { code, stdout } = await cli(['inspect', 'resources/sample']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.stories).toHaveLength(26);
    expect(output.diagnostics).toEqual([]);
    expect(Object.keys(output.stories[0]).sort()).toEqual(
      ['id', 'line', 'question', 'reflection', 'source', 'summary', 'title', 'topics'].sort(),
    );
    const names = output.topics.map((topic: { name: string }) => topic.name);
    expect(names).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'North Korea', 'Kim Jong Un']));
  });

  it('inspect prints a library written here story by story: lines, titles, topics, and the broken story', async () => {
    const library = path.join(dataDir, 'inspect-library');
    await mkdir(library, { recursive: true });
    await writeFile(path.join(library, 'a.txt'), [
      'Kim Jong Un met Vladimir Putin in Pyongyang on Tuesday. They signed a defence pact.',
      "The pact binds both to come to the other's aid.",
      'What changes for Seoul?',
      '',
      'Zebras crossed the Serengeti early this year, rangers said.',
      'Rain came in October.',
      'Why does timing matter for the herds?',
      '',
      'Kim Jong Un inspected a missile factory near Pyongyang.',
      'The visit followed the pact.',
      'What is he signalling?',
      '',
      'A broken story with only two lines.',
      'Where is its third line?',
      '',
    ].join('\n'));

    const { code, stdout } = await cli(['inspect', library]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.stories).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/), source: 'a.txt', line: 1,
        title: 'Kim Jong Un met Vladimir Putin in Pyongyang on Tuesday',
        summary: 'Kim Jong Un met Vladimir Putin in Pyongyang on Tuesday. They signed a defence pact.',
        reflection: "The pact binds both to come to the other's aid.",
        question: 'What changes for Seoul?',
        topics: expect.arrayContaining(['Kim Jong Un', 'Pyongyang']),
      },
      expect.objectContaining({ source: 'a.txt', line: 5, title: 'Zebras crossed the Serengeti early this year, rangers said', topics: [] }),
      expect.objectContaining({ source: 'a.txt', line: 9, question: 'What is he signalling?' }),
    ]);
    const [meeting, zebras, factory] = output.stories as Array<{ id: string }>;
    expect(output.topics).toEqual(expect.arrayContaining([
      { name: 'Kim Jong Un', storyIds: [meeting!.id, factory!.id] },
      { name: 'Pyongyang', storyIds: [meeting!.id, factory!.id] },
    ]));
    expect(output.diagnostics).toEqual([{ file: 'a.txt', line: 13, reason: expect.stringContaining('has 2 lines instead of 3') }]);

    // A story keeps its id when it moves to another file (docs/FORMATS.md).
    const moved = path.join(dataDir, 'inspect-moved');
    await mkdir(path.join(moved, 'sub'), { recursive: true });
    await writeFile(path.join(moved, 'sub', 'b.txt'), 'Zebras crossed the Serengeti early this year, rangers said.\nRain came in October.\nWhy does timing matter for the herds?\n');
    const again = JSON.parse((await cli(['inspect', moved])).stdout);
    expect(again.stories).toEqual([expect.objectContaining({ id: zebras!.id, source: 'sub/b.txt', line: 1 })]);
  });

  it('inspect of a messy library still prints JSON with diagnostics and exits 0', async () => {
    const { code, stdout } = await cli(['inspect', MESSY]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.diagnostics.length).toBeGreaterThan(0);
    expect(output.diagnostics[0]).toEqual({ file: expect.any(String), line: expect.any(Number), reason: expect.any(String) });
    expect(output.stories.length).toBeGreaterThan(0);
  });

  it('search prints ranked hits with titles, and highlight ranges on the words it matched', async () => {
    const { code, stdout } = await cli(['search', SAMPLE, '+kursk', 'troops']);
    expect(code).toBe(0);
    type Ranges = [number, number][];
    const hits = JSON.parse(stdout) as Array<{ id: string; score: number; title: string; highlights: Record<'summary' | 'reflection' | 'question', Ranges> }>;
    expect(hits.length).toBeGreaterThan(0);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const library = await loadLibrary(SAMPLE);
    const summaryMarks: string[] = [];
    for (const hit of hits) {
      const story = library.stories.find((candidate) => candidate.id === hit.id)!;
      expect(hit.title).toBe(story.title);
      expect(story.summary + story.reflection + story.question).toMatch(/kursk/i);
      const marked = (['summary', 'reflection', 'question'] as const).flatMap((field) =>
        hit.highlights[field].map(([from, to]) => story[field].slice(from, to).toLowerCase()));
      // Every hit matched "kursk" somewhere, so every hit marks at least that word.
      expect(marked, `marks in "${story.title}"`).toContain('kursk');
      for (const word of marked) expect(['kursk', 'troops', 'troop']).toContain(word);
      summaryMarks.push(...hit.highlights.summary.map(([from, to]) => story.summary.slice(from, to).toLowerCase()));
    }
    expect(summaryMarks).toEqual(expect.arrayContaining(['kursk', 'troops']));
  });

  it('a query Lunr cannot parse is an error on stderr with exit 1', async () => {
    const { code, stdout, stderr } = await cli(['search', SAMPLE, 'title:kursk']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Ponder: unknown field "title"');
  });

  it('a missing folder is an error on stderr; bad usage exits 2', async () => {
    const missing = await cli(['inspect', path.join(dataDir, 'no-such-folder')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Ponder: cannot open library folder/);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage:');
  });

  it('notes lists notes with orphans and unreadable files flagged, from --data-dir or PONDER_DATA_DIR', async () => {
    const library = await loadLibrary(SAMPLE);
    const story = library.stories[0]!;
    const store = new NotesStore(dataDir);
    await store.save({ id: story.id, text: 'Kept', question: story.question, source: story.source });
    await store.save({ id: 'aaaaaaaaaaaaaaaa', text: 'Orphaned', question: 'Gone?', source: 'old.txt' });
    await mkdir(path.join(dataDir, 'notes'), { recursive: true });
    await writeFile(path.join(dataDir, 'notes', 'bbbbbbbbbbbbbbbb.md'), 'no front matter here');

    for (const invocation of [
      cli(['notes', '--data-dir', dataDir, '--library', SAMPLE]),
      cli(['notes', '--library', SAMPLE], { PONDER_DATA_DIR: dataDir }),
    ]) {
      const { code, stdout } = await invocation;
      expect(code).toBe(0);
      const output = JSON.parse(stdout);
      const byId = new Map(output.notes.map((note: { id: string }) => [note.id, note]));
      expect(byId.get(story.id)).toMatchObject({ text: 'Kept', orphan: false, question: story.question });
      expect(byId.get('aaaaaaaaaaaaaaaa')).toMatchObject({ text: 'Orphaned', orphan: true, question: 'Gone?' });
      expect(output.unreadable).toEqual([
        expect.objectContaining({ file: expect.stringContaining('bbbbbbbbbbbbbbbb.md'), unreadable: true }),
      ]);
    }
  });
});

describe('ponder CLI export and import', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ponder-cli-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('exports JSON to stdout and imports it into another data folder, twice without duplicates', async () => {
    const library = await loadLibrary(SAMPLE);
    const [first, second] = library.stories;
    const from = path.join(root, 'from');
    const store = new NotesStore(from);
    await store.save({ id: first!.id, text: 'First answer.', question: first!.question, source: first!.source });
    await store.save({ id: second!.id, text: 'Second answer.', question: second!.question, source: second!.source });

    const exported = await cli(['export', '--data-dir', from, '--format', 'json']);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data).toMatchObject({ format: 'ponder-notes', version: 1, notes: [expect.any(Object), expect.any(Object)] });
    const file = path.join(root, 'notes.json');
    await writeFile(file, exported.stdout);

    const into = path.join(root, 'into');
    const imported = await cli(['import', '--data-dir', into, file]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ added: 2, updated: 0, unchanged: 0, problems: [] });
    const again = await cli(['import', file], { PONDER_DATA_DIR: into });
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, updated: 0, unchanged: 2, problems: [] });
    const strip = ({ revision: _revision, ...note }: { revision: string }) => note;
    expect((await new NotesStore(into).list()).notes.map(strip)).toEqual((await store.list()).notes.map(strip));
  });

  it('exports a Markdown journal grouped by topic to --out, with orphans apart', async () => {
    const library = await loadLibrary(SAMPLE);
    const story = library.stories[0]!;
    const dataDir = path.join(root, 'journal');
    const store = new NotesStore(dataDir);
    await store.save({ id: story.id, text: 'My reflection.', question: story.question, source: story.source });
    await store.save({ id: 'aaaaaaaaaaaaaaaa', text: 'Orphaned words.', question: 'Gone?', source: 'old.txt' });
    const out = path.join(root, 'journal.md');

    const { code, stdout } = await cli(['export', `--data-dir=${dataDir}`, '--format', 'markdown', '--library', SAMPLE, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const journal = await readFile(out, 'utf8');
    expect(journal).toMatch(/^# Ponder journal\n\nExported \d{4}-\d{2}-\d{2} · 2 notes · grouped by topic\n/);
    expect(journal).toContain(`## ${story.topics[0]}\n`);
    expect(journal).toContain(`\`${story.source}\``);
    expect(journal).toContain('My reflection.');
    expect(journal.indexOf('## Orphaned notes')).toBeLessThan(journal.indexOf('Orphaned words.'));

    const bySource = await cli(['export', '--data-dir', dataDir, '--format', 'markdown', '--group-by', 'source', '--library', SAMPLE]);
    expect(bySource.stdout).toContain(`## ${story.source}\n`);
  });

  it('says how to use export and import when asked wrongly', async () => {
    for (const args of [['export', '--format', 'pdf'], ['import']]) {
      const { code, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stderr).toContain('npm run cli -- export');
    }
    const missing = await cli(['import', '--data-dir', path.join(root, 'x'), path.join(root, 'no-such.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Ponder: cannot import notes from /);
  });
});
