// App-wide hardening from the Electron security checklist, applied to every
// web contents the app ever creates: no navigation, no new windows, no
// webviews, no permission prompts.

import { app, session } from 'electron';
import type { WebContents } from 'electron';

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Must run after ready: deny every permission (camera, notifications, …); Ponder needs none. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
