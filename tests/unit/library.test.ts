import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, describe, expect } from 'vitest';
import { loadLibrary } from '../../electron/core/library/load-library';

const SAMPLE_DIR = fileURLToPath(new URL('../../resources/sample/', import.meta.url));
const SAMPLE_FILE = path.join(SAMPLE_DIR, '000_f4e10373848a0985.txt');
const MESSY = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));

const test = base.extend<{ tmpDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ponder-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

const story = (n: number): string => `A summary ${n} from Lisbon. More.\nA reflection ${n}.\nA question ${n}?\n`;

describe('loadLibrary: the sample', () => {
  test('loads 26 stories, no diagnostics, one source, topics on the stories', async () => {
    const library = await loadLibrary(SAMPLE_DIR);
    expect(library.folder).toBe(path.resolve(SAMPLE_DIR));
    expect(library.stories).toHaveLength(26);
    expect(library.diagnostics).toEqual([]);
    expect(library.sources).toEqual([{ path: '000_f4e10373848a0985.txt', storyCount: 26 }]);

    const first = library.stories[0]!;
    expect(first).toMatchObject({
      id: '43429438a2ff1b51',
      source: '000_f4e10373848a0985.txt',
      line: 1,
      title: "North Korea has deployed additional troops to Russia, with reports citing Seoul's spy…",
      snippet:
        'The deployment is part of an ongoing support for Russian forces fighting Ukrainian troops who crossed into western Russia. The move comes as Ukraine and…',
    });
    expect(first.topics).toContain('North Korea');
    expect(library.stories.map((s) => s.line)).toEqual(Array.from({ length: 26 }, (_, i) => 3 * i + 1));

    const ids = new Set(library.stories.map((s) => s.id));
    for (const topic of library.topics) {
      expect(topic.storyIds.every((id) => ids.has(id))).toBe(true);
      for (const id of topic.storyIds) expect(library.stories.find((s) => s.id === id)!.topics).toContain(topic.name);
    }
  });

  test('the same ids whether the file is LF, CRLF, CR or has a BOM', async ({ tmpDir }) => {
    const text = await readFile(SAMPLE_FILE, 'utf8');
    const lines = text.split('\n');
    await writeFile(path.join(tmpDir, 'lf.txt'), text);
    await mkdir(path.join(tmpDir, 'crlf'));
    await writeFile(path.join(tmpDir, 'crlf', 'a.txt'), lines.join('\r\n'));
    await mkdir(path.join(tmpDir, 'cr'));
    await writeFile(path.join(tmpDir, 'cr', 'a.txt'), lines.join('\r'));
    await mkdir(path.join(tmpDir, 'bom'));
    await writeFile(path.join(tmpDir, 'bom', 'a.txt'), `\uFEFF${lines.join('\r\n')}\r\n`);

    const expected = (await loadLibrary(SAMPLE_DIR)).stories.map((s) => s.id);
    for (const folder of ['crlf', 'cr', 'bom']) {
      const library = await loadLibrary(path.join(tmpDir, folder));
      expect(library.stories.map((s) => s.id), folder).toEqual(expected);
      expect(library.diagnostics, folder).toEqual([]);
    }
    // All four together: one copy of each story, the other three reported as duplicates.
    const all = await loadLibrary(tmpDir);
    expect(all.stories.map((s) => s.id)).toEqual(expected);
    expect(all.stories.every((s) => s.source === 'bom/a.txt')).toBe(true); // "bom" sorts first.
    expect(all.diagnostics).toHaveLength(3 * 26);
    expect(all.sources.map((s) => [s.path, s.storyCount])).toEqual([
      ['bom/a.txt', 26],
      ['cr/a.txt', 0],
      ['crlf/a.txt', 0],
      ['lf.txt', 0],
    ]);
  });
});

describe('loadLibrary: the messy fixture library', () => {
  test('loads every intact story and explains everything else', async () => {
    const library = await loadLibrary(MESSY);
    expect(library.stories).toHaveLength(26);
    expect(library.sources).toEqual([
      { path: '1.txt', storyCount: 3 },
      { path: '2-missing-line.txt', storyCount: 2 },
      { path: '3-crlf-bom.txt', storyCount: 2 },
      { path: '4-blank-lines.txt', storyCount: 3 },
      { path: '5-leftover.txt', storyCount: 3 },
      { path: '6-latin1.txt', storyCount: 0 },
      { path: '7-binary.txt', storyCount: 0 },
      { path: '8-empty.txt', storyCount: 0 },
      { path: '9-international.txt', storyCount: 3 },
      { path: '10-html.txt', storyCount: 1 },
      { path: '11-duplicate.txt', storyCount: 1 },
      { path: '12-cr-only.txt', storyCount: 1 },
      { path: '13-utf16.txt', storyCount: 1 },
      { path: '14-extra-line.txt', storyCount: 2 },
      { path: '15-long-line.txt', storyCount: 1 },
      { path: 'sub/2.txt', storyCount: 1 },
      { path: 'sub/10.txt', storyCount: 1 },
      { path: 'UPPER.TXT', storyCount: 1 },
    ]);
    expect(library.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      '2-missing-line.txt:4',
      '5-leftover.txt:7',
      '6-latin1.txt:0',
      '7-binary.txt:0',
      '8-empty.txt:0',
      '11-duplicate.txt:1',
      '14-extra-line.txt:1',
    ]);
    const reasons = library.diagnostics.map((d) => d.reason);
    expect(reasons[2]).toMatch(/not UTF-8/);
    expect(reasons[3]).toMatch(/looks like a binary file/);
    expect(reasons[4]).toMatch(/empty/);
    expect(reasons[5]).toBe('Same story as 1.txt:1; shown once.');
  });

  test('hidden files and folders are never loaded', async () => {
    const library = await loadLibrary(MESSY);
    expect(library.stories.some((s) => s.summary.includes('HIDDEN'))).toBe(false);
    expect(library.sources.some((s) => s.path.includes('.hidden'))).toBe(false);
  });

  test('story text that looks like HTML or script is kept verbatim', async () => {
    const library = await loadLibrary(MESSY);
    const html = library.stories.find((s) => s.source === '10-html.txt')!;
    expect(html.summary).toContain('<script>alert("pwned")</script>');
    expect(html.summary).toContain('&amp;');
    expect(html.reflection).toContain('<img src=x onerror="alert(1)">');
    expect(html.title).toContain('<script>');
  });

  test('non-English text, CRLF+BOM, CR-only, UTF-16 and a very long line all load', async () => {
    const library = await loadLibrary(MESSY);
    const bySource = (source: string) => library.stories.filter((s) => s.source === source);
    expect(bySource('9-international.txt').map((s) => s.question)).toEqual([
      'Can a trade deal protect the Amazon better than a treaty on forests?',
      'Кто в итоге платит за торговые войны?',
      'この路線は東京の住宅価格にどのような影響を与えるだろうか？',
    ]);
    expect(bySource('3-crlf-bom.txt')[0]!.summary.startsWith('Porto hosted')).toBe(true);
    expect(bySource('3-crlf-bom.txt')[1]!.question).toBe('Who should pay for making infrastructure ready for a harsher climate?');
    expect(bySource('12-cr-only.txt')).toHaveLength(1);
    expect(bySource('13-utf16.txt')[0]!.summary.startsWith('Valencia’s port')).toBe(true);
    const long = bySource('15-long-line.txt')[0]!;
    expect(long.summary.length).toBeGreaterThan(20_000);
    expect(long.title).toBe('An unusually long report on Portugal');
  });

  test('a missing line mid-file loses only that story', async () => {
    const library = await loadLibrary(MESSY);
    const lines = library.stories.filter((s) => s.source === '2-missing-line.txt').map((s) => s.line);
    expect(lines).toEqual([1, 6]);
  });

  test('derives topics a reader would recognise', async () => {
    const library = await loadLibrary(MESSY);
    const names = library.topics.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['European Union', 'Portugal', 'Lisbon', 'Bank of England', 'Christine Lagarde', 'Andrew Bailey']));
    expect(names).not.toContain('Lagarde');
  });
});

