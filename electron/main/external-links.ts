// The one way from Ponder to the system browser: every `shell.openExternal` in
// the app goes through `openExternalLink`, which opens only http(s) links
// (electron/shared/external-url.ts) — even when a compromised page skips the
// renderer's confirm and calls the `app:open-external` channel itself. The
// shell is passed in (Electron's `shell` in the app, a recording stand-in in
// tests and in the e2e host), so this runs without Electron.

import type { Shell } from 'electron';
import { checkExternalUrl } from '../shared/external-url';

/** Open `url` in the system browser if it is an http(s) link; otherwise throw a "Ponder: " error and open nothing. */
export async function openExternalLink(url: string, shell: Pick<Shell, 'openExternal'>): Promise<void> {
  await shell.openExternal(checkExternalUrl(url));
}
