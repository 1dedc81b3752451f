// Corpus-wide term statistics: what one plain Lunr index over the whole library
// would use to weigh terms (document count, average field lengths, per-term
// document frequency) and to expand query terms (its vocabulary, as a
// lunr.TokenSet).
//
// Every worker keeps its own replica. Replicas stay identical because they are
// fed the same deltas in the same order (WorkerEngine sends every delta to every
// worker); that also gives every term the same global number: the order in which
// it first appeared, as Lunr numbers terms. Only the order of floating-point
// additions depends on those numbers, and matching Lunr's makes scores
// bit-for-bit equal to a single index's.

import type { LunrClause, LunrTokenSet } from './lunr-internals';
import { L, lunrIdf } from './lunr-internals';
import type { StatsDelta } from './protocol';
import type { QueryBudget } from './query-budget';
import { unpackTerms } from './segment';
import { expandClause } from './term-expansion';
import { FIELD_COUNT } from './tokens';

export class GlobalStats {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  /** (story, field) pairs holding each term, by global number. */
  private pairs = new Int32Array(1024);
  private documents = 0;
  private readonly totalLengths = new Array<number>(FIELD_COUNT).fill(0);
  private tokenSet: LunrTokenSet | null = null;

  /** Stories in the corpus. */
  get documentCount(): number {
    return this.documents;
  }

  /** Apply deltas, in order. */
  apply(deltas: readonly StatsDelta[]): void {
    for (const { sign, stats } of deltas) {
      const terms = unpackTerms(stats);
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i]!;
        let number = this.numbers.get(term);
        if (number === undefined) {
          number = this.terms.length;
          this.numbers.set(term, number);
          this.terms.push(term);
          if (number >= this.pairs.length) {
            const grown = new Int32Array(this.pairs.length * 2);
            grown.set(this.pairs);
            this.pairs = grown;
          }
        }
        const before = this.pairs[number]!;
        const after = before + sign * stats.counts[i]!;
        this.pairs[number] = after;
        // The vocabulary changed: the token set used for wildcards and fuzzy terms is stale.
        if ((before > 0) !== (after > 0)) this.tokenSet = null;
      }
      this.documents += sign * stats.docs;
      for (let f = 0; f < FIELD_COUNT; f++) this.totalLengths[f]! += sign * (stats.lengths[f] ?? 0);
    }
  }

  /** Global number of a term of the corpus, or undefined. */
  numberOf(term: string): number | undefined {
    const number = this.numbers.get(term);
    return number !== undefined && this.pairs[number]! > 0 ? number : undefined;
  }

  idf(number: number): number {
    return lunrIdf(this.pairs[number]!, this.documents);
  }

  /** Average length of a field, in index terms (Lunr divides by the number of stories). */
  averageLength(field: number): number {
    return this.totalLengths[field]! / this.documents;
  }

  /** Terms of the corpus a query clause matches, in the order a Lunr index lists them; throws QueryRefused over the budget. */
  expand(clause: LunrClause, budget: QueryBudget): string[] {
    if (!('editDistance' in clause) && !clause.term.includes('*')) {
      // A plain term matches itself or nothing: no need for the token set.
      const found = this.numberOf(clause.term) === undefined ? [] : [clause.term];
      budget.addTerms(found.length);
      return found;
    }
    return expandClause(this.vocabulary(), clause, budget);
  }

  /** The term held by the most (story, field) pairs, or undefined when the corpus is empty. */
  commonestTerm(): string | undefined {
    let best = -1;
    for (let number = 0; number < this.terms.length; number++) if (best < 0 || this.pairs[number]! > this.pairs[best]!) best = number;
    return best >= 0 && this.pairs[best]! > 0 ? this.terms[best] : undefined;
  }

  /** Build the token set now rather than on the first wildcard or fuzzy query. */
  warm(): void {
    this.vocabulary();
  }

  private vocabulary(): LunrTokenSet {
    if (!this.tokenSet) {
      const live = this.terms.filter((_, number) => this.pairs[number]! > 0);
      this.tokenSet = L.TokenSet.fromArray(live.sort());
    }
    return this.tokenSet;
  }
}
