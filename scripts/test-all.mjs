// `npm test`: typecheck, lint, build, security scans (Electronegativity, npm audit), unit tests
// and end-to-end tests, in that order, then one closing line with the totals: "N passed, N failed".
// Every step runs even when an earlier one fails, so one run shows everything.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(`${results}/unit-results.json`, { force: true });
rmSync(`${results}/e2e-results.json`, { force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return status === 0;
}

/** A step with no test counts of its own (typecheck, lint, build) counts as one check. */
function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    console.error(`✖ ${label} failed`);
  }
}

/** Count tests from a runner's JSON report; a missing report means the runner itself failed. */
function countReport(label, file, ok, tally) {
  if (!existsSync(file)) {
    failed++;
    console.error(`✖ ${label}: no report at ${file}`);
    return;
  }
  const counts = tally(JSON.parse(readFileSync(file, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (!ok && counts.failed === 0) {
    failed++; // the runner failed outside any test (e.g. a suite that could not load)
    console.error(`✖ ${label} failed outside its tests`);
  }
}

const npx = 'npx';
check('typecheck', npx, ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (renderer)', npx, ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('typecheck (e2e)', npx, ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']);
check('lint', npx, ['eslint', '.', '--max-warnings', '0']);
check('build', 'npm', ['run', 'build']); // the app (electron-vite) and the CLI (out/cli)
check('electronegativity', 'node', ['scripts/electronegativity.mjs']); // needs the built renderer page

// npm audit needs the registry's advisory service: exit 2 means it could not be reached (counted
// as skipped, with a warning); .ci/run sets PONDER_AUDIT_REQUIRED=1 so that CI fails instead.
{
  console.log('\n▶ npm audit: node scripts/npm-audit.mjs');
  const { status } = spawnSync('node', ['scripts/npm-audit.mjs'], { stdio: 'inherit' });
  if (status === 0) passed++;
  else if (status === 2) skipped++;
  else {
    failed++;
    console.error('✖ npm audit failed');
  }
}

const unitOk = run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit-results.json`]);
countReport('unit tests', `${results}/unit-results.json`, unitOk, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + report.numTodoTests,
}));

const e2eOk = run('end-to-end tests', npx, ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']);
countReport('end-to-end tests', `${results}/e2e-results.json`, e2eOk, (report) => ({
  passed: report.stats.expected,
  failed: report.stats.unexpected + report.stats.flaky,
  skipped: report.stats.skipped,
}));

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
