// Privacy on disk (issue 9, item 7): on POSIX, every file Ponder writes is
// 0600 and every folder it makes 0700, whatever the umask. The writes run in
// a child process, since the umask is process-wide (and workers cannot set it).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { test } from './helpers/temp-dir';

const WRITER = path.join(__dirname, 'helpers', 'privacy-writer.ts');

describe.skipIf(process.platform === 'win32')('files and folders Ponder makes are private', () => {
  test.for(['000', '022', '077'])('with umask %s: files 0600, folders 0700', (umask, { tmpDir }) => {
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', WRITER, umask, tmpDir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const modes = JSON.parse(run.stdout) as Record<string, string>;
    const expected = [
      'data', 'data/notes', 'data/notes/3f1c0a9be2d47a15.md', 'data/history', 'data/history/3f1c0a9be2d47a15',
      'data/state.json', 'exports', 'exports/journal.md', 'moved', 'moved/notes', 'moved/history', 'moved/state.json',
      'default/location.json', 'watched', 'watched/notes',
    ];
    for (const entry of expected) expect(modes, entry).toHaveProperty([entry.split('/').join(path.sep)]);
    for (const [entry, mode] of Object.entries(modes)) {
      const isFile = /\.(md|json)$/.test(entry);
      expect(mode, entry).toBe(isFile ? '600' : '700');
    }
  });
});
