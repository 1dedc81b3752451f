// The crash test (issue 3): a child process saves notes in a loop through the
// real NotesStore, and this test kills it with SIGKILL at random moments, a
// few hundred times. After each kill, every note file must parse and hold a
// whole text — the one last acknowledged, or the one that was in flight —
// never an empty, truncated or mixed one, and no acknowledged save may be
// missing. History files must parse too, and leftover temp files must never be
// taken for notes.
//
// The child is bundled with esbuild so each start is plain `node` (fast).
// Kill moments come from a seeded PRNG (PONDER_CRASH_SEED to replay a run);
// the loop stops at KILLS or when the time budget is spent, whichever is first
// (but not before MIN_KILLS, unless HARD_LIMIT_MS is reached).

import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect } from 'vitest';
import { parseNote } from '../../electron/core/notes/note-format';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { CRASH_IDS, crashSeq, crashText } from './helpers/crash-notes';
import { test } from './helpers/temp-dir';

const KILLS = 200;
const MIN_KILLS = 100;
/** Time after which the test stops once it has MIN_KILLS; on a busy machine it goes on to reach them, until HARD_LIMIT_MS. */
const BUDGET_MS = 30_000;
const HARD_LIMIT_MS = 50_000;
const LANES = Number(process.env['PONDER_CRASH_LANES'] ?? 4);
const SEED = Number(process.env['PONDER_CRASH_SEED'] ?? 20261124);
/** Pipes are synchronous on Linux, so there the last ACK read is exactly the last save finished. */
const EXACT_ACKS = process.platform === 'linux';

