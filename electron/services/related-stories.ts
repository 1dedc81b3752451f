// The "Related" list of a story (story:related, `ponder-cli related`): the engine's related
// hits (core/search/related.ts, with the story's topics as names), each with what it shares
// with the story — topics first, then the other distinctive words they both use.

import type { SearchEngine } from '../core/search/engine';
import { RELATED_LIMIT } from '../core/search/related';
import type { Story } from '../core/types';
import type { StoryListItem } from '../shared/ipc-contract';
import type { RelatedResponse, RelatedStory } from '../shared/search-contract';

export interface RelatedLibrary {
  itemsById: ReadonlyMap<string, StoryListItem>;
  stories: ReadonlyMap<string, Pick<Story, 'topics'>>;
}

export async function relatedStories(engine: SearchEngine, library: RelatedLibrary, id: string, limit = RELATED_LIMIT): Promise<RelatedResponse> {
  const story = library.stories.get(id);
  if (!story) return { id, stories: [] };
  if (!engine.ready) return { id, stories: [], error: 'Ponder: related stories appear once the search index is built.' };
  const outcome = await engine.related(id, { limit, names: story.topics });
  if (!outcome.ok) return { id, stories: [], error: outcome.error };
  const stories: RelatedStory[] = [];
  for (const hit of outcome.hits) {
    const item = library.itemsById.get(hit.id);
    if (!item) continue;
    const theirs = new Set(library.stories.get(hit.id)?.topics ?? []);
    const topics = story.topics.filter((topic) => theirs.has(topic));
    // A word already said by a shared topic ("Korea" of "North Korea") is not repeated.
    const named = new Set(topics.flatMap((topic) => topic.toLowerCase().split(/\s+/)));
    const terms = hit.terms.filter((term) => !named.has(term.toLowerCase()));
    stories.push({ id: hit.id, title: item.title, source: item.source, topics, terms });
  }
  return { id, stories };
}
