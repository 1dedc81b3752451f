// The native application menu. Commands that act on the page are sent to the
// renderer as `menu:command` events; the renderer owns what they do.

import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc-contract';

export interface MenuActions {
  openFolder: () => void;
  reloadLibrary: () => void;
  revealDataFolder: () => void;
  exportNotes: (format: 'markdown' | 'json') => void;
  importNotes: (kind: 'json' | 'folder') => void;
  moveDataFolder: () => void;
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
        {
          label: 'Export Notes',
          submenu: [
            { label: 'As a Markdown Journal…', click: () => actions.exportNotes('markdown') },
            { label: 'As JSON…', click: () => actions.exportNotes('json') },
          ],
        },
        {
          label: 'Import Notes',
          submenu: [
            { label: 'From a JSON Export…', click: () => actions.importNotes('json') },
            { label: 'From a Folder of Notes…', click: () => actions.importNotes('folder') },
          ],
        },
        { type: 'separator' },
        { label: 'Show Notes Folder', click: actions.revealDataFolder },
        { label: 'Move Notes Folder…', click: actions.moveDataFolder },
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
        { label: 'Note History', accelerator: 'CmdOrCtrl+Shift+H', click: () => actions.command('show-history') },
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
