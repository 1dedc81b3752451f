// Electronegativity (Doyensec's Electron scanner) over Ponder's Electron code
// (electron/), the BUILT renderer page (out/renderer/index.html) and
// package.json, in one scan so its global checks (CSP, navigation limits,
// permission handler) see the whole app. Fails on any finding of medium or high
// severity that tests/security/electronegativity-allowlist.json does not name
// with a reason, on an allow-list entry nothing matches any more (it would
// silently cover a future regression), and on a file it could not parse (an
// unscanned file is not a clean one). Offline: see `offline()` below.
//
//   node scripts/electronegativity.mjs [--source DIR] [--html FILE] [--allowlist FILE]

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    source: { type: 'string', default: path.join(ROOT, 'electron') },
    html: { type: 'string', default: path.join(ROOT, 'out/renderer/index.html') },
    allowlist: { type: 'string', default: path.join(ROOT, 'tests/security/electronegativity-allowlist.json') },
  },
});
const require = createRequire(import.meta.url);

/**
 * Electronegativity asks an S3 bucket for translations and GitHub for Electron's release list on
 * every run. The scan must not depend on the network (CI may be offline; Ponder is offline by
 * design) and must give the same answer every time, so its HTTP client answers "offline": the
 * bundled English strings are used. Electron's own advisories are checked by `npm audit`
 * (scripts/npm-audit.mjs) instead of the release-list check, which is skipped.
 */
function offline() {
  const scanner = require.resolve('@doyensec/electronegativity');
  const got = createRequire(scanner).resolve('got');
  const refuse = () => Promise.reject(new Error('offline: Ponder scans without the network'));
  refuse.head = refuse;
  require.cache[got] = { id: got, filename: got, loaded: true, exports: refuse };
}

function readAllowlist(file) {
  const entries = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  if (!Array.isArray(entries)) problems.push('the allow-list must be a JSON array');
  const seen = new Set();
  for (const [i, entry] of (Array.isArray(entries) ? entries : []).entries()) {
    if (typeof entry?.check !== 'string' || !/^[A-Z0-9_]+$/.test(entry.check)) problems.push(`entry ${i}: "check" must be a check id such as PRELOAD_JS_CHECK`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 40) problems.push(`entry ${i} (${entry?.check}): "reason" must say, specifically, why this is safe in Ponder`);
    if (seen.has(entry?.check)) problems.push(`entry ${i}: ${entry.check} is listed twice`);
    seen.add(entry?.check);
  }
  return { checks: seen, problems };
}

async function main() {
  for (const [what, file] of [['Electron sources', options.source], ['built renderer page', options.html]]) {
    if (!existsSync(file)) {
      console.error(`Ponder: the ${what} (${file}) are missing. Run \`npx electron-vite build\` first.`);
      return 1;
    }
  }
  const allowlist = readAllowlist(options.allowlist);
  const version = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;

  // One folder holding exactly what is scanned (the scanner takes a single input).
  const stage = mkdtempSync(path.join(os.tmpdir(), 'ponder-electronegativity-'));
  try {
    cpSync(options.source, path.join(stage, 'electron'), { recursive: true });
    cpSync(options.html, path.join(stage, 'renderer', 'index.html'));
    cpSync(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));

    offline();
    const run = require('@doyensec/electronegativity');
    const log = console.log;
    console.log = () => undefined; // its progress chatter; findings are printed below
    let result;
    try {
      result = await run({
        input: stage,
        electronVersionOverride: version,
        isRelative: true,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] // its class name: the scanner's own spelling,
      });
    } finally {
      console.log = log;
    }
    return report(result, allowlist, version);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function report({ issues, errors, atomicChecks, globalChecks }, allowlist, version) {
  const failures = [...allowlist.problems];
  for (const error of errors.filter((e) => !e.tolerable)) failures.push(`could not parse ${error.file}: ${error.message}`);

  const serious = issues.filter((issue) => issue.severity.value >= 2); // MEDIUM (2) and HIGH (3)
  const found = new Set(serious.map((issue) => issue.id));
  for (const issue of serious) {
    const where = `${issue.file}${issue.location?.line ? `:${issue.location.line}` : ''}`;
    const line = `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where} — ${issue.description}`;
    if (allowlist.checks.has(issue.id)) console.log(`  allowed  ${line}`);
    else failures.push(`not allowed: ${line}`);
  }
  for (const check of allowlist.checks) {
    if (!found.has(check)) failures.push(`allow-list entry ${check} matches no finding: remove it`);
  }

  console.log(`Electronegativity: ${atomicChecks} atomic and ${globalChecks} global checks, Electron ${version}, ` +
    `${serious.length} medium/high findings, ${issues.length - serious.length} low/informational.`);
  for (const failure of failures) console.error(`✖ ${failure}`);
  if (failures.length > 0) {
    console.error('Ponder: fix the findings above, or add them to tests/security/electronegativity-allowlist.json with a specific reason.');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