describe('crash safety', () => {
  test(`every acknowledged save survives SIGKILL (up to ${KILLS} kills, seed ${SEED})`, async ({ tmpDir }) => {
    const child = path.join(tmpDir, 'save-loop.cjs');
    buildSync({
      entryPoints: [path.join(__dirname, 'helpers', 'save-loop.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
    const started = Date.now();
    const budget: Budget = { kills: 0, more: () => shouldGoOn(budget.kills, Date.now() - started) };
    // Starting node is most of each round, so a few lanes (each its own data folder) run at once.
    const lanes = await Promise.all(
      Array.from({ length: LANES }, (_, lane) => killLoop(child, path.join(tmpDir, `data-${lane}`), SEED + lane, budget)),
    );
    const kills = budget.kills;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const leftovers = lanes.reduce((sum, lane) => sum + lane.leftovers, 0);
    console.info(`crash test: ${kills} kills in ${seconds} s (seed ${SEED}, ${LANES} lanes); ${leftovers} temp files left behind`);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
  }, HARD_LIMIT_MS + 30_000);
});

interface Budget {
  /** Kills made so far, by all lanes. */
  kills: number;
  more: () => boolean;
}

function shouldGoOn(kills: number, elapsed: number): boolean {
  if (kills >= KILLS || elapsed >= HARD_LIMIT_MS) return false;
  return elapsed < BUDGET_MS || kills < MIN_KILLS;
}

/**
 * Start the save loop in `dataDir`, kill it, check the notes; again, while
 * the budget says so. Returns how many kills it made.
 */
async function killLoop(child: string, dataDir: string, seed: number, budget: Budget) {
  const store = new NotesStore(dataDir);
  const random = mulberry32(seed);
  /** Per id: the highest sequence number acknowledged, and the one found on disk at the last check. */
  const acked = new Map<string, number>(CRASH_IDS.map((id) => [id, 0]));
  const onDisk = new Map<string, number>(CRASH_IDS.map((id) => [id, 0]));
  const checkedVersions = new Set<string>();
  let nextSeq = 1;
  let kills = 0;

  while (budget.more()) {
    budget.kills++;
    const delay = 5 + Math.floor(random() * 56);
    const run = await runAndKill(child, dataDir, nextSeq, delay);
    kills++;
    const ackedNow = new Map<string, number>();
    for (const [id, seq] of run.acks) ackedNow.set(id, seq);
    const inFlight = successor(run.acks.at(-1)!);
    const context = `${path.basename(dataDir)}, kill ${kills} (seed ${seed}, ${delay} ms after the first ACK, ${run.acks.length} acks)`;

    for (const id of CRASH_IDS) {
      const file = store.fileFor(id);
      const content = await readFile(file, 'utf8').catch(() => null);
      const last = Math.max(acked.get(id)!, ackedNow.get(id) ?? 0);
      acked.set(id, last);
      const seq = content === null ? 0 : checkWhole(content, file, id, context);
      expect(seq, `${context}: ${id} holds save ${seq}, older than the acknowledged ${last}`).toBeGreaterThanOrEqual(last);
      if (EXACT_ACKS) {
        // The text before this run (or the last one this run finished), or the one it was writing.
        const allowed = [ackedNow.get(id) ?? onDisk.get(id)!, ...(inFlight[0] === id ? [inFlight[1]] : [])];
        expect(allowed, `${context}: ${id} holds save ${seq}, neither the last one finished nor the one in flight`).toContain(seq);
      }
      onDisk.set(id, seq);
    }

    const { notes, unreadable } = await store.list();
    expect(unreadable, context).toEqual([]);
    expect(notes.map((note) => note.id).sort(), context).toEqual(CRASH_IDS.filter((id) => onDisk.get(id)! > 0).sort());
    for (const id of CRASH_IDS) {
      const dir = path.join(store.historyDir, id);
      for (const name of await readdir(dir).catch(() => [])) {
        const version = path.join(dir, name);
        if (name.startsWith('.') || checkedVersions.has(version)) continue;
        checkWhole(await readFile(version, 'utf8'), version, id, `${context}, history`);
        checkedVersions.add(version);
      }
    }
    nextSeq = Math.max(nextSeq, inFlight[1]) + 1;
  }
  const leftovers = (await readdir(store.notesDir).catch(() => [])).filter((name) => name.startsWith('.')).length;
  return { kills, leftovers };
}

/** The note in `content` is whole: it parses, and its text is exactly the one its number says. Returns the number. */
function checkWhole(content: string, file: string, id: string, context: string): number {
  const parsed = parseNote(content, file);
  if (!parsed.ok) throw new Error(`${context}: ${file} does not parse: ${parsed.reason}\n${content.slice(0, 300)}`);
  const seq = crashSeq(parsed.note.question);
  expect(seq, `${context}: ${file} has no sequence number`).toBeDefined();
  expect(parsed.note.id).toBe(id);
  if (parsed.note.text !== crashText(id, seq!)) {
    throw new Error(`${context}: ${file} is not the whole text of save ${seq} (${parsed.note.text.length} characters)`);
  }
  return seq!;
}

/** The save after `[id, seq]` in the child's order. */
function successor([id, seq]: readonly [string, number]): readonly [string, number] {
  const index = CRASH_IDS.indexOf(id);
  return index === CRASH_IDS.length - 1 ? [CRASH_IDS[0]!, seq + 1] : [CRASH_IDS[index + 1]!, seq];
}

/** Start the child, SIGKILL it `delay` ms after its first ACK, and return the ACKs it printed. */
function runAndKill(child: string, dataDir: string, firstSeq: number, delay: number): Promise<{ acks: [string, number][] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // A child that never acknowledges a save is a failure, not a hang.
    const watchdog = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (timer === undefined && stdout.includes('\n')) timer = setTimeout(() => proc.kill('SIGKILL'), delay);
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      if (signal !== 'SIGKILL' || timer === undefined) {
        reject(new Error(`the save loop ended on its own (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      // Only whole lines: the kill may cut the last one short.
      const lines = stdout.split('\n').slice(0, -1);
      resolve({
        acks: lines.map((line) => {
          const [word, id, seq] = line.split(' ');
          if (word !== 'ACK' || !id || !seq) throw new Error(`unexpected output from the save loop: ${line}`);
          return [id, Number(seq)];
        }),
      });
    });
  });
}

/** A small seeded PRNG (mulberry32): the same seed, the same kill moments. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