describe('loadLibrary: files and folders', () => {
  test('reads many files in natural order whatever order the reads finish in', async ({ tmpDir }) => {
    for (let i = 1; i <= 120; i++) await writeFile(path.join(tmpDir, `${i}.txt`), story(i));
    const library = await loadLibrary(tmpDir);
    expect(library.sources.map((s) => s.path)).toEqual(Array.from({ length: 120 }, (_, i) => `${i + 1}.txt`));
    expect(library.stories.map((s) => s.summary)).toEqual(Array.from({ length: 120 }, (_, i) => `A summary ${i + 1} from Lisbon. More.`));
    expect(library.stories[0]!.topics).toEqual(['Lisbon']);
  });

  test('each story carries the headline its list row shows: title and snippet', async ({ tmpDir }) => {
    await writeFile(path.join(tmpDir, 'a.txt'), 'Dr. Ana  Silva won in Lisbon. Turnout\twas high.\nA reflection.\nA question?\nOne sentence only.\nR.\nQ?\n');
    const library = await loadLibrary(tmpDir, { topics: false });
    expect(library.stories.map(({ title, snippet }) => ({ title, snippet }))).toEqual([
      { title: 'Dr. Ana Silva won in Lisbon', snippet: 'Turnout was high.' },
      { title: 'One sentence only', snippet: '' },
    ]);
  });

  test('a duplicate within one file is shown once and reported at its line', async ({ tmpDir }) => {
    await writeFile(path.join(tmpDir, 'a.txt'), story(1) + story(2) + story(1));
    const library = await loadLibrary(tmpDir);
    expect(library.stories.map((s) => s.line)).toEqual([1, 4]);
    expect(library.diagnostics).toEqual([{ file: 'a.txt', line: 7, reason: 'Same story as a.txt:1; shown once.' }]);
    expect(library.sources).toEqual([{ path: 'a.txt', storyCount: 2 }]);
  });

  test('a link leading outside the library is not read', async ({ tmpDir }) => {
    const library = path.join(tmpDir, 'library');
    await mkdir(library);
    await writeFile(path.join(tmpDir, 'secret.txt'), story(99));
    await writeFile(path.join(library, '1.txt'), story(1));
    await symlink(path.join(tmpDir, 'secret.txt'), path.join(library, 'secret.txt'));
    const loaded = await loadLibrary(library);
    expect(loaded.stories.map((s) => s.summary)).toEqual(['A summary 1 from Lisbon. More.']);
    expect(loaded.diagnostics.map((d) => d.file)).toEqual(['secret.txt']);
    expect(loaded.sources.map((s) => s.path)).toEqual(['1.txt']);
  });

  test('a symbolic-link loop does not hang', async ({ tmpDir }) => {
    await writeFile(path.join(tmpDir, '1.txt'), story(1));
    await mkdir(path.join(tmpDir, 'a'));
    await symlink(tmpDir, path.join(tmpDir, 'a', 'up'));
    await symlink(path.join(tmpDir, 'a'), path.join(tmpDir, 'a', 'self'));
    const library = await loadLibrary(tmpDir);
    expect(library.stories).toHaveLength(1);
  });

  test('an empty folder is an empty library', async ({ tmpDir }) => {
    expect(await loadLibrary(tmpDir)).toEqual({ folder: tmpDir, stories: [], topics: [], sources: [], diagnostics: [], files: new Map() });
  });

  test('a missing folder throws a message the user can act on', async ({ tmpDir }) => {
    const missing = path.join(tmpDir, 'gone');
    await expect(loadLibrary(missing)).rejects.toThrow(`Ponder: cannot open library folder "${missing}": it does not exist.`);
  });

  test('a copy of the messy library loads the same (fixtures are plain files)', async ({ tmpDir }) => {
    await cp(MESSY, tmpDir, { recursive: true });
    const [copy, original] = await Promise.all([loadLibrary(tmpDir), loadLibrary(MESSY)]);
    expect(copy.stories.map((s) => s.id)).toEqual(original.stories.map((s) => s.id));
    expect(copy.diagnostics).toEqual(original.diagnostics);
  });
});

