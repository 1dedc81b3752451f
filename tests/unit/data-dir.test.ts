import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, resolveDataDir, userArguments } from '../../electron/core/data/data-dir';
import { dataLayout, LOCATION_FILE, MOVED_ENTRIES } from '../../electron/core/data/layout';
import { test } from './helpers/temp-dir';

describe('parseCommandLine', () => {
  it.each([
    [[], {}],
    [['resources/sample'], { library: 'resources/sample' }],
    [['--data-dir', '/tmp/d'], { dataDir: '/tmp/d' }],
    [['--data-dir=/tmp/d', 'lib'], { library: 'lib', dataDir: '/tmp/d' }],
    [['lib', '--data-dir', '/tmp/d'], { library: 'lib', dataDir: '/tmp/d' }],
    [['--data-dir', 'with space/d', 'lib'], { library: 'lib', dataDir: 'with space/d' }],
    [['--data-dir=a', '--data-dir=b'], { dataDir: 'b' }],
    [['first', 'second'], { library: 'first' }],
    [
      ['--no-sandbox', '--inspect=9229', '--remote-debugging-port=9222', '--enable-logging', 'lib'],
      { library: 'lib' },
    ],
    [['-psn_0_12345', 'lib'], { library: 'lib' }],
    [['--data-dir'], {}],
    [['--data-dir='], {}],
    [['--data-dir', '--no-sandbox', 'lib'], { library: 'lib' }],
    [['--data-dir', '', 'lib'], { library: 'lib' }],
    [['--', '--weird-folder-name'], { library: '--weird-folder-name' }],
    [['', 'lib'], { library: 'lib' }],
    [['--data-directory=x', 'lib'], { library: 'lib' }],
  ])('%j → %j', (argv, expected) => {
    expect(parseCommandLine(argv)).toEqual(expected);
  });
});

describe('resolveDataDir', () => {
  const defaultDir = '/home/me/.config/Ponder';
  const cwd = '/work';

  it('prefers --data-dir, then PONDER_DATA_DIR, then the default', () => {
    const env = { PONDER_DATA_DIR: '/from/env' };
    expect(resolveDataDir({ argv: ['--data-dir', '/from/flag'], env, defaultDir, cwd })).toBe(path.resolve('/from/flag'));
    expect(resolveDataDir({ argv: ['lib'], env, defaultDir, cwd })).toBe(path.resolve('/from/env'));
    expect(resolveDataDir({ argv: ['lib'], env: {}, defaultDir, cwd })).toBe(path.resolve(defaultDir));
    expect(resolveDataDir({ argv: [], env: { PONDER_DATA_DIR: '' }, defaultDir, cwd })).toBe(path.resolve(defaultDir));
  });

  it('resolves relative folders against cwd, and ~ against the home folder', () => {
    expect(resolveDataDir({ argv: ['--data-dir=data'], env: {}, defaultDir, cwd })).toBe(path.resolve(cwd, 'data'));
    expect(resolveDataDir({ argv: [], env: { PONDER_DATA_DIR: '~/ponder' }, defaultDir, cwd })).toBe(
      path.join(os.homedir(), 'ponder'),
    );
    expect(resolveDataDir({ argv: ['--data-dir=~'], env: {}, defaultDir, cwd })).toBe(os.homedir());
    expect(path.isAbsolute(resolveDataDir({ argv: ['--data-dir=rel'], env: {}, defaultDir }))).toBe(true);
  });
});

describe('resolveDataDir with a moved data folder', () => {
  test('follows <default>/location.json, after --data-dir and PONDER_DATA_DIR', async ({ tmpDir }) => {
    const defaultDir = path.join(tmpDir, 'default');
    const moved = path.join(tmpDir, 'moved');
    await mkdir(defaultDir);
    await mkdir(moved);
    await writeFile(path.join(defaultDir, LOCATION_FILE), JSON.stringify({ dataDir: moved }));
    expect(resolveDataDir({ argv: [], env: {}, defaultDir })).toBe(moved);
    expect(resolveDataDir({ argv: ['--data-dir', '/flag'], env: {}, defaultDir })).toBe(path.resolve('/flag'));
    expect(resolveDataDir({ argv: [], env: { PONDER_DATA_DIR: '/env' }, defaultDir })).toBe(path.resolve('/env'));
  });

  test.for([
    ['a folder that is gone', (tmp: string) => JSON.stringify({ dataDir: path.join(tmp, 'unplugged') })],
    ['a relative path', () => JSON.stringify({ dataDir: 'moved' })],
    ['a file, not a folder', (tmp: string) => JSON.stringify({ dataDir: path.join(tmp, 'default', LOCATION_FILE) })],
    ['damaged JSON', () => '{"dataDir": '],
    ['no dataDir', () => '{"dir": "/"}'],
  ] as const)('ignores a pointer to %s', async ([, content], { tmpDir }) => {
    const defaultDir = path.join(tmpDir, 'default');
    await mkdir(path.join(tmpDir, 'moved'), { recursive: true });
    await mkdir(defaultDir);
    await writeFile(path.join(defaultDir, LOCATION_FILE), content(tmpDir));
    expect(resolveDataDir({ argv: [], env: {}, defaultDir, cwd: tmpDir })).toBe(defaultDir);
  });
});

describe('userArguments', () => {
  it('drops only the executable when packaged', () => {
    expect(userArguments(['/opt/Ponder/ponder', '/digests', '--data-dir', '/d'], false)).toEqual(['/digests', '--data-dir', '/d']);
  });

  it('drops the executable and the app path when run as `electron APP`', () => {
    expect(userArguments(['electron', '.', '/digests'], true)).toEqual(['/digests']);
  });

  it('skips launcher switches before the app path (Playwright _electron)', () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '/digests', '--data-dir', '/d'];
    expect(userArguments(argv, true)).toEqual(['/digests', '--data-dir', '/d']);
    expect(parseCommandLine(userArguments(argv, true))).toEqual({ library: '/digests', dataDir: '/d' });
  });
});

describe('dataLayout', () => {
  it('names the entries of a data folder as FORMATS.md does, absolute', () => {
    const root = path.resolve('relative/data');
    expect(dataLayout('relative/data')).toEqual({
      root,
      notes: path.join(root, 'notes'),
      history: path.join(root, 'history'),
      cache: path.join(root, 'cache'),
      state: path.join(root, 'state.json'),
    });
    expect(LOCATION_FILE).toBe('location.json');
    // A move copies what the user cannot get back; the cache is rebuilt.
    expect([...MOVED_ENTRIES].sort()).toEqual(['history', 'notes', 'state.json']);
  });
});
