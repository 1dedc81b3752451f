// Ponder's main process: lifecycle, the window, the menu, and the IPC table.
// Everything with behaviour lives in ReaderSession and core; this file wires.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { parseCommandLine, resolveDataDir, userArguments } from '../core/data-dir';
import type { EventChannel, EventChannels, LibrarySnapshot } from '../shared/ipc-contract';
import { APP_ENTRY, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { bindIpc, originOf, senderCheck, sendEvent } from './ipc-bridge';
import { createIpcHandlers } from './ipc-handlers';
import { FlushGate } from './flush-gate';
import { createMainWindow, windowBounds } from './main-window';
import { buildMenu } from './menu';
import { ReaderSession } from './reader-session';
import { denyPermissions, hardenWebContents } from './security';

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const args = userArguments(process.argv, Boolean(process.defaultApp));
const commandLine = parseCommandLine(args);
const dataDir = resolveDataDir({ argv: args, env: process.env, defaultDir: app.getPath('userData') });
// Chromium's own profile follows the data folder, so a test's --data-dir is a whole fresh profile
// (and the single-instance lock is per data folder).
app.setPath('userData', dataDir);
const sampleLibrary = app.isPackaged
  ? path.join(process.resourcesPath, 'sample')
  : path.join(app.getAppPath(), 'resources', 'sample');

let mainWindow: BrowserWindow | null = null;
const flushGate = new FlushGate();
const emit = <C extends EventChannel>(channel: C, payload: EventChannels[C]) =>
  sendEvent(mainWindow?.webContents ?? null, channel, payload);
const session = new ReaderSession({ dataDir, emit });

registerAppScheme();
hardenWebContents();

if (!app.requestSingleInstanceLock({ commandLine })) {
  app.quit();
} else {
  app.on('second-instance', (_event, _argv, _cwd, additional) => {
    const folder = (additional as { commandLine?: { library?: string } } | undefined)?.commandLine?.library;
    if (folder) void openAndAnnounce(folder);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Ponder could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

app.on('window-all-closed', () => app.quit());

async function start(): Promise<void> {
  denyPermissions();
  serveRenderer(path.join(__dirname, '../renderer'));
  const handlers = createIpcHandlers(session, {
    appInfo: () => ({ version: app.getVersion(), dataDir, platform: process.platform }),
    pickFolder,
    flushed: () => flushGate.release(),
  });
  const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)] : [])];
  bindIpc(handlers, senderCheck(() => mainWindow?.webContents ?? null, trustedOrigins));
  Menu.setApplicationMenu(
    buildMenu({
      openFolder: () => void chooseAndOpen(),
      reloadLibrary: () => void session.reload().catch(reportOpenError),
      revealDataFolder: () => void shell.openPath(dataDir),
      command: (command) => emit('menu:command', command),
      isDev: !app.isPackaged,
    }),
  );

  await openInitialLibrary();
  const state = await session.state.load();
  mainWindow = createMainWindow({ preload: path.join(__dirname, '../preload/index.js'), bounds: state.window });
  holdCloseUntilFlushed(mainWindow);
  await mainWindow.loadURL(devServerUrl ?? APP_ENTRY);
}

/** The command-line folder, else the last library, else the bundled sample. */
async function openInitialLibrary(): Promise<void> {
  const state = await session.state.load();
  const candidates = [commandLine.library, state.lastLibrary, sampleLibrary].filter(
    (folder): folder is string => typeof folder === 'string' && existsSync(folder),
  );
  for (const folder of candidates) {
    try {
      await session.open(folder);
      return;
    } catch (error) {
      console.error(`Ponder: could not open ${folder}:`, error);
    }
  }
}

async function pickFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Open a digest folder', properties: ['openDirectory'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseAndOpen(): Promise<void> {
  const folder = await pickFolder();
  if (folder) await openAndAnnounce(folder);
}

async function openAndAnnounce(folder: string): Promise<LibrarySnapshot | null> {
  try {
    const snapshot = await session.open(folder);
    emit('library:changed', snapshot);
    return snapshot;
  } catch (error) {
    reportOpenError(error);
    return null;
  }
}

function reportOpenError(error: unknown): void {
  dialog.showErrorBox('Ponder could not open that folder', error instanceof Error ? error.message : String(error));
}

/** Closing waits (bounded) for the renderer to write pending notes, and remembers the window's bounds. */
function holdCloseUntilFlushed(window: BrowserWindow): void {
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    void flushGate
      .wait(() => emit('app:flush-request', undefined))
      .then(() => session.state.update({ window: windowBounds(window) }))
      .catch((error: unknown) => console.error('Ponder: could not save window state:', error))
      .finally(() => {
        flushed = true;
        window.close();
      });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
}
