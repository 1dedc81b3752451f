// Page object for issue 12's search controls (kept beside ReaderPage, which is near its size
// limit): the "Search in" scope, the sort, the reading pane's Related list, and scrolling a
// search's results to their end.

import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../renderer/src/test-ids';

export class SearchControls {
  constructor(readonly page: Page) {}

  /** A choice of the "Search in" radio group beside the search box. */
  scope(name: 'Stories' | 'Notes' | 'Both'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Search in' }).getByRole('radio', { name });
  }
  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort results' });
  }
  /** The Related section under the story and note. */
  get related(): Locator {
    return this.page.getByRole('region', { name: 'Related' });
  }
  /** Its stories, best first: buttons named by title and what they share. */
  get relatedStories(): Locator {
    return this.related.getByRole('button');
  }
  /** Scroll `list` (a listbox) with the mouse wheel, as a reader does, until its last row (`size`, 1-based) is rendered; answers that row. */
  async scrollToEnd(list: Locator, size: number): Promise<Locator> {
    const last = list.getByRole('option').last();
    await list.hover();
    await expect(async () => {
      await this.page.mouse.wheel(0, 100_000);
      await expect(last).toHaveAttribute('aria-posinset', String(size), { timeout: 1_000 });
    }).toPass();
    return last;
  }
}

/** Issue 12's saved searches in the topics pane: each item is a list item with its run button and tools. */
export class SavedSearchControls {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Saved searches' });
  }
  get saveButton(): Locator {
    return this.region.getByRole('button', { name: 'Save search' });
  }
  get items(): Locator {
    return this.region.getByRole('listitem');
  }
  /** The item named `name` (its run button is its first button). */
  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByTestId(testIds.savedSearchName).getByText(name, { exact: true }) });
  }
  runButton(name: string): Locator {
    return this.item(name).getByRole('button').first();
  }
  tool(name: string, tool: 'Rename' | 'Delete' | 'up' | 'down'): Locator {
    const label = tool === 'up' || tool === 'down' ? `Move “${name}” ${tool}` : `${tool} “${name}”`;
    return this.item(name).getByRole('button', { name: label });
  }
  count(name: string): Locator {
    return this.item(name).getByTestId(testIds.savedSearchCount);
  }
  renameField(): Locator {
    return this.region.getByRole('textbox', { name: /^New name for the saved search/ });
  }
  /** The saved searches' names, in order. */
  async names(): Promise<string[]> {
    return this.region.getByTestId(testIds.savedSearchName).allInnerTexts();
  }
}
