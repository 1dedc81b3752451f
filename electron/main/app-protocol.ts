// Serves the built renderer from `app://ponder/` instead of file://, as the
// Electron security checklist recommends: the page gets a real origin (so the
// sender check can name it), a strict CSP header on every response, and no
// way to read any file outside the renderer folder.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://ponder`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// The callback forms, which Electron's asar support patches (the renderer lives in app.asar).
const realpath = promisify(fs.realpath);
const stat = promisify(fs.stat);

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await rendererFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/**
 * The regular file `url` names inside `root`, or null: another host, `..` (plain or encoded),
 * a symlink leading out, a folder (Chromium would list it), a missing file, a malformed escape
 * or a NUL byte. Both sides are compared after resolving symlinks.
 */
async function rendererFile(root: string, url: string): Promise<string | null> {
  try {
    const parsed = new URL(url);
    if (parsed.host !== 'ponder') return null;
    const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
    const [realRoot, file] = await Promise.all([realpath(root), realpath(path.resolve(root, relative))]);
    if (!file.startsWith(realRoot + path.sep) || !(await stat(file)).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}
