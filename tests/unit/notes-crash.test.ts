// The crash test (issues 3 and 8): a child process (helpers/save-loop.ts)
// recovers its data folder as the app does at start-up, then saves notes in a
// loop through the real NotesStore — plain saves, conditional saves and
// conflicts, each keeping the text it replaces in history — and this test
// kills it with SIGKILL at random moments, at least KILLS times. After each
// kill:
//   - every note file (or, when the kill fell between moving it aside and
//     linking the new one, its aside) parses and holds a whole text: the last
//     one saved, or the one in flight — never an empty, truncated or mixed one;
//   - every acknowledged save is on disk: the current note or a version;
//   - every version parses (a text recovered from a write cut short is a
//     prefix of the text being written).
// The child announces each file-system call before making it, so the test
// tallies where in the write each kill landed, and prints the figures.
//
// The child is bundled with esbuild so each start is plain `node` (fast).
// Kill moments come from a seeded PRNG (PONDER_CRASH_SEED to replay a run).

import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect } from 'vitest';
import { mulberry32 } from '../../bench/generate';
import { parseNote } from '../../electron/core/notes/note-format';
import { NotesStore } from '../../electron/core/notes/notes-store';
import { CRASH_IDS, crashSeq, crashText } from './helpers/crash-notes';
import { test } from './helpers/temp-dir';

const KILLS = Number(process.env['PONDER_CRASH_KILLS'] ?? 1000);
/** A run that cannot reach KILLS in this time fails, rather than hang the suite. */
const HARD_LIMIT_MS = 240_000;
const LANES = Number(process.env['PONDER_CRASH_LANES'] ?? 6);
const SEED = Number(process.env['PONDER_CRASH_SEED'] ?? 20261124);
/** Pipes are synchronous on Linux, so there the last line read is exactly the last step begun. */
const EXACT = process.platform === 'linux';

describe('crash safety', () => {
  test(`every acknowledged save survives SIGKILL (${KILLS} kills, seed ${SEED})`, async ({ tmpDir }) => {
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
    const shared: Shared = { kills: 0, steps: new Map(), acks: 0, conflicts: 0, recovered: 0 };
    const more = () => shared.kills < KILLS && Date.now() - started < HARD_LIMIT_MS;
    await Promise.all(Array.from({ length: LANES }, (_, lane) => killLoop(child, path.join(tmpDir, `data-${lane}`), SEED + lane, shared, more)));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tally = [...shared.steps].sort((a, b) => b[1] - a[1]).map(([step, count]) => `${step} ${count}`).join(', ');
    console.info(
      `crash test: ${shared.kills} kills in ${seconds} s (seed ${SEED}, ${LANES} lanes); ${shared.acks} saves acknowledged ` +
        `(${shared.conflicts} conflicts), every one found after each kill; ${shared.recovered} versions recovered from ` +
        `writes cut short\ncrash test: where the kills landed: ${tally}`,
    );
    expect(shared.kills).toBeGreaterThanOrEqual(KILLS);
  }, HARD_LIMIT_MS + 30_000);
});

interface Shared {
  kills: number;
  /** Kills by the step the child had begun (`after-ack`: between a save's acknowledgement and the next step). */
  steps: Map<string, number>;
  acks: number;
  conflicts: number;
  recovered: number;
}

