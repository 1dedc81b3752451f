// The shapes search-service and find-hits share: what a search is asked and what it reads of
// the session and the library. Types only, so neither module imports the other's.

import type { NoteView, Story } from '../core/types';
import type { SearchResponse, SearchScope, ShowFilter, StoryFilter, StoryListItem } from '../shared/ipc-contract';

export interface SearchRequestOptions {
  limit?: number;
  /** Search these stories of the library only. */
  ids?: readonly string[];
  /** Search this topic's or file's stories only (ReaderSession resolves it to `ids`). */
  filter?: StoryFilter;
  scope?: SearchScope;
}

/** The library as loaded now: what hits are shown with. */
export interface SearchedLibrary {
  generation: number;
  itemsById: ReadonlyMap<string, StoryListItem>;
  /** The stories' text: a hit's row, when asked for, gets the passage around its first match (match-passage.ts). */
  stories?: ReadonlyMap<string, Story>;
}

/** The open library with its stories' text and topics, in library order (related stories, file order). */
export interface FindLibrary extends SearchedLibrary {
  items: readonly StoryListItem[];
  stories: ReadonlyMap<string, Story>;
}

/** What `find` and `related` ask of the session (ReaderSession is one): its library search, lists and notes. */
export interface SearchSession {
  search(query: string, options: SearchRequestOptions & { show?: ShowFilter }): Promise<SearchResponse>;
  viewIds(filter: StoryFilter | null, generation?: number, show?: ShowFilter): Promise<readonly string[]>;
  readonly notes: { readonly store: { list(): Promise<{ notes: NoteView[] }> } };
}
