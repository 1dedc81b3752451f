// What a reader types, turned into a Lunr query. Lunr's own syntax passes
// through as it is (`+must`, `-not`, `field:term`, `int*`, `regoin~1`, `^2`);
// around it:
//   - `AND`, `OR`, `NOT` (upper case only; lower case they stay words) become
//     Lunr's presence operators: `a AND b` → `+a +b`, `a OR b` → `a b`,
//     `NOT a` → `-a`, `a NOT b` → `a -b`;
//   - `"quoted phrases"` (also `+"…"`, `-"…"`, `question:"…"`) become required
//     terms, and the phrase itself is returned, for the engine to check on the
//     candidate stories' text that the words stand adjacent and in order
//     (phrase.ts: the index keeps no positions);
//   - a word in a script written without spaces (東京都) is cut into its words as
//     the index cuts text, and searched as a phrase of them;
//   - an English stop word that is not the whole query (`how`, `question:how`,
//     `+how` count) is dropped, as Lunr drops it from indexed text;
//   - wildcard terms, which skip Lunr's pipeline, are folded here (text-fold.ts).
// The same function serves the app's engines and the benchmark's plain Lunr
// index, so both answer the same query the same way.

import type { StoryField } from '../types';
import { foldWord } from './text-fold';
import { FIELDS, forEachToken, hasUnspacedText, segmentWords, TermPipeline } from './tokens';

/** A quoted phrase: its words' terms (stop words included), checked in order on the story text. */
export interface Phrase {
  /** Field index to check, or null for every field. */
  field: number | null;
  terms: string[];
  /** `-"…"`: stories holding the phrase are left out. */
  prohibited: boolean;
}

export interface PlannedQuery {
  /** The query in Lunr's syntax. */
  lunr: string;
  phrases: Phrase[];
  /** Nothing searchable was left (only punctuation, or only operators): no story matches. */
  empty: boolean;
}

type Presence = '' | '+' | '-';
interface Item {
  kind: 'term' | 'phrase';
  presence: Presence;
  field: string | null;
  /** The term as typed (with ~, ^, * modifiers), or the phrase's text. */
  body: string;
}

/** `query` as Lunr syntax plus the phrases to check. */
export function planQuery(query: string): PlannedQuery {
  const items = applyOperators(lex(query)).flatMap(splitUnspaced);
  const phrases: Phrase[] = [];
  const clauses: string[] = [];
  const stopOnly = items.every(isPlainStopWord);
  for (const item of items) {
    if (item.kind === 'term') {
      if (!stopOnly && isPlainStopWord(item)) continue;
      // Only punctuation (`?`, `—`): nothing to search for. An empty term (`summary:`) is left for Lunr to report.
      if (item.body !== '' && !/[*~^]/.test(item.body) && !PIPELINE.termOf(item.body)) continue;
      const body = item.body.includes('*') ? foldWord(item.body.toLowerCase()) : item.body;
      clauses.push(clause(item.presence, item.field, body));
      continue;
    }
    const words = phraseWords(item.body);
    if (words.length === 0) continue;
    const field = item.field === null ? null : FIELDS.indexOf(item.field as StoryField);
    if (words.length === 1 || field === -1) {
      // One word needs no adjacency check; an unknown field is left for Lunr to report.
      for (const word of words) clauses.push(clause(item.presence === '-' ? '-' : '+', item.field, escape(word.token)));
      continue;
    }
    phrases.push({ field, terms: words.map((word) => word.term), prohibited: item.presence === '-' });
    if (item.presence === '-') continue;
    const anyWord = words.some((word) => !word.stop);
    for (const word of words) if (anyWord ? !word.stop : true) clauses.push(clause('+', item.field, escape(word.token)));
  }
  return { lunr: clauses.join(' '), phrases, empty: clauses.length === 0 };
}

/** The query's terms and phrases, as typed. */
function lex(query: string): (Item | 'AND' | 'OR' | 'NOT')[] {
  const out: (Item | 'AND' | 'OR' | 'NOT')[] = [];
  const pattern = /([+-]?)(?:([^\s:"\\]+):)?"([^"]*)"?|\S+/gy;
  let at = 0;
  while (at < query.length) {
    const space = /\s*/y;
    space.lastIndex = at;
    space.exec(query);
    at = space.lastIndex;
    if (at >= query.length) break;
    pattern.lastIndex = at;
    const match = pattern.exec(query)!;
    at = pattern.lastIndex;
    if (match[3] !== undefined) {
      out.push({ kind: 'phrase', presence: match[1] as Presence, field: match[2] ?? null, body: match[3] });
      continue;
    }
    const raw = match[0];
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
      out.push(raw);
      continue;
    }
    const parts = /^([+-]?)(?:([^\s:\\]+):)?(.*)$/s.exec(raw)!;
    out.push({ kind: 'term', presence: parts[1] as Presence, field: parts[2] ?? null, body: parts[3]! });
  }
  return out;
}

/** AND makes both its operands required, NOT its right operand prohibited; OR is Lunr's default. */
function applyOperators(lexed: (Item | 'AND' | 'OR' | 'NOT')[]): Item[] {
  const items: Item[] = [];
  let pending: Presence = '';
  for (const entry of lexed) {
    if (entry === 'AND') {
      const previous = items[items.length - 1];
      if (previous && previous.presence === '') previous.presence = '+';
      if (pending !== '-') pending = '+';
      continue;
    }
    if (entry === 'NOT' || entry === 'OR') {
      pending = entry === 'NOT' ? '-' : pending === '-' ? '-' : '';
      continue;
    }
    if (pending === '-' || (pending === '+' && entry.presence === '')) entry.presence = pending;
    pending = '';
    items.push(entry);
  }
  return items;
}

/** A plain word in a script without spaces, cut into several words, is searched as their phrase. */
function splitUnspaced(item: Item): Item[] {
  if (item.kind !== 'term' || /[*~^\\]/.test(item.body) || !hasUnspacedText(item.body)) return [item];
  const words = segmentWords(item.body);
  if (words.length === 0) return [];
  if (words.length === 1) return [{ ...item, body: escape(words[0]!) }];
  return [{ ...item, kind: 'phrase', body: words.join(' ') }];
}

/** An optional, unfielded stop word typed as it is: dropped when the query has anything else. */
function isPlainStopWord(item: Item): boolean {
  return item.kind === 'term' && item.presence === '' && item.field === null && PIPELINE.termOf(item.body)?.stop === true;
}

/** A phrase's words as the index makes them, with the token each came from. */
function phraseWords(text: string): { token: string; term: string; stop: boolean }[] {
  const words: { token: string; term: string; stop: boolean }[] = [];
  forEachToken(text, (token) => {
    const found = PIPELINE.termOf(token);
    if (found) words.push({ token: token.slice(found.from, found.to), term: found.term, stop: found.stop });
  });
  return words;
}

function clause(presence: Presence, field: string | null, body: string): string {
  return `${presence}${field === null ? '' : `${field}:`}${body}`;
}

/** A word with Lunr's special characters escaped, so it is searched as a word. */
function escape(word: string): string {
  return word.replace(/[\\:^~*+-]/g, '\\$&');
}

const PIPELINE = new TermPipeline();
