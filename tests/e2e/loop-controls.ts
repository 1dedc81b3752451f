// Page object for the second half of the daily loop: the stories pane's Show radio group and
// the topics pane's reflection progress bars. Role locators only (radiogroup, radio,
// progressbar), as the rest of the page object (reader-page.ts).

import type { Locator, Page } from '@playwright/test';
import type { ShowFilter } from '../../electron/shared/show-filter';
import { SHOW_LABELS } from '../../electron/shared/show-filter';

export class LoopControls {
  constructor(readonly page: Page) {}

  /** "Show: All · Unread · Starred · Unanswered · Answered" above the stories. */
  get show(): Locator {
    return this.page.getByRole('region', { name: 'Stories' }).getByRole('radiogroup', { name: 'Show' });
  }
  showOption(choice: ShowFilter): Locator {
    return this.show.getByRole('radio', { name: SHOW_LABELS[choice], exact: true });
  }
  /** The progress bar of "All stories", a topic or a file (by its path), named "<name>: N of M questions answered". */
  progress(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('navigation', { name: 'Topics' }).getByRole('progressbar', { name: new RegExp(`^${escaped}: [\\d,]+ of [\\d,]+ questions answered$`) });
  }
  /** The message a search gets when its query cannot run (unfinished, or refused by main). */
  get searchMessage(): Locator {
    return this.page.getByRole('search').getByRole('alert');
  }
  /** The reading pane with nothing open. */
  get nothingOpen(): Locator {
    return this.page.getByRole('region', { name: 'Reflection' }).getByText('Nothing selected');
  }
}
