// Child process: runs the BUILT main process (argv[2]/out/main/index.js) with
// the recording stand-in as `electron`, then answers the test's probes over
// the fork IPC channel. A child of its own, so patching Node's module loader
// and main's global state never leak into other tests.
//
//   node --require tsx/cjs main-process-host.ts APP_DIR [args for main…]

import Module from 'node:module';
import path from 'node:path';
import { createElectronStandIn, FakeEvent } from './electron-stand-in';
import type { FakeFrame, FakeWebContents } from './electron-stand-in';

export type Probe =
  | { kind: 'state' }
  | { kind: 'fetch'; url: string }
  | { kind: 'contents-event'; contents: 'main' | 'other'; event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'; url: string }
  | { kind: 'window-open'; contents: 'main' | 'other'; url: string }
  | { kind: 'permission'; permission: string }
  | { kind: 'invoke'; channel: string; request?: unknown; sender: 'main' | 'other'; frame: 'main' | 'sub'; url?: string }
  /** The window's close button: whether main held the close. */
  | { kind: 'close-window' }
  /** The window's page crashed (render-process-gone with this reason). */
  | { kind: 'page-gone'; reason: string }
  /** A right click in the window's page with Chromium's params: the menu main popped up (labels, roles, enabled), if any. */
  | { kind: 'context-menu'; params: Record<string, unknown> }
  /** Click the item with this label in the last menu main popped up: what it did to the page and the spellchecker. */
  | { kind: 'context-menu-click'; label: string };

export interface MainState {
  windows: Array<{ options: Record<string, unknown>; loaded: string[] }>;
  privilegedSchemes: unknown[];
  protocolSchemes: string[];
  ipcChannels: string[];
  permissionHandlers: { request: boolean; check: boolean };
  /** Events main listens to on the window's web contents, and whether a window-open handler is set. */
  contentsEvents: string[];
  windowOpenHandler: boolean;
  messageBoxes: Array<{ message: string; detail?: string; modal: boolean }>;
  /** Events main sent to the window's page. */
  sent: string[];
  /** Where the window's session would download spellcheck dictionaries from (null: Electron's default, Google's CDN). */
  dictionaryDownloadURL: string | null;
}

export type HostMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; result?: unknown; error?: string };

const [appDir, ...mainArgs] = process.argv.slice(2);
if (!appDir) throw new Error('usage: main-process-host.ts APP_DIR [args…]');

const standIn = createElectronStandIn({
  appPath: appDir,
  homePath: process.env['PONDER_STAND_IN_HOME'] ?? path.join(appDir, 'home'),
  isPackaged: process.env['PONDER_STAND_IN_PACKAGED'] === '1',
});

// `require('electron')` from the bundle gets the stand-in; everything else loads as usual.
const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const load = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'electron' ? standIn.electron : load.call(this, request, parent, isMain);
};

// As Electron starts a packaged app: argv[0] is the binary, then the user's arguments.
process.argv = [process.execPath, ...mainArgs];
(process as { resourcesPath?: string }).resourcesPath = path.join(appDir, 'resources');
const send = (message: HostMessage) => process.send?.(message);

// Loaded the CommonJS way, as Electron loads the bundle, so the loader hook above applies.
Module.createRequire(__filename)(path.join(appDir, 'out/main/index.js'));
setImmediate(() => standIn.emitReady());
void standIn.firstLoad.then(() => send({ type: 'ready' }));

