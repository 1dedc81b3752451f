// Starts the built main process under the electron stand-in in a child process
// (main-process-host.ts) and lets a test probe it. Each launch gets a temp copy
// of out/ — so a test can plant symlinks beside the renderer without touching
// the shared build — with node_modules and resources linked in.

import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostMessage, MainState, Probe } from './main-process-host';

const ROOT = path.resolve(__dirname, '../../..');
const HOST = path.join(__dirname, 'main-process-host.ts');

/** Written outside the renderer folder; no response from app:// may ever contain it. */
export const SECRET = 'ponder-secret-outside-the-renderer';

export interface LaunchOptions {
  packaged?: boolean;
  /** Arguments after the binary, as a user would type them. */
  args?: string[];
}

export interface MainProcess {
  /** Resolves once main has loaded its window; rejects if it exits first. */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; output: string }>;
  probe(probe: Probe): Promise<unknown>;
  state(): Promise<MainState>;
  /** The temp root: app/ (the copy of out/), outside/ (the secret), data/. */
  root: string;
  close(): Promise<void>;
}

export function launchMain(options: LaunchOptions = {}): MainProcess {
  if (!existsSync(path.join(ROOT, 'out/main/index.js'))) {
    throw new Error('Ponder: out/main/index.js is missing. Run `npx electron-vite build` first (npm test does).');
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'ponder-main-'));
  const app = path.join(root, 'app');
  for (const part of ['main', 'preload', 'renderer']) cpSync(path.join(ROOT, 'out', part), path.join(app, 'out', part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'junction');
  symlinkSync(path.join(ROOT, 'resources'), path.join(app, 'resources'), 'junction');
  cpSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  mkdirSync(path.join(root, 'outside'));
  writeFileSync(path.join(root, 'outside', 'secret.txt'), SECRET);
  symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(app, 'out/renderer/leak.txt'));
  symlinkSync(path.join(root, 'outside'), path.join(app, 'out/renderer/linked'), 'junction');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_DATA_DIR: path.join(root, 'data'),
    PONDER_STAND_IN_HOME: path.join(root, 'home'),
    PONDER_STAND_IN_PACKAGED: options.packaged ? '1' : '0',
  };
  delete env['ELECTRON_RENDERER_URL'];
  const child: ChildProcess = fork(HOST, [app, ...(options.args ?? [])], {
    cwd: ROOT,
    env,
    execArgv: ['--require', 'tsx/cjs'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let readySeen = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: HostMessage) => {
      if (message.type === 'ready') {
        readySeen = true;
        resolve();
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    void exited.then(({ code }) => {
      if (!readySeen) reject(new Error(`main exited with ${code} before loading its window:\n${output}`));
      for (const waiter of pending.values()) waiter.reject(new Error(`main exited with ${code}:\n${output}`));
    });
  });
  ready.catch(() => undefined); // a test that expects the exit awaits `exited` instead

  let nextId = 1;
  const probe = (message: Probe) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, probe: message });
    });

  return {
    ready,
    exited,
    probe,
    state: () => probe({ kind: 'state' }) as Promise<MainState>,
    root,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
