// Page object for the three panes: locators and user-level actions, so specs
// read as what a reader does. Test ids come from the renderer's own list.

import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../renderer/src/test-ids';

export class ReaderPage {
  constructor(readonly page: Page) {}

  get searchBox(): Locator {
    return this.page.getByTestId(testIds.searchInput);
  }
  get searchError(): Locator {
    return this.page.getByTestId(testIds.searchError);
  }
  get storyRows(): Locator {
    return this.page.getByTestId(testIds.storyRow);
  }
  get selectedStory(): Locator {
    return this.page.getByTestId(testIds.storyRow).and(this.page.locator('[aria-selected="true"]'));
  }
  get storyCount(): Locator {
    return this.page.getByTestId(testIds.storyCount);
  }
  get detail(): Locator {
    return this.page.getByTestId(testIds.storyDetail);
  }
  get question(): Locator {
    return this.page.getByTestId(testIds.storyQuestion);
  }
  get noteEditor(): Locator {
    return this.page.getByTestId(testIds.noteEditor);
  }
  get notePreview(): Locator {
    return this.page.getByTestId(testIds.notePreview);
  }
  get noteStatus(): Locator {
    return this.page.getByTestId(testIds.noteStatus);
  }
  get diagnosticsButton(): Locator {
    return this.page.getByTestId(testIds.diagnosticsButton);
  }
  get diagnosticsItems(): Locator {
    return this.page.getByTestId(testIds.diagnosticsItem);
  }
  get allStories(): Locator {
    return this.page.getByTestId(testIds.topicAll);
  }

  topic(name: string): Locator {
    return this.page.getByTestId(testIds.topicOption).filter({ has: this.page.getByText(name, { exact: true }) });
  }

  source(path: string): Locator {
    return this.page.getByTestId(testIds.sourceOption).filter({ hasText: path });
  }

  /** Wait until the library's stories are listed. */
  async ready(): Promise<void> {
    await expect(this.storyRows.first()).toBeVisible();
  }

  /** Type a query and wait until its results (or its error) are on screen. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    const answered = query.trim() === '' ? /stor(y|ies)/ : `“${query.trim()}”`;
    await expect(this.storyCount.filter({ hasText: answered }).or(this.searchError)).toBeVisible();
  }

  async openStory(title: string): Promise<void> {
    await this.storyRows.filter({ hasText: title }).first().click();
    await expect(this.detail).toContainText(title);
  }

  async writeNote(text: string): Promise<void> {
    await this.noteEditor.fill(text);
    await expect(this.noteStatus).toHaveText(/Saved/);
  }

  /** Text of every <mark> inside `scope`. */
  async marks(scope: Locator): Promise<string[]> {
    return scope.locator('mark').allTextContents();
  }
}