let otherContents: FakeWebContents | null = null;
process.on('message', (message: { id: number; probe: Probe }) => {
  answer(message.probe).then(
    (result) => send({ type: 'answer', id: message.id, result }),
    (error: unknown) => send({ type: 'answer', id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});

function mainContents(): FakeWebContents {
  const window = standIn.windows[0];
  if (!window) throw new Error('main created no window');
  return window.webContents;
}

function contentsFor(which: 'main' | 'other'): FakeWebContents {
  if (which === 'main') return mainContents();
  otherContents ??= standIn.createWebContents();
  otherContents.mainFrame.url = 'app://ponder/index.html';
  return otherContents;
}

async function answer(probe: Probe): Promise<unknown> {
  switch (probe.kind) {
    case 'state':
      return state();
    case 'fetch': {
      const handler = standIn.protocolHandlers.get(new URL(probe.url).protocol.replace(/:$/, ''));
      if (!handler) throw new Error(`no protocol handler for ${probe.url}`);
      const response = await handler({ url: probe.url, method: 'GET' });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    }
    case 'contents-event': {
      const event = new FakeEvent(probe.url);
      const contents = contentsFor(probe.contents);
      if (probe.event === 'will-attach-webview') contents.emit(probe.event, event, { nodeIntegration: true }, { src: probe.url });
      else contents.emit(probe.event, event, probe.url);
      return { prevented: event.defaultPrevented, listeners: contents.listenerCount(probe.event) };
    }
    case 'window-open': {
      const handler = contentsFor(probe.contents).windowOpenHandler;
      if (!handler) throw new Error('no window-open handler');
      return handler({ url: probe.url, frameName: '', features: '', disposition: 'new-window' });
    }
    case 'permission': {
      const { request, check } = standIn.permissionHandlers;
      if (!request || !check) throw new Error('permission handlers missing');
      const contents = mainContents();
      const granted = await new Promise<boolean>((resolve) => request(contents, probe.permission, resolve, { requestingUrl: contents.getURL() }));
      return { request: granted, check: check(contents, probe.permission, 'app://ponder', {}) };
    }
    case 'invoke':
      return invoke(probe);
    case 'close-window': {
      const event = new FakeEvent();
      standIn.windows[0]?.emit('close', event);
      return { prevented: event.defaultPrevented };
    }
    case 'page-gone':
      mainContents().emit('render-process-gone', new FakeEvent(), { reason: probe.reason, exitCode: 1 });
      return null;
    case 'context-menu': {
      const before = standIn.popups.length;
      mainContents().emit('context-menu', new FakeEvent(), probe.params);
      const menu = standIn.popups.length > before ? standIn.popups.at(-1)! : null;
      return menu?.map(({ label, role, type, enabled }) => ({ label, role, type, enabled }));
    }
    case 'context-menu-click': {
      const item = standIn.popups.at(-1)?.find((entry) => entry['label'] === probe.label);
      if (typeof item?.['click'] !== 'function') throw new Error(`no menu item "${probe.label}" to click`);
      (item['click'] as () => void)();
      const contents = mainContents();
      return { replaced: contents.replacedMisspellings, added: contents.session.addedWords };
    }
  }
}

/** Calls main's IPC handler as Electron would for a message from the given frame. */
async function invoke(probe: Extract<Probe, { kind: 'invoke' }>): Promise<unknown> {
  const handler = standIn.ipcHandlers.get(probe.channel);
  if (!handler) throw new Error(`no IPC handler for ${probe.channel}`);
  const sender = contentsFor(probe.sender);
  const frame: FakeFrame = probe.frame === 'main' ? sender.mainFrame : { url: sender.mainFrame.url, parent: sender.mainFrame };
  const saved = frame.url;
  if (probe.url) frame.url = probe.url;
  try {
    return await handler({ sender, senderFrame: frame, processId: 1, frameId: 1 }, probe.request);
  } finally {
    frame.url = saved;
  }
}

function state(): MainState {
  const contents = mainContents();
  return {
    windows: standIn.windows.map((window) => ({ options: window.options, loaded: window.loaded })),
    privilegedSchemes: standIn.privilegedSchemes,
    protocolSchemes: [...standIn.protocolHandlers.keys()],
    ipcChannels: [...standIn.ipcHandlers.keys()],
    permissionHandlers: { request: Boolean(standIn.permissionHandlers.request), check: Boolean(standIn.permissionHandlers.check) },
    contentsEvents: contents.eventNames().map(String),
    windowOpenHandler: contents.windowOpenHandler !== null,
    messageBoxes: standIn.messageBoxes,
    sent: contents.sent.map((message) => message.channel),
    dictionaryDownloadURL: contents.session.dictionaryDownloadURL,
  };
}
