// A recording stand-in for the `electron` module, so the BUILT main process
// (out/main/index.js) runs under plain Node on a machine without Electron's
// binary. It keeps what main hands to Electron — window options, event
// handlers, the protocol handler, IPC handlers, permission handlers — so a
// test can call them as Chromium would. It does nothing a test would have to
// trust: file:// fetches read the real disk (following symlinks, as Chromium
// does), dialogs are cancelled, and nothing is opened outside.
// Anything main uses that is not modelled here is a no-op that is recorded.

import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StandInOptions {
  /** `app.getAppPath()`: the folder holding package.json and out/. */
  appPath: string;
  /** `app.getPath(...)` for every name: a fresh temp folder. */
  homePath: string;
  isPackaged: boolean;
}

/** What Electron's own events pass as `event`: enough to see whether a handler refused. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => unknown;

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame = { url: 'about:blank', parent: null };
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Words the context menu replaced a misspelling with. */
  readonly replacedMisspellings: string[] = [];
  /** The session's spellcheck settings, as main left them. */
  readonly session = {
    dictionaryDownloadURL: null as string | null,
    addedWords: [] as string[],
    setSpellCheckerDictionaryDownloadURL: (url: string) => void (this.session.dictionaryDownloadURL = url),
    addWordToSpellCheckerDictionary: (word: string) => this.session.addedWords.push(word) > 0,
  };

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  replaceMisspelling(word: string): void {
    this.replacedMisspellings.push(word);
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** Records every call under its dotted name and returns undefined; properties are more stubs. */
function stub(name: string, calls: string[]): unknown {
  const target = (() => undefined) as unknown as object;
  return new Proxy(target, {
    apply: () => {
      calls.push(name);
      return undefined;
    },
    get: (_target, property) => (property === 'then' || typeof property === 'symbol' ? undefined : stub(`${name}.${property}`, calls)),
  });
}

/** `object`, with any member it lacks answered by a recording stub. */
function withStubs<T extends object>(name: string, object: T, calls: string[]): T {
  return new Proxy(object, {
    get: (target, property, receiver) =>
      property in target || typeof property === 'symbol' || property === 'then'
        ? Reflect.get(target, property, receiver)
        : stub(`${name}.${property}`, calls),
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export function createElectronStandIn(options: StandInOptions) {
  const calls: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, request: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  const permissionHandlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    check?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  } = {};
  const errorBoxes: Array<{ title: string; content: string }> = [];
  /** Message boxes main showed (answered with their first button), and whether each was modal to a window. */
  const messageBoxes: Array<{ message: string; detail?: string; modal: boolean }> = [];
  /** Templates of the menus main popped up (context menus), latest last. */
  const popups: Array<Array<Record<string, unknown>>> = [];

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let resolveLoaded: (url: string) => void = () => undefined;
  const firstLoad = new Promise<string>((resolve) => (resolveLoaded = resolve));

  class FakeApp extends EventEmitter {
    readonly isPackaged = options.isPackaged;
    readonly commandLine = withStubs('app.commandLine', {}, calls);
    readonly paths = new Map<string, string>();
    getPath(name: string): string {
      return this.paths.get(name) ?? path.join(options.homePath, name);
    }
    setPath(name: string, value: string): void {
      this.paths.set(name, value);
    }
    getAppPath(): string {
      return options.appPath;
    }
    getVersion(): string {
      return '0.0.0-stand-in';
    }
    requestSingleInstanceLock(): boolean {
      return true;
    }
    whenReady(): Promise<void> {
      return ready;
    }
    quit(): void {
      calls.push('app.quit');
    }
    exit(code = 0): void {
      calls.push(`app.exit(${code})`);
      process.exit(code);
    }
  }
  const app = withStubs('app', new FakeApp(), calls);

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = withStubs('webContents', new FakeWebContents(), calls);
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
      return withStubs('BrowserWindow', this, calls);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
      resolveLoaded(url);
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: withStubs('ipcMain', {
      handle: (channel: string, handler: (event: unknown, request: unknown) => unknown) => void ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    }, calls),
    protocol: withStubs('protocol', {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
        void protocolHandlers.set(scheme, handler),
    }, calls),
    net: withStubs('net', { fetch: fetchFile }, calls),
    session: {
      defaultSession: withStubs('session.defaultSession', {
        setPermissionRequestHandler: (handler: typeof permissionHandlers.request) => void (permissionHandlers.request = handler),
        setPermissionCheckHandler: (handler: typeof permissionHandlers.check) => void (permissionHandlers.check = handler),
      }, calls),
    },
    dialog: withStubs('dialog', {
      showErrorBox: (title: string, content: string) => {
        errorBoxes.push({ title, content });
        console.error(`[dialog] ${title}: ${content}`);
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; detail?: string };
        messageBoxes.push({ message: options.message, detail: options.detail, modal: args.length > 1 });
        return { response: 0, checkboxChecked: false };
      },
    }, calls),
    Menu: withStubs('Menu', {
      buildFromTemplate: (template: Array<Record<string, unknown>>) => ({ template, popup: () => void popups.push(template) }),
    }, calls),
    screen: withStubs('screen', { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }, calls),
  };

  return {
    electron: withStubs('electron', electron, calls),
    /** Fire `ready`, as Electron does once the main script has run. */
    emitReady: () => {
      resolveReady();
      app.emit('ready');
    },
    /** A web contents main did not create itself (a devtools or guest page): main's hardening must reach it too. */
    createWebContents: () => {
      const contents = withStubs('webContents', new FakeWebContents(), calls);
      app.emit('web-contents-created', new FakeEvent(), contents);
      return contents;
    },
    /** Resolves with the first URL a window loads: main has started. */
    firstLoad,
    calls,
    windows,
    ipcHandlers,
    protocolHandlers,
    privilegedSchemes,
    permissionHandlers,
    errorBoxes,
    messageBoxes,
    popups,
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

/** Chromium's file:// loader as far as main relies on it: reads the file, following symlinks. */
async function fetchFile(url: string): Promise<Response> {
  if (!url.startsWith('file:')) throw new Error(`stand-in: net.fetch only serves file:// here, not ${url}`);
  const file = fileURLToPath(url);
  const body = await readFile(file).catch(() => {
    throw new Error(`net::ERR_FILE_NOT_FOUND ${url}`);
  });
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  return new Response(body, { status: 200, headers: { 'Content-Type': type } });
}
