// scripts/electronegativity.mjs must fail when the scanner finds something the
// allow-list does not explain (npm test runs it over the real tree as a check).

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { test } from './helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');

function scan(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/electronegativity.mjs'), ...args], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

test('fails on an unexplained finding and on an allow-list entry that matches nothing', async ({ tmpDir }) => {
  const source = path.join(tmpDir, 'electron');
  mkdirSync(source);
  writeFileSync(
    path.join(source, 'window.ts'),
    "import { BrowserWindow } from 'electron';\n" +
      'export const open = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
  );
  const html = path.join(tmpDir, 'index.html');
  writeFileSync(html, '<!doctype html><html><head><title>x</title></head><body></body></html>');
  const allowlist = path.join(tmpDir, 'allowlist.json');
  writeFileSync(allowlist, JSON.stringify([{ check: 'PRELOAD_JS_CHECK', reason: 'A reason long enough to pass the format check, for this test.' }]));

  const { code, output } = scan(['--source', source, '--html', html, '--allowlist', allowlist]);
  expect(code).toBe(1);
  expect(output).toMatch(/not allowed: CONTEXT_ISOLATION_JS_CHECK \(HIGH/);
  expect(output).toMatch(/not allowed: SANDBOX_JS_CHECK \(MEDIUM/);
  expect(output).toContain('allow-list entry PRELOAD_JS_CHECK matches no finding');
});

test('refuses an allow-list entry without a specific reason', async ({ tmpDir }) => {
  const allowlist = path.join(tmpDir, 'allowlist.json');
  writeFileSync(allowlist, JSON.stringify([{ check: 'PRELOAD_JS_CHECK', reason: 'safe' }]));
  const { code, output } = scan(['--allowlist', allowlist]);
  expect(code).toBe(1);
  expect(output).toContain('"reason" must say, specifically, why this is safe in Ponder');
});
