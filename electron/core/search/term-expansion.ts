// The terms of the vocabulary a wildcard or fuzzy clause matches, as Lunr
// finds them (lunr.TokenSet.fromClause, #intersect, #toArray in Lunr 2.3.9,
// MIT), step for step and in the same order, so the expanded terms — and so
// the scores and the order of ties — are exactly Lunr's. What differs: every
// loop runs on a QueryBudget, so a pathological clause is refused after a
// bounded amount of time and memory instead of running for minutes in
// gigabytes, and edit distances over MAX_EDIT_DISTANCE are refused outright.

import type { LunrClause, LunrTokenSet } from './lunr-internals';
import { L } from './lunr-internals';
import type { QueryBudget } from './query-budget';
import { editDistanceTooLarge, MAX_EDIT_DISTANCE, QUERY_TOO_BROAD, QueryRefused } from './query-budget';

/** A state of an automaton: lunr.TokenSet's shape (edge `*` matches any character). */
interface State {
  final: boolean;
  edges: Record<string, State>;
}

/** Terms of `vocabulary` that `clause` matches, in the order a Lunr index lists them. */
export function expandClause(vocabulary: LunrTokenSet, clause: LunrClause, budget: QueryBudget): string[] {
  const query: State = clause.editDistance !== undefined ? fuzzyAutomaton(clause.term, clause.editDistance, budget) : L.TokenSet.fromString(clause.term);
  const terms = toArray(intersect(vocabulary, query, budget), budget);
  budget.addTerms(terms.length);
  return terms;
}

/** A clause asking for more edits than MAX_EDIT_DISTANCE is refused before any work. */
export function checkEditDistance(clause: LunrClause): void {
  const distance = clause.editDistance;
  if (distance !== undefined && distance > MAX_EDIT_DISTANCE) throw new QueryRefused(editDistanceTooLarge(clause.term, distance));
}

/** A new state, shaped as lunr.TokenSet (a class: one hidden class for every state, as Lunr's). */
function state(): State {
  return new OutputState();
}

class OutputState implements State {
  final = false;
  // A plain object as in Lunr: edges are single characters, never a name from Object.prototype.
  edges: Record<string, State> = {};
}

/** The edge `char` of `node`, made when missing. */
function edge(node: State, char: string, budget: QueryBudget, made: { nodes: number }): State {
  let next = node.edges[char];
  if (!next) {
    if (++made.nodes > budget.limits.automatonNodes) throw new QueryRefused(QUERY_TOO_BROAD);
    next = state();
    node.edges[char] = next;
  }
  return next;
}

/** lunr.TokenSet.fromFuzzyString: insertions, deletions, substitutions and transpositions each cost one edit. */
function fuzzyAutomaton(term: string, editDistance: number, budget: QueryBudget): State {
  const root = state();
  const made = { nodes: 1 };
  const stack = [{ node: root, editsRemaining: editDistance, str: term }];
  while (stack.length > 0) {
    budget.tick();
    const frame = stack.pop()!;
    const { node, str } = frame;
    // no edit
    if (str.length > 0) {
      const noEdit = edge(node, str.charAt(0), budget, made);
      if (str.length === 1) noEdit.final = true;
      stack.push({ node: noEdit, editsRemaining: frame.editsRemaining, str: str.slice(1) });
    }
    if (frame.editsRemaining === 0) continue;
    const editsRemaining = frame.editsRemaining - 1;
    // insertion
    const insertion = edge(node, '*', budget, made);
    if (str.length === 0) insertion.final = true;
    stack.push({ node: insertion, editsRemaining, str });
    // deletion (of the last character: this node is final)
    if (str.length > 1) stack.push({ node, editsRemaining, str: str.slice(1) });
    if (str.length === 1) node.final = true;
    // substitution
    if (str.length >= 1) {
      const substitution = edge(node, '*', budget, made);
      if (str.length === 1) substitution.final = true;
      stack.push({ node: substitution, editsRemaining, str: str.slice(1) });
    }
    // transposition
    if (str.length > 1) {
      const transposed = edge(node, str.charAt(1), budget, made);
      stack.push({ node: transposed, editsRemaining, str: str.charAt(0) + str.slice(2) });
    }
  }
  return root;
}

/** lunr.TokenSet#intersect: the words of `vocabulary` the query automaton accepts, as a trie. */
function intersect(vocabulary: State, query: State, budget: QueryBudget): State {
  const output = state();
  let finals = 0;
  const stack = [{ qNode: query, output, node: vocabulary }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const qEdges = Object.keys(frame.qNode.edges);
    const nEdges = Object.keys(frame.node.edges);
    for (const qEdge of qEdges) {
      for (const nEdge of nEdges) {
        budget.tick();
        if (nEdge !== qEdge && qEdge !== '*') continue;
        const node = frame.node.edges[nEdge]!;
        const qNode = frame.qNode.edges[qEdge]!;
        const final = node.final && qNode.final;
        let next = frame.output.edges[nEdge];
        if (!next) {
          next = state();
          frame.output.edges[nEdge] = next;
        }
        if (final && !next.final) {
          next.final = true;
          // Each final node is one more matching term: stop early rather than collect a vocabulary.
          if (++finals > budget.limits.termsPerClause) throw new QueryRefused(QUERY_TOO_BROAD);
        }
        stack.push({ qNode, output: next, node });
      }
    }
  }
  return output;
}

/** lunr.TokenSet#toArray: the words of a trie without wildcards, in Lunr's order. */
function toArray(root: State, budget: QueryBudget): string[] {
  const words: string[] = [];
  const stack = [{ prefix: '', node: root }];
  while (stack.length > 0) {
    budget.tick();
    const frame = stack.pop()!;
    if (frame.node.final) words.push(frame.prefix);
    for (const edge of Object.keys(frame.node.edges)) stack.push({ prefix: frame.prefix + edge, node: frame.node.edges[edge]! });
  }
  return words;
}
