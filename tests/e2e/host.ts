// The e2e test host: `launchReader` opens Ponder on a library with a fresh data
// folder and returns the page. Two targets, same specs:
//   - chromium (default): the built renderer served on 127.0.0.1 in Debian's
//     Chromium; `window.ponder` is the preload's own factory over a Playwright
//     binding, backed by the real main-process handler table (ReaderSession,
//     core, real files). Only the IPC transport differs from the app.
//   - electron (PONDER_E2E_TARGET=electron): the real app via Playwright's
//     _electron, on a machine that has the Electron binary.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { _electron, chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import type { EventChannel, EventChannels, InvokeChannel } from '../../electron/shared/ipc-contract';
import { createIpcHandlers } from '../../electron/services/ipc-handlers';
import { FlushGate } from '../../electron/services/flush-gate';
import { SaveJournal } from '../../electron/services/save-journal';
import type { RecoveryReport } from '../../electron/shared/ipc-contract';
import { ReaderSession } from '../../electron/services/reader-session';
import { openExternalLink } from '../../electron/main/external-links';
import { serveFolder } from './static-server';

const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE_LIBRARY = path.join(ROOT, 'resources/sample');
const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const CHROMIUM = process.env['PONDER_CHROMIUM'] ?? '/usr/bin/chromium';
// Flags that let Debian's Chromium run as root in CI with no network at all.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Target = 'chromium' | 'electron';
export const target: Target = process.env['PONDER_E2E_TARGET'] === 'electron' ? 'electron' : 'chromium';

export interface LaunchOptions {
  /** Library folder to open; null starts with no library. */
  library: string | null;
  /** Data folder for notes and state; a fresh temp folder when omitted (and removed on close). */
  dataDir?: string;
  /** What File ▸ Open Folder… answers (chromium target only). */
  pickFolder?: () => Promise<string | null>;
  /** Where an export is written / what an import reads (chromium target only). */
  pickExportFile?: (format: 'markdown' | 'json') => Promise<string | null>;
  pickImportSource?: () => Promise<string | null>;
  /** Called with the page before it loads the app (chromium; electron: on the first window), to watch from the first request. */
  beforeLoad?: (page: Page) => Promise<void> | void;
}

export interface Reader {
  page: Page;
  dataDir: string;
  /** Uncaught errors thrown in the page. */
  pageErrors: Error[];
  /** Shell actions the page asked for, e.g. 'reveal-data-folder', 'open-external https://…' (chromium target only). */
  shellCalls: string[];
  /** Close like the window's close button: pending notes are flushed first. */
  close: () => Promise<void>;
  /**
   * Answer the next Open Folder… (or Locate…), export or import dialog with `path` (null: the
   * reader cancels); after that the launch option answers again (chromium target only).
   */
  pickNextFolder: (path: string | null) => void;
  pickNextExportFile: (path: string | null) => void;
  pickNextImportSource: (path: string | null) => void;
  /**
   * What main does when the page crashes: load the app again, with main's record of what was
   * saved for the new page to ask for (chromium target only; the crash itself is main's
   * `render-process-gone`, tested in tests/unit/main-recovery.test.ts).
   */
  reopenAfterCrash: () => Promise<void>;
}

