// The native application menu. Commands that act on the page are sent to the
// renderer as `menu:command` events; the renderer owns what they do.

import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentLibrary } from '../shared/ipc-contract';

export interface MenuActions {
  openFolder: () => void;
  reloadLibrary: () => void;
  revealDataFolder: () => void;
  exportNotes: (format: 'markdown' | 'json') => void;
  importNotes: (kind: 'json' | 'folder') => void;
  moveDataFolder: () => void;
  command: (command: MenuCommand) => void;
  isDev: boolean;
  /** File ▸ Open Recent, most recent first: main rebuilds the menu when the list changes. */
  recents: RecentLibrary[];
  openRecent: (folder: string) => void;
  clearRecents: () => void;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: actions.openFolder },
        { label: 'Open Recent', submenu: openRecentItems(actions) },
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
        // Shown, not registered: the page handles these keys itself (useGlobalShortcuts), so one
        // press acts once, and the keys are the same in the browser-hosted tests.
        { label: 'Toggle Topics', ...pageKey('CmdOrCtrl+\\'), click: () => actions.command('toggle-topics') },
        {
          label: 'Theme',
          submenu: [
            { label: 'Light', click: () => actions.command('theme-light') },
            { label: 'Dark', click: () => actions.command('theme-dark') },
            { label: 'System', click: () => actions.command('theme-system') },
          ],
        },
        // Text size, not page zoom: the story and the note grow, the panes and their chrome stay put.
        // These take the zoom roles' keys, so the roles are gone from the menu.
        { label: 'Bigger Text', ...pageKey('CmdOrCtrl+Plus'), click: () => actions.command('text-bigger') },
        { label: 'Smaller Text', ...pageKey('CmdOrCtrl+-'), click: () => actions.command('text-smaller') },
        { label: 'Actual Text Size', ...pageKey('CmdOrCtrl+0'), click: () => actions.command('text-reset') },
        {
          label: 'Line Width',
          submenu: [
            { label: 'Narrow', click: () => actions.command('line-width-narrow') },
            { label: 'Medium', click: () => actions.command('line-width-medium') },
            { label: 'Wide', click: () => actions.command('line-width-wide') },
          ],
        },
        {
          label: 'Story Font',
          submenu: [
            { label: 'Serif', click: () => actions.command('story-font-serif') },
            { label: 'Sans Serif', click: () => actions.command('story-font-sans') },
          ],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.isDev ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      // The page binds these single keys itself (renderer/src/app/shortcuts.ts): shown, not registered,
      // so typing them in the note editor stays typing.
      label: '&Go',
      submenu: [
        { label: 'Next Story', ...pageKey('J'), click: () => actions.command('next-story') },
        { label: 'Previous Story', ...pageKey('K'), click: () => actions.command('previous-story') },
        { label: 'Next Unanswered Question', ...pageKey('N'), click: () => actions.command('next-unanswered') },
        { type: 'separator' },
        { label: 'Search Stories', ...pageKey('/'), click: () => actions.command('focus-search') },
        { label: 'Reflections', ...pageKey('R'), click: () => actions.command('show-reflections') },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', ...pageKey('Shift+/'), click: () => actions.command('show-shortcuts') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/** The folders, a missing one greyed out, then Clear Recently Opened. */
function openRecentItems({ recents, openRecent, clearRecents }: MenuActions): MenuItemConstructorOptions[] {
  const folders: MenuItemConstructorOptions[] = recents.map(({ folder, missing }) => ({
    // The whole path tells two folders of one name apart; `&` would be read as a mnemonic marker.
    label: `${folder.replaceAll('&', '&&')}${missing ? ' (missing)' : ''}`,
    enabled: !missing,
    click: () => openRecent(folder),
  }));
  return [
    ...(folders.length > 0 ? folders : [{ label: 'No Recent Folders', enabled: false }]),
    { type: 'separator' },
    { label: 'Clear Recently Opened', enabled: recents.length > 0, click: clearRecents },
  ];
}

/** A shortcut the menu shows but leaves to the page. */
function pageKey(accelerator: string): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> {
  return { accelerator, registerAccelerator: false };
}