describe('loadLibrary: reloading', () => {
  const story = (n: number) => `Summary ${n} about Kyiv.\nReflection ${n}.\nQuestion ${n}?`;

  test('re-reads only files whose size or mtime changed', async ({ tmpDir }) => {
    const a = path.join(tmpDir, 'a.txt');
    const b = path.join(tmpDir, 'b.txt');
    await writeFile(a, story(1));
    await writeFile(b, story(2));
    const whole = new Date('2026-01-02T03:04:05Z'); // whole seconds survive utimes exactly
    await utimes(a, whole, whole);
    const first = await loadLibrary(tmpDir);
    expect(first.stories.map((s) => s.summary)).toEqual(['Summary 1 about Kyiv.', 'Summary 2 about Kyiv.']);

    // Same size, same mtime: reused without reading (the new text is not seen).
    await writeFile(a, story(7));
    await utimes(a, whole, whole);
    // Changed size: read again.
    await writeFile(b, `${story(3)}\n\n${story(4)}`);
    const second = await loadLibrary(tmpDir, { reuse: first.files });
    expect(second.stories.map((s) => s.summary)).toEqual([
      'Summary 1 about Kyiv.',
      'Summary 3 about Kyiv.',
      'Summary 4 about Kyiv.',
    ]);
    expect(second.files.get('a.txt')).toBe(first.files.get('a.txt'));

    // A removed file leaves the library.
    await rm(b);
    const third = await loadLibrary(tmpDir, { reuse: second.files });
    expect(third.sources.map((s) => s.path)).toEqual(['a.txt']);
  });
});