export async function launchReader(options: LaunchOptions): Promise<Reader> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ponder-e2e-')));
  const reader = target === 'electron' ? await launchElectron(options, dataDir) : await launchChromium(options, dataDir);
  return {
    ...reader,
    dataDir,
    close: async () => {
      await reader.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function launchChromium(options: LaunchOptions, dataDir: string): Promise<Omit<Reader, 'dataDir'>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Ponder e2e: no Chromium at ${CHROMIUM}. Install Debian's (apt-get install chromium) or set PONDER_CHROMIUM.`);
  }
  const server = await serveFolder(RENDERER_DIR);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  const emit = <C extends EventChannel>(channel: C, payload: EventChannels[C]) => {
    page.evaluate(([c, p]) => window.__ponderEmit(c, p), [channel, payload] as const).catch(() => {
      // The page is navigating or closed: like webContents.send to a reloading page, the event is dropped.
    });
  };
  const session = new ReaderSession({ dataDir, emit, indexWorker: { script: path.join(ROOT, 'out/main/index-worker.js') } });
  session.notes.watch();
  const flushGate = new FlushGate();
  const journal = new SaveJournal();
  let recovery: RecoveryReport | null = null;
  const shellCalls: string[] = [];
  const next = scriptedPickers();
  const handlers = createIpcHandlers(session, {
    appInfo: () => ({ version: 'e2e', dataDir, platform: process.platform }),
    pickFolder: next.folder.answer(options.pickFolder),
    flushed: (report) => flushGate.release(report),
    pickExportFile: next.exportFile.answer(options.pickExportFile),
    pickImportSource: next.importSource.answer(options.pickImportSource),
    revealDataFolder: async () => {
      shellCalls.push('reveal-data-folder');
    },
    recovery: () => {
      const report = recovery;
      recovery = null;
      return report;
    },
    // main's own opener, over a shell that records instead of starting a browser
    openExternal: (url) => openExternalLink(url, { openExternal: async (opened) => void shellCalls.push(`open-external ${opened}`) }),
  });
  const table = journal.record(handlers);
  if (options.library !== null) await session.open(options.library);

  await page.exposeBinding('__ponderInvoke', async (source, channel: InvokeChannel, request: unknown) => {
    // The host's sender check: only the page's own top frame may call.
    if (source.frame !== page.mainFrame() || !Object.hasOwn(table, channel)) {
      return JSON.stringify({ ok: false, error: 'Ponder: refused a request from an untrusted page.' });
    }
    // Answered as one JSON string: Playwright serialises a large object value by value (a
    // 100k-story snapshot took 30 s), a string in one piece. The bridge parses it.
    return JSON.stringify(await table[channel](request));
  });
  await page.addInitScript({ content: bridgeScript() });
  await options.beforeLoad?.(page);
  await page.goto(server.url);

  return {
    page,
    pageErrors,
    shellCalls,
    pickNextFolder: next.folder.push,
    pickNextExportFile: next.exportFile.push,
    pickNextImportSource: next.importSource.push,
    reopenAfterCrash: async () => {
      recovery = journal.report();
      await page.reload();
    },
    close: async () => {
      if (!page.isClosed()) await flushGate.wait(() => emit('app:flush-request', undefined));
      await session.close();
      await browser.close();
      await server.close();
    },
  };
}

async function launchElectron(options: LaunchOptions, dataDir: string): Promise<Omit<Reader, 'dataDir'>> {
  const args = [path.join(ROOT, 'out/main/index.js'), ...(options.library ? [options.library] : []), '--data-dir', dataDir];
  const app = await _electron.launch({ args, cwd: ROOT });
  const page = await app.firstWindow();
  await options.beforeLoad?.(page);
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const reopenAfterCrash = () => Promise.reject(new Error('Ponder e2e: reopenAfterCrash runs on the chromium target only.'));
  const nativeDialog = () => {
    throw new Error("Ponder e2e: the real app's dialogs are native; scripted answers run on the chromium target only.");
  };
  return {
    page,
    pageErrors,
    shellCalls: [],
    close: () => app.close(),
    reopenAfterCrash,
    pickNextFolder: nativeDialog,
    pickNextExportFile: nativeDialog,
    pickNextImportSource: nativeDialog,
  };
}

/** A dialog's answers, scripted by the spec one at a time, before the launch option's fallback. */
function scriptedPicker() {
  const queue: Array<string | null> = [];
  return {
    push: (answer: string | null) => void queue.push(answer),
    answer:
      <A extends unknown[]>(fallback?: (...args: A) => Promise<string | null>) =>
      async (...args: A): Promise<string | null> =>
        queue.length > 0 ? queue.shift()! : ((await fallback?.(...args)) ?? null),
  };
}

function scriptedPickers() {
  return { folder: scriptedPicker(), exportFile: scriptedPicker(), importSource: scriptedPicker() };
}

let cachedBridge: string | undefined;

/** The browser bridge bundled to one classic script (built once per test worker). */
function bridgeScript(): string {
  cachedBridge ??= buildSync({
    entryPoints: [path.join(__dirname, 'browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return cachedBridge;
}
