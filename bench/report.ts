// The benchmark's report: the figures each engine measured, and the tables
// `npm run bench -- --update-docs` writes into docs/performance.md.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliFigures } from './cli-path';

/** What one engine measured over one library. */
export interface EngineFigures {
  stories: number;
  parseMs: number;
  buildMs: number;
  peakRssMb: number;
  cacheBytes: number;
  cacheWriteMs: number;
  cacheLoadMs: number;
  firstStoriesMs: number;
  searchReadyColdMs: number;
  searchReadyWarmMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryMaxMs: number;
  slowestQuery: string;
  updateMs: number;
  longestStallMs: number;
  notes: string[];
  top: Record<string, string[]>;
}

interface Report {
  machine: Record<string, unknown>;
  results: Record<string, unknown>;
}

interface SizeResult {
  stories: number;
  files: number;
  top20Overlap: number;
  segmented: Omit<EngineFigures, 'top'>;
  plain: Omit<EngineFigures, 'top'>;
  cli?: CliFigures;
}

/** Rewrite the table between the bench markers of docs/performance.md. */
export async function updateDocs(root: string, report: Report): Promise<void> {
  const file = path.join(root, 'docs', 'performance.md');
  const text = await readFile(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`${file} has no ${start} … ${end} section`);
  const table = renderTable(report);
  await writeFile(file, text.slice(0, text.indexOf(start) + start.length) + `\n${table}\n` + text.slice(text.indexOf(end)));
}

function renderTable(report: Report): string {
  const m = report.machine;
  const lines = [
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; run ${m.date}, load average ${m.loadBefore} before and ${m.loadAfter} after.`,
    '',
  ];
  const rows: [string, string, (f: Omit<EngineFigures, 'top'>) => number][] = [
    ['first stories visible (parse)', 'ms', (f) => f.firstStoriesMs],
    ['index build, cold', 'ms', (f) => f.buildMs],
    ['search ready, cold', 'ms', (f) => f.searchReadyColdMs],
    ['search ready, warm (cache)', 'ms', (f) => f.searchReadyWarmMs],
    ['cache load', 'ms', (f) => f.cacheLoadMs],
    ['cache size', 'MB', (f) => f.cacheBytes / 2 ** 20],
    ['peak RSS of the indexing process', 'MB', (f) => f.peakRssMb],
    ['query p50', 'ms', (f) => f.queryP50Ms],
    ['query p95', 'ms', (f) => f.queryP95Ms],
    ['query max', 'ms', (f) => f.queryMaxMs],
    ['one file changed → searchable', 'ms', (f) => f.updateMs],
    ['longest main-thread stall', 'ms', (f) => f.longestStallMs],
  ];
  for (const [size, value] of Object.entries(report.results)) {
    const r = value as SizeResult;
    lines.push(`### ${size}: ${r.stories.toLocaleString('en')} stories in ${r.files.toLocaleString('en')} files`, '');
    lines.push('| | Ponder (segmented) | plain Lunr | ratio |', '|---|---:|---:|---:|');
    for (const [label, unit, get] of rows) {
      const a = get(r.segmented);
      const b = get(r.plain);
      lines.push(`| ${label} (${unit}) | ${fmt(a)} | ${fmt(b)} | ${b > 0 ? (a / b).toFixed(2) : '—'}× |`);
    }
    lines.push(`| top-20 overlap with plain Lunr | ${r.top20Overlap} | 1 | |`, '');
    if (r.cli) lines.push(...cliTable(r.cli));
  }
  return lines.join('\n');
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1);
}

/** `ponder search` from a shell: each call a new process, from spawn to exit. */
function cliTable(cli: CliFigures): string[] {
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  return [
    `\`ponder search\` (\`${cli.query}\`, median of ${cli.runs} runs; each call a new process, from start to exit):`,
    '',
    '| | Ponder (in-process engine, app\'s cache) | plain Lunr | ratio |',
    '|---|---:|---:|---:|',
    `| first call, cold (ms) | ${fmt(cli.coldMs)} | ${fmt(cli.plainColdMs)} | ${ratio(cli.coldMs, cli.plainColdMs)} |`,
    `| second call, same data folder (ms) | ${fmt(cli.warmMs)} | ${fmt(cli.plainColdMs)} | ${ratio(cli.warmMs, cli.plainColdMs)} |`,
    `| of which index build / cache load (ms) | ${fmt(cli.coldIndexMs)} / ${fmt(cli.warmIndexMs)} | | |`,
    `| second call answered from the cache | ${cli.warmFromCache ? 'yes' : 'no'} | — | |`,
    `| same hits as plain Lunr (ids, order, scores) | ${cli.sameHitsAsPlain ? 'yes' : 'no'} (${cli.hits}) | | |`,
    '',
  ];
}
