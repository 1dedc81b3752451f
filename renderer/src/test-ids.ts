// One list of data-testid values, shared by the components and the e2e page
// objects so a rename can never silently break a spec. Prefer role and aria
// locators in specs; these are for elements that have no distinctive role.
export const testIds = {
  app: 'app',
  emptyState: 'empty-state',
  openFolderButton: 'open-folder-button',
  libraryName: 'library-name',
  notice: 'app-notice',

  searchInput: 'search-input',
  searchError: 'search-error',
  searchPending: 'search-pending',
  indexStatus: 'index-status',

  diagnosticsButton: 'diagnostics-button',
  diagnosticsDialog: 'diagnostics-dialog',
  diagnosticsItem: 'diagnostics-item',

  topicsPane: 'topics-pane',
  topicList: 'topic-list',
  topicAll: 'topic-all',
  topicOption: 'topic-option',
  sourceOption: 'source-option',
  topicCount: 'topic-count',
  topicUnanswered: 'topic-unanswered',
  topicsShowAll: 'topics-show-all',

  storiesPane: 'stories-pane',
  storyList: 'story-list',
  storyRow: 'story-row',
  storyRowTitle: 'story-row-title',
  storyRowSnippet: 'story-row-snippet',
  storyNoteMark: 'story-note-mark',
  storyCount: 'story-count',
  storyListCapped: 'story-list-capped',
  storiesEmpty: 'stories-empty',

  reflectionPane: 'reflection-pane',
  reflectionEmpty: 'reflection-empty',
  storyDetail: 'story-detail',
  storySource: 'story-source',
  storyTopicChip: 'story-topic-chip',
  storySummary: 'story-summary',
  storyReflection: 'story-reflection',
  storyQuestion: 'story-question',
  noteEditor: 'note-editor',
  notePreview: 'note-preview',
  noteWriteTab: 'note-write-tab',
  noteSplitTab: 'note-split-tab',
  notePreviewTab: 'note-preview-tab',
  noteStatus: 'note-status',
} as const;

export type TestId = (typeof testIds)[keyof typeof testIds];
