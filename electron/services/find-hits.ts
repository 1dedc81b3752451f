// `search:find`: a search over the stories, the reader's notes, or both, with its hits
// sorted as the reader asked. Stories are searched as the story list's own search is
// (ReaderSession.search: topic, file and Show resolved there); notes are searched in
// notes-search.ts, only those of the library's stories (and of the topic or file on
// screen). A story whose note matched carries the note's passage; in "both", stories
// matched by their text or their note are one list, each once, best score first.

import type { SearchResponse } from '../shared/ipc-contract';
import type { FindRequest, FindResponse, FoundHit, SearchSort } from '../shared/search-contract';
import type { NotesSearch } from './notes-search';
import type { FindLibrary, SearchSession } from './search-types';

export interface FindContext {
  session: SearchSession;
  library: FindLibrary;
  notes: NotesSearch;
}

export async function findAcross({ in: where = 'stories', sort = 'relevance', ...request }: FindRequest, context: FindContext): Promise<FindResponse> {
  const { query } = request;
  const stories: SearchResponse | null = where === 'notes' ? null : await context.session.search(query, request);
  if (stories && stories.ok !== true) return stories;
  if (where === 'stories' || query.trim() === '') return stories ? sorted(stories, sort, context) : { ok: true, query, total: 0, hits: [] };
  const notes = await noteHits(request, context);
  if (!notes.ok) return { ok: false, query, error: notes.error };
  if (!stories) return sorted({ ok: true, query, total: notes.total, hits: notes.hits }, sort, context);
  // Both: a story found by its text shows its note's passage too; the others join by score.
  const byId = new Map(stories.hits.map((hit) => [hit.id, { ...hit } as FoundHit]));
  const onlyNotes: FoundHit[] = [];
  for (const hit of notes.hits) {
    const found = byId.get(hit.id);
    if (found) found.note = hit.note;
    else onlyNotes.push(hit);
  }
  // Those past the stories' limit may still match by text: counted once.
  const beyond = stories.total > stories.hits.length && onlyNotes.length > 0 ? await alsoStories(context, query, onlyNotes) : 0;
  const hits = [...byId.values(), ...onlyNotes].sort((a, b) => b.score - a.score);
  return sorted({ ok: true, query, total: stories.total + onlyNotes.length - beyond, hits: hits.slice(0, request.limit ?? hits.length) }, sort, context);
}

/** The library's notes that match, within the request's topic or file, as hits with their passages. */
async function noteHits(request: Omit<FindRequest, 'in' | 'sort'>, { session, library, notes }: FindContext) {
  const within = request.filter || (request.show && request.show !== 'all') ? new Set(await session.viewIds(request.filter ?? null, undefined, request.show)) : null;
  const all = (await session.notes.store.list()).notes;
  const ids = all.filter((note) => library.itemsById.has(note.id) && (!within || within.has(note.id)) && (!request.ids || request.ids.includes(note.id))).map((note) => note.id);
  const outcome = await notes.search(all, request.query, { ids, limit: request.limit });
  if (!outcome.ok) return outcome;
  const hits: FoundHit[] = outcome.hits.map((hit) => ({ id: hit.id, score: hit.score, note: hit.passage }));
  return { ok: true as const, total: outcome.total, hits };
}

async function alsoStories({ session }: FindContext, query: string, hits: readonly FoundHit[]): Promise<number> {
  const answer = await session.search(query, { ids: hits.map((hit) => hit.id), limit: 1 });
  return answer.ok === true ? answer.total : 0;
}

/** The hits in the order asked: relevance as ranked, the library's (file) order, or stories without a note first. */
async function sorted(response: Extract<FindResponse, { ok: true }>, sort: SearchSort, { session, library }: FindContext): Promise<FindResponse> {
  if (sort === 'relevance' || response.hits.length < 2) return response;
  if (sort === 'file') {
    const order = positions(library);
    return { ...response, hits: [...response.hits].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity)) };
  }
  const noted = new Set((await session.notes.store.list()).notes.filter((note) => note.text.trim() !== '').map((note) => note.id));
  // Stable: within each group the relevance order stays.
  return { ...response, hits: [...response.hits].sort((a, b) => Number(noted.has(a.id)) - Number(noted.has(b.id))) };
}

/** Each story's place in the library, made once per library state. */
function positions(library: FindLibrary): ReadonlyMap<string, number> {
  let order = ORDERS.get(library.items);
  if (!order) {
    order = new Map(library.items.map((item, i) => [item.id, i]));
    ORDERS.set(library.items, order);
  }
  return order;
}

const ORDERS = new WeakMap<readonly unknown[], Map<string, number>>();
