// Page object for issue 12's search controls (kept beside ReaderPage, which is near its size
// limit): the "Search in" scope, the sort, and the reading pane's Related list.

import type { Locator, Page } from '@playwright/test';

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
}
