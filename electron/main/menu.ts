// The native application menu. Commands that act on the page are sent to the
// renderer as `menu:command` events; the renderer owns what they do.

import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc-contract';

export interface MenuActions {
  openFolder: () => void;
  reloadLibrary: () => void;
  revealDataFolder: () => void;
  command: (command: MenuCommand) => void;
  isDev: boolean;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: actions.openFolder },
        { label: 'Reload Library', accelerator: 'CmdOrCtrl+Shift+R', click: actions.reloadLibrary },
        { type: 'separator' },
        { label: 'Show Notes Folder', click: actions.revealDataFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.command('focus-search') },
        { label: 'Show Problems', click: () => actions.command('show-diagnostics') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.isDev ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