/** Start the save loop in `dataDir`, kill it, check the folder; again, while `more()`. */
async function killLoop(child: string, dataDir: string, seed: number, shared: Shared, more: () => boolean): Promise<void> {
  const store = new NotesStore(dataDir);
  const random = mulberry32(seed); // seeded: the same seed, the same kill moments
  /** Every acknowledged save, as `id:seq`, and per id the sequence number on disk at the last check. */
  const acked = new Set<string>();
  const onDisk = new Map<string, number>(CRASH_IDS.map((id) => [id, 0]));
  /** Texts found in history so far, as `id:seq` (versions are never removed: their texts are all different). */
  const inHistory = new Set<string>();
  const readVersions = new Set<string>();
  let nextSeq = 1;
  let kills = 0;

  while (more()) {
    shared.kills++;
    kills++;
    // Kills are counted in the child's steps, not in milliseconds, so a busy machine moves them
    // no more than a few steps: most fall among the saves, one in eight in the start-up recovery.
    const during = random() < 0.125 ? 'recovery' : 'saves';
    const steps = 1 + Math.floor(random() * (during === 'saves' ? 40 : 6));
    const run = await runAndKill(child, dataDir, nextSeq, during, steps);
    const last = run.lines.at(-1) ?? 'S start';
    const step = last.startsWith('ACK') ? 'after-ack' : last === 'READY' ? 'ready' : `${run.lines.includes('READY') ? '' : 'recovery '}${last.slice(2)}`;
    shared.steps.set(step, (shared.steps.get(step) ?? 0) + 1);
    const acks = run.lines.filter((line) => line.startsWith('ACK ')).map((line) => line.split(' ') as [string, string, string, string]);
    shared.acks += acks.length;
    shared.conflicts += acks.filter((ack) => ack[3] === 'conflict').length;
    const lastSaved = new Map<string, number>();
    for (const [, id, seq, status] of acks) {
      acked.add(`${id}:${seq}`);
      if (status === 'saved') lastSaved.set(id, Number(seq));
    }
    const lastAck = acks.at(-1);
    const inFlight = lastAck ? successor([lastAck[1], Number(lastAck[2])]) : ([CRASH_IDS[0]!, nextSeq] as const);
    const context = `${path.basename(dataDir)}, kill ${kills} (seed ${seed}, ${steps} steps into the ${during}, ${acks.length} acks, at ${step})`;

    const current = new Set<string>();
    const names = await readdir(store.notesDir).catch(() => [] as string[]);
    for (const id of CRASH_IDS) {
      // Killed between moving the note aside and linking the new one: the aside is the note (start-up puts it back).
      const aside = names.find((name) => name.startsWith(`.${id}.md.`) && name.endsWith('.aside'));
      const file = names.includes(`${id}.md`) || !aside ? store.fileFor(id) : path.join(store.notesDir, aside);
      const content = await readFile(file, 'utf8').catch(() => null);
      const seq = content === null ? 0 : checkWhole(content, file, id, context);
      if (EXACT) {
        // The text before this run (or the last one this run saved), or the one it was writing.
        const allowed = [lastSaved.get(id) ?? onDisk.get(id)!, ...(inFlight[0] === id ? [inFlight[1]] : [])];
        expect(allowed, `${context}: ${id} holds save ${seq}, neither the last one saved nor the one in flight`).toContain(seq);
      }
      onDisk.set(id, seq);
      if (seq > 0) current.add(`${id}:${seq}`);
    }
    for (const id of CRASH_IDS) {
      const dir = path.join(store.historyDir, id);
      for (const name of await readdir(dir).catch(() => [])) {
        const version = path.join(dir, name);
        // Hidden files are writes cut short: the child's next start recovers them.
        if (name.startsWith('.') || readVersions.has(version)) continue;
        const seq = checkVersion(await readFile(version, 'utf8'), version, id, context);
        if (seq === 'recovered') shared.recovered++;
        else inHistory.add(`${id}:${seq}`);
        readVersions.add(version);
      }
    }
    const missing = [...acked].filter((save) => !current.has(save) && !inHistory.has(save));
    expect(missing, `${context}: acknowledged saves found neither as a note nor as a version`).toEqual([]);
    const { unreadable } = await store.list();
    expect(unreadable, context).toEqual([]);
    nextSeq = Math.max(nextSeq, inFlight[1]) + 1;
  }
  // What the last kill left is recovered, as at the next start, and nothing is left over.
  await store.recover();
  const hidden = (await readdir(store.notesDir).catch(() => [])).filter((name) => name.startsWith('.'));
  expect(hidden).toEqual([]);
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

/** A version is whole, or the start of a text whose write was cut short (recovered at start-up). */
function checkVersion(content: string, file: string, id: string, context: string): number | 'recovered' {
  const parsed = parseNote(content, file);
  if (!parsed.ok) throw new Error(`${context}: ${file} does not parse: ${parsed.reason}`);
  const seq = crashSeq(parsed.note.question);
  if (seq !== undefined && parsed.note.text === crashText(id, seq)) return seq;
  const whole = seq === undefined ? undefined : crashText(id, seq);
  const prefix = whole?.startsWith(parsed.note.text) || /^BEGIN [0-9a-f]{16} \d+\n/.test(parsed.note.text);
  expect(prefix, `${context}: ${file} holds neither a whole text nor the start of one`).toBe(true);
  return 'recovered';
}

/** The save after `[id, seq]` in the child's order. */
function successor([id, seq]: readonly [string, number]): readonly [string, number] {
  const index = CRASH_IDS.indexOf(id);
  return index === CRASH_IDS.length - 1 ? [CRASH_IDS[0]!, seq + 1] : [CRASH_IDS[index + 1]!, seq];
}

/**
 * Start the child, SIGKILL it once it has announced `steps` file-system steps
 * of its recovery, or of its saves (after READY), and return the whole lines
 * it printed (it may have gone a few steps further by then).
 */
function runAndKill(
  child: string,
  dataDir: string,
  firstSeq: number,
  during: 'recovery' | 'saves',
  steps: number,
): Promise<{ lines: string[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let counted = 0;
    let ready = during === 'recovery';
    // A child that never gets going is a failure, not a hang.
    const watchdog = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const whole = stdout.length - (stdout.length - stdout.lastIndexOf('\n') - 1);
      stdout += chunk;
      const complete = stdout.slice(whole, stdout.lastIndexOf('\n'));
      for (const line of complete.split('\n')) {
        if (line === 'READY') ready = true;
        else if (ready && line.startsWith('S ')) counted++;
      }
      // A recovery with fewer steps than asked for still ends in a kill, among the saves.
      if (!killed && (counted >= steps || (during === 'recovery' && ready && stdout.includes('ACK ')))) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (signal !== 'SIGKILL' || !killed) {
        reject(new Error(`the save loop ended on its own (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      // Only whole lines: the kill may cut the last one short.
      resolve({ lines: stdout.split('\n').slice(0, -1) });
    });
  });
}
