// Ponder's main process: lifecycle, the window, the menu, and the IPC table.
// Everything with behaviour lives in ReaderSession and core; this file wires.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { moveDataFolder } from '../core/data/data-folder-move';
import { parseCommandLine, resolveDataDir, userArguments } from '../core/data/data-dir';
import { messageOf } from '../core/fs/errors';
import type { EventChannel, EventChannels, LibrarySnapshot, NotesMoveState, RecoveryReport } from '../shared/ipc-contract';
import { APP_ENTRY, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { bindIpc, originOf, senderCheck, sendEvent } from './ipc-bridge';
import { createIpcHandlers } from '../services/ipc-handlers';
import type { IpcHandlerTable } from '../services/ipc-handlers';
import { FlushGate } from '../services/flush-gate';
import { closeDecision, moveRefusal } from '../services/close-decision';
import type { CloseDecision } from '../services/close-decision';
import { SaveJournal } from '../services/save-journal';
import { holdWrites } from '../services/write-guard';
import { reopenCrashedPages } from './renderer-recovery';
import { openExternalLink } from './external-links';
import { createMainWindow, windowBounds } from './main-window';
import { buildMenu } from './menu';
import type { MenuActions } from './menu';
import { ReaderSession } from '../services/reader-session';
import { denyPermissions, hardenWebContents } from './security';
import { refuseDebugSwitchesWhenPackaged } from './debug-switches';

refuseDebugSwitchesWhenPackaged();

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const args = userArguments(process.argv, Boolean(process.defaultApp));
const commandLine = parseCommandLine(args);
const defaultDataDir = app.getPath('userData');
const dataDir = resolveDataDir({ argv: args, env: process.env, defaultDir: defaultDataDir });
// Chromium's own profile follows the data folder, so a test's --data-dir is a whole fresh profile
// (and the single-instance lock is per data folder).
app.setPath('userData', dataDir);
const sampleLibrary = app.isPackaged
  ? path.join(process.resourcesPath, 'sample')
  : path.join(app.getAppPath(), 'resources', 'sample');

let mainWindow: BrowserWindow | null = null;
const flushGate = new FlushGate();
/** Main's own record of which notes are saved: asked before closing and moving, whatever the page says. */
const journal = new SaveJournal();
/** While the notes folder moves (and after, until the restart) nothing is written to it. */
let moveState: NotesMoveState = 'idle';
/** What to tell a page reopened after a crash; handed over once. */
let recovery: RecoveryReport | null = null;
/** The window passed its close checks and is going away. */
let closingForGood = false;
const emit = <C extends EventChannel>(channel: C, payload: EventChannels[C]) =>
  sendEvent(mainWindow?.webContents ?? null, channel, payload);
const session = new ReaderSession({ dataDir, emit, indexWorker: { script: indexWorkerScript() } });

registerAppScheme();
hardenWebContents();

if (!app.requestSingleInstanceLock({ commandLine })) {
  app.quit();
} else {
  app.on('second-instance', (_event, _argv, cwd, additional) => {
    // `ponder FOLDER` while Ponder runs: open FOLDER here (relative to where it was typed).
    const folder = (additional as { commandLine?: { library?: string } } | undefined)?.commandLine?.library;
    if (folder) void openAndAnnounce(path.resolve(cwd, folder));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Ponder could not start', messageOf(error));
    app.exit(1);
  });
}

app.on('window-all-closed', () => app.quit());

/**
 * The index worker runs from outside the asar archive (electron-builder's asarUnpack): worker
 * threads load their script, and its `lunr`, with plain Node file access.
 */
function indexWorkerScript(): string {
  return path.join(__dirname, 'index-worker.js').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

async function start(): Promise<void> {
  denyPermissions();
  serveRenderer(path.join(__dirname, '../renderer'));
  session.notes.watch();
  const handlers = createIpcHandlers(session, {
    appInfo: () => ({ version: app.getVersion(), dataDir, platform: process.platform }),
    pickFolder,
    flushed: (report) => flushGate.release(report),
    pickExportFile,
    pickImportSource: () => pickImportSource('json'),
    revealDataFolder: async () => {
      await shell.openPath(dataDir);
    },
    recovery: () => {
      const report = recovery;
      recovery = null;
      return report;
    },
    openExternal: (url) => openExternalLink(url, shell),
  });
  const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)] : [])];
  bindIpc(journal.record(holdWrites(handlers, () => moveState !== 'idle')), senderCheck(() => mainWindow?.webContents ?? null, trustedOrigins));
  const menuActions = {
    openFolder: () => void chooseAndOpen(),
    reloadLibrary: () => void session.reload().catch(reportOpenError),
    revealDataFolder: () => void shell.openPath(dataDir),
    exportNotes: (format) => void exportNotes(handlers, format),
    importNotes: (kind) => void importNotesFrom(kind),
    moveDataFolder: () => void moveDataFolderAndRestart(),
    command: (command) => emit('menu:command', command),
    isDev: !app.isPackaged,
    openRecent: (folder) => void openRecent(folder),
    clearRecents: () => void session.recents.clear().catch(reportOpenError),
  } satisfies Omit<MenuActions, 'recents'>;
  // File ▸ Open Recent is rebuilt whenever the list changes (or one of its folders went missing).
  const installMenu = async () => Menu.setApplicationMenu(buildMenu({ ...menuActions, recents: await session.recents.list() }));
  session.recents.onChange(() => void installMenu().catch((error: unknown) => console.error('Ponder: could not update the menu:', error)));
  await installMenu();

  await openInitialLibrary();
  const state = await session.state.load();
  mainWindow = createMainWindow({ preload: path.join(__dirname, '../preload/index.js'), bounds: state.window });
  holdCloseUntilFlushed(mainWindow);
  watchForCrashes(mainWindow);
  await mainWindow.loadURL(devServerUrl ?? APP_ENTRY);
}

