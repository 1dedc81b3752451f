// Page object for Ponder's window: the specs' only way to the UI. Locators are by role and
// accessible name where the UI has one (the three panes are landmarks, lists are listboxes
// of options, dialogs are named by their titles); the renderer's shared test ids
// (renderer/src/test-ids.ts) only for text blocks that have no distinctive role.

import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { MenuCommand } from '../../electron/shared/ipc-contract';
import { testIds } from '../../renderer/src/test-ids';
import { LibraryControls } from './library-controls';

/** Moments in the page's own clock (performance.now()), recorded by `recordTimeline`. */
export interface Timeline {
  firstRow?: number;
  ready?: number;
}

export class ReaderPage {
  constructor(readonly page: Page) {}

  /** The Library and Notes menus, recent folders, a missing library, drops (library-controls.ts). */
  get libraries(): LibraryControls {
    return new LibraryControls(this.page);
  }

  // The three panes.
  private get topicsPane(): Locator {
    return this.page.getByRole('navigation', { name: 'Topics' });
  }
  private get storiesPane(): Locator {
    return this.page.getByRole('region', { name: 'Stories' });
  }
  private get reflectionPane(): Locator {
    return this.page.getByRole('region', { name: 'Reflection' });
  }

  // Header and empty state.
  get emptyState(): Locator {
    return this.page.getByRole('main').filter({ has: this.page.getByRole('heading', { name: 'No library open' }) });
  }
  get libraryName(): Locator {
    return this.page.getByTestId(testIds.libraryName);
  }
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search stories' });
  }
  get searchError(): Locator {
    return this.page.getByRole('search').getByRole('alert');
  }
  /** The thin bar under the header while the search index builds. */
  get indexProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Search index' });
  }
  get diagnosticsButton(): Locator {
    return this.page.getByRole('button', { name: /\d+ problems?$/ });
  }
  get diagnosticsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Problems in this library' });
  }
  /** Each problem listed in the Problems dialog (unreadable files and lines, unreadable notes). */
  get diagnosticsItems(): Locator {
    return this.page.getByRole('dialog', { name: 'Problems in this library' }).getByRole('listitem');
  }
  get saveFailureBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Your text is kept here' });
  }
  /** Shown once after Ponder reopened a window whose page crashed or hung. */
  get crashNotice(): Locator {
    return this.page.getByRole('alert').filter({ hasText: "Ponder's window stopped unexpectedly" });
  }
  get retrySaveButton(): Locator {
    return this.saveFailureBanner.getByRole('button', { name: 'Retry now' });
  }
  /** Retry now; the banner's own timed retry may save first and take the button mid-click. */
  async retryFailedSaves(): Promise<void> {
    await expect(async () => {
      if (await this.retrySaveButton.isVisible()) await this.retrySaveButton.click({ timeout: 1_000 });
      await expect(this.saveFailureBanner).toBeHidden({ timeout: 1_000 });
    }).toPass();
  }

  // Topics pane.
  get allStories(): Locator {
    return this.topicsPane.getByRole('option', { name: /^All stories/ });
  }
  topic(name: string): Locator {
    return this.topicsPane
      .getByRole('listbox', { name: 'Topics' })
      .getByRole('option')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }
  /** "N unanswered" under a topic. */
  topicUnanswered(name: string): Locator {
    return this.topic(name).getByText(/unanswered$/);
  }
  source(path: string): Locator {
    return this.topicsPane.getByRole('listbox', { name: 'Files' }).getByRole('option').filter({ hasText: path });
  }
  get orphansOption(): Locator {
    return this.topicsPane.getByRole('option', { name: /^All orphaned notes/ });
  }
  get dataFolderPath(): Locator {
    return this.topicsPane.getByTestId(testIds.dataFolderPath);
  }
  get revealDataFolderButton(): Locator {
    return this.topicsPane.getByRole('button', { name: 'Reveal' });
  }

  // Stories pane.
  /** "26 stories", "3 results for “kursk”"… */
  get storyCount(): Locator {
    return this.storiesPane.getByRole('heading', { level: 2 });
  }
  get storyRows(): Locator {
    return this.storiesPane.getByRole('option');
  }
  get selectedStory(): Locator {
    return this.storiesPane.getByRole('option', { selected: true });
  }
  /** The mark on a story's row saying it has a reflection. */
  noteMark(title: string): Locator {
    return this.storyRows.filter({ hasText: title }).getByRole('img', { name: 'Has a reflection' });
  }

  // Reflection pane: the story, then the note.
  get detail(): Locator {
    return this.reflectionPane.getByRole('article');
  }
  get summary(): Locator {
    return this.detail.getByTestId(testIds.storySummary);
  }
  get question(): Locator {
    return this.detail.getByTestId(testIds.storyQuestion);
  }
  get orphanNotice(): Locator {
    return this.detail.getByTestId(testIds.orphanNotice);
  }
  get noteEditor(): Locator {
    return this.reflectionPane.getByRole('textbox', { name: 'Your reflection' });
  }
  /** The live Markdown preview (hidden in the Write tab). */
  get notePreview(): Locator {
    return this.reflectionPane.getByRole('tabpanel', { name: /^(Both|Preview)$/ });
  }
  /** The editor's Write / Both / Preview tabs. */
  editorTab(name: 'Write' | 'Both' | 'Preview'): Locator {
    return this.reflectionPane.getByRole('tab', { name });
  }
  /** "Saving…", "Saved ✓", or why the note is not saved. */
  get noteStatus(): Locator {
    return this.reflectionPane.getByTestId(testIds.noteStatus);
  }
  get unreadableNoteWarning(): Locator {
    return this.reflectionPane.getByTestId(testIds.unreadableNoteWarning);
  }
  get conflictBanner(): Locator {
    return this.reflectionPane.getByRole('alert').filter({ hasText: 'changed outside Ponder' });
  }
  get keepMineButton(): Locator {
    return this.conflictBanner.getByRole('button', { name: 'Keep mine' });
  }

  // History dialog.
  get historyDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'History of this note' });
  }
  get historyVersions(): Locator {
    return this.historyDialog.getByRole('listbox', { name: 'Earlier versions' }).getByRole('option');
  }
  get historyPreview(): Locator {
    return this.historyDialog.getByTestId(testIds.historyPreview);
  }

  // Lists of the topics pane, whatever their names.
  get topicOptions(): Locator {
    return this.topicsPane.getByRole('listbox', { name: 'Topics' }).getByRole('option');
  }
  get sourceOptions(): Locator {
    return this.topicsPane.getByRole('listbox', { name: 'Files' }).getByRole('option');
  }

  // Links in a note's preview: an http(s) link is a button that asks first (LinkConfirm).
  previewLink(name: string): Locator {
    return this.notePreview.getByRole('button', { name });
  }
  get linkConfirm(): Locator {
    return this.page.getByRole('dialog', { name: 'Open this link in your browser?' });
  }

  /** Answer the open link confirm, and wait until it is gone. */
  async answerLinkConfirm(choice: 'Open in Browser' | 'Cancel'): Promise<void> {
    await this.linkConfirm.getByRole('button', { name: choice }).click();
    await expect(this.linkConfirm).toBeHidden();
  }

  /** Close a dialog with its Close button. */
  async closeDialog(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  // Layout and display: landmarks, splitters, the topics drawer, the Display panel.
  get topicsNavigation(): Locator {
    return this.topicsPane;
  }
  get storiesRegion(): Locator {
    return this.storiesPane;
  }
  get readingMain(): Locator {
    return this.page.getByRole('main');
  }
  splitter(pane: 'topics' | 'stories'): Locator {
    return this.page.getByRole('separator', { name: `Resize ${pane}` });
  }
  /** The header's Topics button: shown when the topics are hidden or in a narrow window's drawer. */
  get topicsButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Topics', exact: true });
  }
  get topicsDrawer(): Locator {
    return this.page.getByRole('dialog', { name: 'Topics' });
  }
  get displayButton(): Locator {
    return this.page.getByRole('button', { name: 'Display', exact: true });
  }
  get displayPanel(): Locator {
    return this.page.getByRole('group', { name: 'Display' });
  }
  /** A choice in the Display panel: a theme (Light, Dark, System), a line width or a story font. */
  displayChoice(name: string): Locator {
    return this.displayPanel.getByRole('radio', { name, exact: true });
  }

  /** Pick a choice in the Display panel by keyboard-reachable controls, then close the panel with Escape. */
  async chooseDisplay(name: string): Promise<void> {
    await this.displayButton.click();
    await this.displayChoice(name).check();
    await this.page.keyboard.press('Escape');
    await expect(this.displayPanel).toBeHidden();
  }

  /** What main sends when a View menu item is clicked (chromium target: the host's event channel). */
  async menuCommand(command: MenuCommand): Promise<void> {
    await this.page.evaluate((sent) => window.__ponderEmit('menu:command', sent), command);
  }

  /** The theme the window shows ("light" or "dark"). */
  async shownTheme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset['theme']);
  }

  /** The window's live region (save failures, conflicts), always present, visually hidden. */
  get announcement(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Ponder could not save|changed outside Ponder|notes are saved/ });
  }

  // The daily loop: read marks, stars, the toast, the welcome, shortcuts and the Reflections journal.
  /** The stories listbox itself (focus lands here from the search box and the editor). */
  get storyList(): Locator {
    return this.storiesPane.getByRole('listbox', { name: 'Stories' });
  }
  /** A story's row by (part of) its title. */
  storyRow(title: string): Locator {
    return this.storyRows.filter({ hasText: title });
  }
  get starButton(): Locator {
    return this.detail.getByRole('button', { name: /^(Star|Unstar)$/ });
  }
  get markAllReadButton(): Locator {
    return this.storiesPane.getByRole('button', { name: 'Mark all as read' });
  }
  /** The short message bottom right (marked as read, a note orphaned…), with its action. */
  get toast(): Locator {
    return this.page.getByRole('status').filter({ has: this.page.getByRole('button', { name: 'Dismiss' }) });
  }
  toastAction(name: 'Undo' | 'Show'): Locator {
    return this.toast.getByRole('button', { name });
  }
  get welcome(): Locator {
    return this.page.getByRole('region', { name: 'Welcome to Ponder' });
  }
  get shortcutsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
  get reflectionsButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Reflections/ });
  }
  get reflectionsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Reflections' });
  }
  get reflectionsSearch(): Locator {
    return this.reflectionsDialog.getByRole('searchbox', { name: 'Search reflections' });
  }
  get reflectionEntries(): Locator {
    return this.reflectionsDialog.getByRole('listbox', { name: 'Reflections' }).getByRole('option');
  }

  /** The accessible name of the element that has focus, and its role: where the keyboard is. */
  async focused(): Promise<{ role: string | null; name: string | null; id: string }> {
    return this.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? null, name: element?.getAttribute('aria-label') ?? null, id: element?.id ?? '' };
    });
  }

  /** Rendered width of an element, in CSS pixels. */
  async width(locator: Locator): Promise<number> {
    return locator.evaluate((element) => element.getBoundingClientRect().width);
  }

  /** Computed font size of an element, in CSS pixels. */
  async fontSize(locator: Locator): Promise<number> {
    return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  }

  /** Wait until the library's stories are listed. */
  async ready(timeout?: number): Promise<void> {
    await expect(this.storyRows.first()).toBeVisible({ timeout });
  }

  /** File ▸ Open Folder… from the empty screen (the host answers the folder dialog). */
  async openFolderFromEmptyState(): Promise<void> {
    await this.emptyState.getByRole('button', { name: 'Open Folder…' }).click();
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

  /** Open the story in the list's row `index` and wait until the reading pane shows it, highlights and all. */
  async openRow(index: number): Promise<void> {
    const row = this.storyRows.nth(index);
    const title = await row.getByTestId(testIds.storyRowTitle).innerText();
    await row.click();
    await expect(this.detail.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(this.detail).not.toHaveAttribute('aria-busy', 'true');
  }

  async writeNote(text: string): Promise<void> {
    await this.noteEditor.fill(text);
    await expect(this.noteStatus).toHaveText(/Saved/);
  }

  /** Open the selected note's history and wait for its versions (or its empty state). */
  async openHistory(): Promise<void> {
    await this.reflectionPane.getByRole('button', { name: 'History' }).click();
    await expect(this.historyVersions.first().or(this.historyDialog.getByText('No earlier versions yet'))).toBeVisible();
  }

  /** In the open history, show the version whose row contains `text`, check its preview, and restore it. */
  async restoreVersion(text: string): Promise<void> {
    await this.historyVersions.filter({ hasText: text }).first().click();
    await expect(this.historyPreview).toContainText(text);
    await this.historyDialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect(this.historyDialog).toBeHidden();
  }

  /** List the orphaned notes in the stories pane. */
  async showOrphans(): Promise<void> {
    await this.orphansOption.click();
    await expect(this.orphansOption).toHaveAttribute('aria-selected', 'true');
  }

  /** Text of every highlight (<mark>) inside `scope`. */
  async marks(scope: Locator): Promise<string[]> {
    return scope.locator('mark').allTextContents();
  }

  /** Tag names of every element inside `scope`, to prove what was (not) rendered as markup. */
  async tagNames(scope: Locator): Promise<string[]> {
    return scope.locator('*').evaluateAll((elements) => elements.map((element) => element.tagName.toLowerCase()));
  }

  /** Start recording, in the page, when the first story row appears and when the index is ready. */
  async recordTimeline(): Promise<void> {
    await this.page.evaluate((rowTestId) => {
      const timeline: Record<string, number> = {};
      (window as unknown as { __timeline: Record<string, number> }).__timeline = timeline;
      new MutationObserver((_, observer) => {
        if (document.querySelector(`[data-testid="${rowTestId}"]`)) {
          timeline['firstRow'] = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      window.ponder.onIndexStatus((status) => {
        if (status.state === 'ready') timeline['ready'] ??= performance.now();
      });
    }, testIds.storyRow);
  }

  async timeline(): Promise<Timeline> {
    return this.page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
  }
}
