// The window's right-click menu: spelling suggestions where the OS spellchecker
// offers them (Chromium passes them in the event), Add to Dictionary, and the
// edit commands. Electron shows no context menu of its own, so without this a
// misspelt word could be underlined but never corrected.

import { Menu } from 'electron';
import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';

/** At most this many suggestions, as Chromium's own menu does. */
const MAX_SUGGESTIONS = 5;

type MenuParams = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>;
type MenuTarget = Pick<WebContents, 'replaceMisspelling'> & { session: Pick<WebContents['session'], 'addWordToSpellCheckerDictionary'> };

/** Show the menu on every right click in `contents`. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents);
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}

/** The menu for one right click: spelling first (in a misspelt word), then the edit commands. */
export function contextMenuTemplate(params: MenuParams, contents: MenuTarget): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const suggestion of suggestions) spelling.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
    if (suggestions.length === 0) spelling.push({ label: 'No Guesses Found', enabled: false });
    spelling.push(
      { label: 'Add to Dictionary', click: () => void contents.session.addWordToSpellCheckerDictionary(word) },
      { type: 'separator' },
    );
  }
  const flags = params.editFlags;
  const editing: MenuItemConstructorOptions[] = params.isEditable
    ? [
        { role: 'cut', enabled: flags.canCut },
        { role: 'copy', enabled: flags.canCopy },
        { role: 'paste', enabled: flags.canPaste },
        { type: 'separator' },
        { role: 'selectAll', enabled: flags.canSelectAll },
      ]
    : [{ role: 'copy', enabled: params.selectionText.length > 0 }, { role: 'selectAll' }];
  return [...spelling, ...editing];
}