/** A crashed or hung page is reopened onto the same story, and told when its note was last saved. */
function watchForCrashes(window: BrowserWindow): void {
  reopenCrashedPages(window, {
    reload: () => void window.loadURL(devServerUrl ?? APP_ENTRY).catch(reportCrashLoop),
    crashed: (details) => {
      console.error(`Ponder: the window's page stopped (${details.reason}); reopening it.`);
      recovery = journal.report();
    },
    givingUp: () => reportCrashLoop(),
    closing: () => closingForGood || window.isDestroyed(),
  });
}

function reportCrashLoop(): void {
  dialog.showErrorBox(
    "Ponder's window keeps stopping",
    'Ponder reopened it several times in a row. Your saved notes are safe on disk; quit Ponder and start it again.',
  );
}

/** The command-line folder, else the last library, else the bundled sample. */
async function openInitialLibrary(): Promise<void> {
  const state = await session.state.load();
  // A last library that moved or vanished is not replaced by the sample: the window offers Locate… for it.
  const lastMissing = state.lastLibrary !== null && !existsSync(state.lastLibrary);
  const candidates = [commandLine.library, state.lastLibrary, lastMissing ? null : sampleLibrary].filter(
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

/** File ▸ Open Recent: the page writes its pending notes first, as for any library change it asks for. */
async function openRecent(folder: string): Promise<void> {
  await flushGate.wait(() => emit('app:flush-request', undefined));
  await openAndAnnounce(folder);
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
  dialog.showErrorBox('Ponder could not open that folder', messageOf(error));
}

/**
 * Closing waits (bounded) for the renderer to write pending notes and asks before
 * discarding any it could not write; it also remembers the window's bounds.
 */
function holdCloseUntilFlushed(window: BrowserWindow): void {
  let closing = false;
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    void (async () => {
      const outcome = await flushGate.wait(() => emit('app:flush-request', undefined));
      const decision = closeDecision(outcome, journal.unsaved());
      if (decision.kind === 'ask' && !(await confirmDiscard(window, decision))) {
        return; // the user keeps Ponder open; their text is still in the editor
      }
      await session.state.update({ window: windowBounds(window) }).catch((error: unknown) => {
        console.error('Ponder: could not save window state:', error);
      });
      await session.close();
      closing = true;
      closingForGood = true;
      window.close();
    })();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
}

async function confirmDiscard(window: BrowserWindow, { message, detail }: Extract<CloseDecision, { kind: 'ask' }>): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Keep Ponder Open', 'Quit Without Saving'],
    defaultId: 0,
    cancelId: 0,
    message,
    detail,
  });
  return response === 1;
}

