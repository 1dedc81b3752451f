// `npm audit` against the registry's advisory database:
//  - fails on a high or critical advisory in a runtime dependency (`--omit=dev`: what ships);
//  - fails on one in Electron too — a devDependency, but electron-builder ships its binary as
//    the app's runtime, so its advisories are Ponder's.
// Exit 0: clean. Exit 1: advisories (or the audit was required and could not run).
// Exit 2: the advisory service could not be reached, so nothing is known.
//
// When the service cannot be reached it says so loudly either way. Whether that fails is a
// choice: with PONDER_AUDIT_REQUIRED=1 (set by .ci/run) it fails — CI has just installed from
// the same registry, so an audit that did not run is an outage to look at, and a security gate
// that passes when it cannot see is worse than a red build. Without it (a developer's `npm test`,
// possibly offline) it exits 2, which scripts/test-all.mjs counts as skipped, not passed.

import { spawnSync } from 'node:child_process';

const required = process.env['PONDER_AUDIT_REQUIRED'] === '1';
const SERIOUS = new Set(['high', 'critical']);

/** The parsed report, or the reason there is none. */
function audit(args) {
  const { stdout, error } = spawnSync('npm', ['audit', '--json', ...args], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (error) return { unreachable: error.message };
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { unreachable: `npm audit printed no report: ${stdout.slice(0, 200)}` };
  }
  // npm's own failures come back as { error } (or { message, statusCode } from the registry).
  if (report.error || report.statusCode || !report.vulnerabilities) {
    return { unreachable: report.message ?? report.error?.summary ?? report.error?.code ?? 'no advisories in the answer' };
  }
  return { report };
}

function serious(report, only) {
  return Object.values(report.vulnerabilities)
    .filter((v) => SERIOUS.has(v.severity) && (!only || v.name === only))
    .map((v) => {
      const titles = v.via.filter((via) => typeof via === 'object').map((via) => `${via.title} (${via.url})`);
      return `${v.name} ${v.range}: ${v.severity}${titles.length ? ` — ${titles.join('; ')}` : ` via ${v.via.join(', ')}`}${v.fixAvailable ? ' (fix available: npm audit fix)' : ''}`;
    });
}

const runtime = audit(['--omit=dev']);
const everything = runtime.unreachable ? runtime : audit([]);
const unreachable = runtime.unreachable ?? everything.unreachable;
if (unreachable) {
  console.error(`⚠ npm audit could not reach the registry's advisory service: ${unreachable}`);
  console.error(required
    ? '✖ Ponder: the audit is required here (PONDER_AUDIT_REQUIRED=1). Check the registry (npm config get registry) and run again.'
    : '⚠ Ponder: dependencies were NOT audited. Run `node scripts/npm-audit.mjs` again when online.');
  process.exit(required ? 1 : 2);
}

const findings = [...serious(runtime.report), ...serious(everything.report, 'electron')];
const counts = runtime.report.metadata.vulnerabilities;
console.log(`npm audit: runtime dependencies ${JSON.stringify(counts)}; Electron ${findings.some((f) => f.startsWith('electron ')) ? 'has advisories' : 'clean'}.`);
for (const finding of findings) console.error(`✖ ${finding}`);
if (findings.length > 0) {
  console.error('Ponder: update the packages above (npm audit fix, or a newer Electron) before release.');
  process.exit(1);
}
