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

  // Notes that are never lost: conflicts, history, orphans, failed saves, the data folder.
  get conflictBanner(): Locator {
    return this.page.getByTestId(testIds.conflictBanner);
  }
  get keepMineButton(): Locator {
    return this.page.getByTestId(testIds.conflictKeepMine);
  }
  get useTheirsButton(): Locator {
    return this.page.getByTestId(testIds.conflictUseTheirs);
  }
  get mergeBothButton(): Locator {
    return this.page.getByTestId(testIds.conflictMerge);
  }
  get theirText(): Locator {
    return this.page.getByTestId(testIds.conflictTheirText);
  }
  get unreadableNoteWarning(): Locator {
    return this.page.getByTestId(testIds.unreadableNoteWarning);
  }
  get historyButton(): Locator {
    return this.page.getByTestId(testIds.historyButton);
  }
  get historyDialog(): Locator {
    return this.page.getByTestId(testIds.historyDialog);
  }
  get historyVersions(): Locator {
    return this.page.getByTestId(testIds.historyVersion);
  }
  get historyPreview(): Locator {
    return this.page.getByTestId(testIds.historyPreview);
  }
  get restoreVersionButton(): Locator {
    return this.page.getByTestId(testIds.historyRestore);
  }
  get orphansSection(): Locator {
    return this.page.getByTestId(testIds.orphansSection);
  }
  get orphansOption(): Locator {
    return this.page.getByTestId(testIds.orphansOption);
  }
  get orphanNotice(): Locator {
    return this.page.getByTestId(testIds.orphanNotice);
  }
  get unreadableNoteItems(): Locator {
    return this.page.getByTestId(testIds.unreadableNoteItem);
  }
  get saveFailureBanner(): Locator {
    return this.page.getByTestId(testIds.saveFailureBanner);
  }
  get retrySaveButton(): Locator {
    return this.page.getByTestId(testIds.saveRetryButton);
  }
  get copyTextButton(): Locator {
    return this.page.getByTestId(testIds.saveCopyButton);
  }
  get dataFolderFooter(): Locator {
    return this.page.getByTestId(testIds.dataFolderFooter);
  }
  get revealDataFolderButton(): Locator {
    return this.page.getByTestId(testIds.revealDataFolderButton);
  }
  /** The thin bar under the header while the search index builds (role=progressbar). */
  get indexProgress(): Locator {
    return this.page.getByTestId(testIds.indexProgress);
  }

  topic(name: string): Locator {
    return this.page.getByTestId(testIds.topicOption).filter({ has: this.page.getByText(name, { exact: true }) });
  }

  source(path: string): Locator {
    return this.page.getByTestId(testIds.sourceOption).filter({ hasText: path });
  }

  /** Wait until the library's stories are listed. */
  async ready(timeout?: number): Promise<void> {
    await expect(this.storyRows.first()).toBeVisible({ timeout });
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

  /** Open the selected note's history and wait for its versions (or its empty state). */
  async openHistory(): Promise<void> {
    await this.historyButton.click();
    await expect(this.historyVersions.first().or(this.historyDialog.getByText('No earlier versions yet'))).toBeVisible();
  }

  /** Restore the history version whose row contains `text` (its date, reason or first words). */
  async restoreVersion(text: string | RegExp): Promise<void> {
    await this.historyVersions.filter({ hasText: text }).first().click();
    await this.restoreVersionButton.click();
    await expect(this.restoreVersionButton).toBeHidden();
  }

  /** List the orphaned notes in the stories pane. */
  async showOrphans(): Promise<void> {
    await this.orphansOption.click();
    await expect(this.orphansOption).toHaveAttribute('aria-selected', 'true');
  }

  /** Text of every <mark> inside `scope`. */
  async marks(scope: Locator): Promise<string[]> {
    return scope.locator('mark').allTextContents();
  }
}
