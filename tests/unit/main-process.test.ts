// The built main process (out/main/index.js), run without a window: Electron is
// replaced by a recording stand-in (tests/unit/helpers/electron-stand-in.ts) in a child
// process, and the test calls what main registered — window options, navigation
// and permission handlers, the app:// protocol, the IPC sender check — as
// Chromium would. Needs `npx electron-vite build` first (npm test builds before unit tests).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { launchMain, SECRET } from './helpers/launch-main';
import type { MainProcess } from './helpers/launch-main';
import type { MainState } from './helpers/main-process-host';

const ROOT = path.resolve(__dirname, '../..');
const TRUSTED = { sender: 'main', frame: 'main' } as const;

describe('the built main process, unpackaged', () => {
  let main: MainProcess;
  let state: MainState;

  beforeAll(async () => {
    main = launchMain();
    await main.ready;
    state = await main.state();
  });
  afterAll(() => main?.close());

  it('opens one window with every web preference of the security checklist', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
    });
    expect(prefs['webSecurity']).not.toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('nodeIntegrationInSubFrames', true);
    expect(prefs['preload']).toBe(path.join(main.root, 'app/out/preload/index.js'));
  });

  it('loads app://ponder/index.html, not a file:// URL or a dev server', () => {
    expect(state.windows[0]!.loaded).toEqual(['app://ponder/index.html']);
  });

  it('registers app:// as a standard, secure scheme and serves it', () => {
    expect(state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(state.protocolSchemes).toEqual(['app']);
  });

  for (const contents of ['main', 'other'] as const) {
    describe(`on ${contents === 'main' ? "the window's" : 'any other'} web contents`, () => {
      for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'] as const) {
        it(`refuses ${event}`, async () => {
          for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://ponder/index.html']) {
            await expect(main.probe({ kind: 'contents-event', contents, event, url })).resolves.toMatchObject({ prevented: true });
          }
        });
      }

      it('denies every new window', async () => {
        for (const url of ['https://example.com/', 'app://ponder/index.html', 'javascript:alert(1)']) {
          await expect(main.probe({ kind: 'window-open', contents, url })).resolves.toEqual({ action: 'deny' });
        }
      });
    });
  }

  it('denies every permission, whether requested or only checked', async () => {
    expect(state.permissionHandlers).toEqual({ request: true, check: true });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      await expect(main.probe({ kind: 'permission', permission })).resolves.toEqual({ request: false, check: false });
    }
  });

  describe('app://', () => {
    const fetch = (url: string) => main.probe({ kind: 'fetch', url }) as Promise<{ status: number; headers: Record<string, string>; body: string }>;

    it('serves the renderer with the CSP and nosniff headers', async () => {
      const index = await fetch('app://ponder/index.html');
      expect(index.status).toBe(200);
      expect(index.body).toBe(readFileSync(path.join(main.root, 'app/out/renderer/index.html'), 'utf8'));
      expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(index.headers['x-content-type-options']).toBe('nosniff');
      expect((await fetch('app://ponder/')).body).toBe(index.body);

      const asset = readdirSync(path.join(ROOT, 'out/renderer/assets'))[0]!;
      const served = await fetch(`app://ponder/assets/${asset}`);
      expect(served.status).toBe(200);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    });

    it.each([
      ['a parent folder', 'app://ponder/../main/index.js'],
      ['an encoded parent folder', 'app://ponder/%2e%2e/main/index.js'],
      ['an encoded slash', 'app://ponder/..%2fmain%2findex.js'],
      ['encoded dots and slashes', 'app://ponder/%2e%2e%2f%2e%2e%2fpackage.json'],
      ['a climb from a subfolder', 'app://ponder/assets/..%2f..%2f..%2fpackage.json'],
      ['a backslash climb', 'app://ponder/..%5c..%5cpackage.json'],
      ['an absolute path', `app://ponder/${encodeURIComponent('/etc/passwd')}`],
      ['a symlinked file leading out', 'app://ponder/leak.txt'],
      ['a file in a symlinked folder leading out', 'app://ponder/linked/secret.txt'],
      ['a folder', 'app://ponder/assets'],
      ['another host', 'app://elsewhere/index.html'],
      ['a NUL byte', 'app://ponder/index.html%00.js'],
      ['a malformed escape', 'app://ponder/%E0%A4%A'],
      ['a missing file', 'app://ponder/missing.js'],
    ])('refuses %s', async (_what, url) => {
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain(SECRET);
      expect(response.body).not.toContain('require(');
    });
  });

  describe('the IPC sender check', () => {
    it('binds every channel and answers the window’s own top frame', async () => {
      expect(state.ipcChannels).toContain('app:info');
      await expect(main.probe({ kind: 'invoke', channel: 'app:info', ...TRUSTED })).resolves.toMatchObject({ ok: true });
    });

    it.each([
      ['another web contents', { sender: 'other', frame: 'main' }],
      ['a subframe of the window', { sender: 'main', frame: 'sub' }],
      ['a foreign origin in the top frame', { ...TRUSTED, url: 'https://example.com/index.html' }],
      ['a file:// page in the top frame', { ...TRUSTED, url: 'file:///tmp/index.html' }],
      ['another app:// host', { ...TRUSTED, url: 'app://elsewhere/index.html' }],
    ] as const)('refuses %s on every channel', async (_what, from) => {
      for (const channel of state.ipcChannels) {
        await expect(main.probe({ kind: 'invoke', channel, ...from })).resolves.toEqual({
          ok: false,
          error: 'Ponder: refused a request from an untrusted page.',
        });
      }
    });

    it('runs the real handlers behind it: the bundled index worker searches the sample', async () => {
      type Reply = { ok: boolean; value?: { ok: boolean | 'pending'; hits?: unknown[] } };
      const search = () => main.probe({ kind: 'invoke', channel: 'search:query', request: { query: 'korea' }, ...TRUSTED }) as Promise<Reply>;
      // The index builds in worker threads after start-up: 'pending' until then.
      await expect.poll(async () => (await search()).value?.ok, { timeout: 15_000 }).toBe(true);
      expect((await search()).value?.hits?.length).toBeGreaterThan(0);
    });
  });
});

describe('debugging switches', () => {
  it.each(['--inspect=9229', '--inspect-brk', '--remote-debugging-port=9222', '--remote-debugging-pipe'])(
    'a packaged app given %s refuses to start',
    async (flag) => {
      const main = launchMain({ packaged: true, args: [flag] });
      try {
        const { code, output } = await main.exited;
        expect(code).toBe(1);
        expect(output).toContain(`Ponder: the installed app does not start with debugging switches (${flag})`);
      } finally {
        await main.close();
      }
    },
  );

  it('a packaged app without them starts, and a development build keeps them', async () => {
    for (const options of [{ packaged: true }, { packaged: false, args: ['--inspect=9229', '--remote-debugging-port=9222'] }]) {
      const main = launchMain(options);
      try {
        await main.ready;
        expect((await main.state()).windows[0]!.loaded).toEqual(['app://ponder/index.html']);
      } finally {
        await main.close();
      }
    }
  });
});
