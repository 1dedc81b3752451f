// `ponder-cli related` and `ponder-cli search --scope`: the built CLI on the sample and on
// notes saved in a temp data folder — related stories with what they share, and notes
// found by their own text, each with its highlighted passage.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';
import { NotesStore } from '../../electron/core/notes/notes-store';
import type { Story } from '../../electron/core/types';
import { test } from './helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources/sample');
const CLI = path.join(ROOT, 'out/cli/index.js');
const run = promisify(execFile);

let stories: Story[];
beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
  stories = (await loadLibrary(SAMPLE)).stories;
}, 60_000);

async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, PONDER_DATA_DIR: '' } });
  return JSON.parse(stdout);
}

interface Printed {
  id: string;
  title: string;
  note?: { text: string; ranges: [number, number][] };
  highlights?: unknown;
}

describe('ponder-cli related', () => {
  test('prints the five related stories of a North Korea story, with the topics and words they share', async ({ tmpDir }) => {
    const kursk = stories.find((story) => /North Korea has deployed additional troops/.test(story.summary))!;
    const related = (await cli('related', SAMPLE, kursk.id, '--data-dir', tmpDir)) as { id: string; title: string; topics: string[]; terms: string[] }[];
    expect(related).toHaveLength(5);
    expect(related.map((story) => story.id)).not.toContain(kursk.id);
    expect(related[0]!.topics).toContain('North Korea');
    for (const story of related) expect(story.topics.length + story.terms.length).toBeGreaterThan(0);
  });

  test('an unknown story id is an error that says how to find ids', async ({ tmpDir }) => {
    await expect(cli('related', SAMPLE, '0123456789abcdef', '--data-dir', tmpDir)).rejects.toMatchObject({ stderr: expect.stringContaining('Ponder: no story 0123456789abcdef') });
  });
});

describe('ponder-cli search --scope', () => {
  test('notes are found by their own text, with the passage marked; all merges them with the stories', async ({ tmpDir }) => {
    const [first, second] = stories;
    const store = new NotesStore(tmpDir);
    await store.save({ id: first!.id, text: 'My thoughts: the zeppelin image stayed with me all day.', question: first!.question, source: first!.source });
    await store.save({ id: second!.id, text: 'Nothing about airships here.', question: second!.question, source: second!.source });
    await store.flush();

    const notes = (await cli('search', SAMPLE, 'zeppelin', '--scope', 'notes', '--data-dir', tmpDir)) as Printed[];
    expect(notes.map((hit) => hit.id)).toEqual([first!.id]);
    const passage = notes[0]!.note!;
    expect(passage.ranges.map(([from, to]) => passage.text.slice(from, to))).toEqual(['zeppelin']);

    // Not a word of any story: stories scope finds nothing, all finds the note.
    expect(await cli('search', SAMPLE, 'zeppelin', '--scope', 'stories', '--data-dir', tmpDir)).toEqual([]);
    expect(((await cli('search', SAMPLE, 'zeppelin', '--scope', 'all', '--data-dir', tmpDir)) as Printed[]).map((hit) => hit.id)).toEqual([first!.id]);

    // A word of both: the story hit carries its note's passage in "all".
    const both = (await cli('search', SAMPLE, 'thoughts OR kursk', '--scope', 'all', '--data-dir', tmpDir)) as Printed[];
    expect(both.find((hit) => hit.id === first!.id)?.note?.text).toContain('My thoughts');
    expect(both.some((hit) => hit.highlights !== undefined)).toBe(true);

    await expect(cli('search', SAMPLE, 'x', '--scope', 'everything', '--data-dir', tmpDir)).rejects.toMatchObject({ stderr: expect.stringContaining('--scope is stories, notes or all') });
  });
});
