// The one reader window, with the hardened web preferences of the Electron
// security checklist. The renderer gets Node nothing: only the preload's API.

import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { AppState } from '../core/data/app-state';
import { installContextMenu } from './context-menu';
import { keepSpellcheckOffline } from './spellcheck';

export interface MainWindowOptions {
  preload: string;
  bounds: AppState['window'];
}

export function createMainWindow({ preload, bounds }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...visibleBounds(bounds),
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Ponder',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: path.resolve(preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise open a link in a new window without the click handler's say.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  installContextMenu(window.webContents);
  keepSpellcheckOffline(window.webContents.session);
  if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}

/** The saved bounds, unless they would put the window off every screen (a monitor was unplugged). */
function visibleBounds(saved: AppState['window']): { width: number; height: number; x?: number; y?: number } {
  const fallback = { width: 1280, height: 800 };
  if (!saved) return fallback;
  const { x, y, width, height } = saved;
  if (x === undefined || y === undefined) return { width, height };
  const onScreen = screen.getAllDisplays().some(({ workArea: area }) =>
    x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y);
  return onScreen ? { x, y, width, height } : { width, height };
}

export function windowBounds(window: BrowserWindow): NonNullable<AppState['window']> {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
