// The stories pane's "Show" choice: which stories of a topic, file or search are listed,
// by the reader's own marks. Shared by the IPC schemas (which validate it), main (which
// answers it: library-view.ts) and the renderer (which offers it).

/** In the order the radio group offers them. */
export const SHOW_FILTERS = ['all', 'unread', 'starred', 'unanswered', 'answered'] as const;
export type ShowFilter = (typeof SHOW_FILTERS)[number];

/** The name each choice is offered under (the issue names them exactly so). */
export const SHOW_LABELS: Readonly<Record<ShowFilter, string>> = {
  all: 'All',
  unread: 'Unread',
  starred: 'Starred',
  unanswered: 'Unanswered',
  answered: 'Answered',
};