async function pickExportFile(format: 'markdown' | 'json'): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export notes',
    defaultPath: path.join(app.getPath('documents'), format === 'json' ? 'ponder-notes.json' : 'ponder-journal.md'),
    filters: format === 'json' ? [{ name: 'JSON', extensions: ['json'] }] : [{ name: 'Markdown', extensions: ['md'] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function pickImportSource(kind: 'json' | 'folder'): Promise<string | null> {
  const options: Electron.OpenDialogOptions =
    kind === 'json'
      ? { title: 'Import notes from a Ponder export', properties: ['openFile'], filters: [{ name: 'JSON', extensions: ['json'] }] }
      : { title: 'Import a folder of note files', properties: ['openDirectory'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** File ▸ Export Notes: the same handler the renderer can call, so the logic lives once. */
async function exportNotes(handlers: IpcHandlerTable, format: 'markdown' | 'json'): Promise<void> {
  const result = await handlers['notes:export']({ format });
  if (!result.ok) dialog.showErrorBox('Ponder could not export the notes', result.error);
  else if (result.value) shell.showItemInFolder(result.value.file);
}

async function importNotesFrom(kind: 'json' | 'folder'): Promise<void> {
  try {
    const from = await pickImportSource(kind);
    if (!from) return;
    const report = await session.importNotes(from);
    const problems = report.problems.length > 0 ? `\n\nNot imported:\n${report.problems.join('\n')}` : '';
    await dialog.showMessageBox({
      type: report.problems.length > 0 ? 'warning' : 'info',
      message: `Imported notes: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`,
      detail: `Where both had a note, the newer text is current and the other is kept in its history.${problems}`,
    });
  } catch (error) {
    dialog.showErrorBox('Ponder could not import the notes', messageOf(error));
  }
}

/**
 * Copy the data folder elsewhere, verify it, point Ponder at it and restart. The old folder is
 * kept. The editor is read-only from the first step (a save after the copy would land in the old
 * folder); every note must be on disk before the copy; the restart goes through the window's
 * own close, so nothing skips its checks.
 */
async function moveDataFolderAndRestart(): Promise<void> {
  const window = mainWindow;
  if (!window || moveState !== 'idle') return;
  const picked = await dialog.showOpenDialog(window, { title: 'Move notes to…', properties: ['openDirectory', 'createDirectory'] });
  const parent = picked.canceled ? null : picked.filePaths[0];
  if (!parent) return;
  const target = path.join(parent, 'Ponder');
  setMoveState('moving');
  try {
    const refusal = moveRefusal(await flushGate.wait(() => emit('app:flush-request', undefined)), journal.unsaved());
    if (refusal) throw new Error(refusal);
    await moveDataFolder(dataDir, target, defaultDataDir);
  } catch (error) {
    setMoveState('idle');
    await dialog.showMessageBox(window, { type: 'error', message: 'Ponder could not move the notes folder', detail: messageOf(error) });
    return;
  }
  setMoveState('moved');
  await dialog.showMessageBox(window, {
    type: 'info',
    message: `Your notes are now in ${target}.`,
    detail: `Ponder will restart to use it. The old folder ${dataDir} was left as it was; delete it yourself once you are sure.`,
  });
  app.relaunch();
  window.close();
}

function setMoveState(state: NotesMoveState): void {
  moveState = state;
  emit('notes:moving', state);
}
