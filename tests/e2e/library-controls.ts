// Page object for the window's library controls (ReaderPage.libraries): the header's Library
// and Notes menus (driven by keyboard, as the WAI-ARIA menu button pattern says), the empty
// screen's recent folders, the card of a library that went missing, and dropping on the window.

import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../renderer/src/test-ids';

/** What a spec drops on the window: a folder or file on disk, a File with no path, or text. */
export type Drop = { path: string } | { pathless: string } | { text: string };

export class LibraryControls {
  constructor(readonly page: Page) {}

  get libraryButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Library', exact: true });
  }
  get libraryMenu(): Locator {
    return this.page.getByRole('menu', { name: 'Library' });
  }
  get notesButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Notes', exact: true });
  }
  get notesMenu(): Locator {
    return this.page.getByRole('menu', { name: 'Notes' });
  }
  /** The Library menu's items, in order: Open Folder…, the recent folders, Clear Recently Opened. */
  get libraryMenuItems(): Locator {
    return this.libraryMenu.getByRole('menuitem');
  }
  /** A recent folder in the Library menu, by its folder's name ("name (missing)" when it is gone). */
  recentMenuItem(name: string): Locator {
    return this.libraryMenu.getByRole('menuitem', { name, exact: true });
  }

  /** The empty screen's list of recent folders. */
  get recentFolders(): Locator {
    return this.page.getByRole('main').getByRole('region', { name: 'Recent folders' }).getByRole('button');
  }
  /** The card of a library folder that moved or vanished. */
  get missingLibrary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: /was not found$/ }) });
  }
  get locateButton(): Locator {
    return this.missingLibrary.getByRole('button', { name: 'Locate…' });
  }
  get removeFromRecentsButton(): Locator {
    return this.missingLibrary.getByRole('button', { name: 'Remove from Recents' });
  }
  /** A failure outside any pane (a refused drop, a failed export). */
  get notice(): Locator {
    return this.page.getByTestId(testIds.notice);
  }
  /** A passing message at the bottom of the window ("Exported 2 notes to …"). */
  status(text: RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Open a header menu from the keyboard (Tab to its button, then Enter) and wait for its first item to have focus. */
  async openMenu(button: Locator, menu: Locator): Promise<void> {
    await button.focus();
    await this.page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
  }

  /** Open a header menu by keyboard, move to `item` with ↓, and choose it with Enter. */
  async chooseByKeyboard(button: Locator, menu: Locator, item: Locator): Promise<void> {
    await this.openMenu(button, menu);
    const count = await menu.getByRole('menuitem').count();
    for (let step = 0; step < count && !(await item.evaluate((element) => element === document.activeElement)); step++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(item).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /** Library ▸ a recent folder, by keyboard. */
  async openRecent(name: string): Promise<void> {
    await this.chooseByKeyboard(this.libraryButton, this.libraryMenu, this.recentMenuItem(name));
  }

  /** Notes ▸ `name` (Export Journal (Markdown)…, Export Notes (JSON)…, Import Notes…), by keyboard. */
  async notesCommand(name: string): Promise<void> {
    await this.chooseByKeyboard(this.notesButton, this.notesMenu, this.notesMenu.getByRole('menuitem', { name, exact: true }));
    await expect(this.notesMenu).toBeHidden();
  }

  /**
   * Drop something on the window, as a drag from the desktop would: dragenter, dragover and drop
   * with a DataTransfer. A path is registered where the host plays Electron's webUtils.getPathForFile.
   */
  async drop(what: Drop): Promise<void> {
    await this.page.evaluate(
      ({ what, app }) => {
        const data = new DataTransfer();
        if ('text' in what) {
          data.setData('text/plain', what.text);
        } else {
          const path = 'path' in what ? what.path : what.pathless;
          data.items.add(new File([], path.split(/[\\/]/).pop() ?? path));
          if ('path' in what) window.__ponderDropPaths.set(data.files[0]!, what.path);
        }
        const root = document.querySelector(`[data-testid="${app}"]`)!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          root.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      },
      { what, app: testIds.app },
    );
  }
}
