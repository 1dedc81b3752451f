// What one query may cost. Lunr expands a fuzzy term into an automaton that
// grows exponentially with its edit distance and length, and a wildcard
// pattern can pair every word of the vocabulary with many states: left alone,
// `abcdefghijklmnopqrst~8` ran for minutes in gigabytes and took its worker
// down. Every query therefore runs against a budget — an edit distance of at
// most 2, a number of expanded terms per clause and per query, automaton nodes,
// and time — and one over it is refused with a message that says what to do,
// leaving the engine as it was for the next query.

/** Limits on one query; every field has a default (DEFAULT_QUERY_LIMITS). */
export interface QueryLimits {
  /** Time a query may take, in ms of wall time in the thread that runs it (checked inside expansion and scoring loops). */
  millis: number;
  /** Terms of the vocabulary one clause (`int*`, `regoin~1`) may expand to. */
  termsPerClause: number;
  /** Expanded terms of all clauses together. */
  termsPerQuery: number;
  /** Nodes of one fuzzy term's automaton (its memory). */
  automatonNodes: number;
}

/** The largest `~N` a query may ask for, as in Lucene and MiniSearch: beyond it the automaton explodes and almost any word matches. */
export const MAX_EDIT_DISTANCE = 2;

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = {
  millis: 2_000,
  termsPerClause: 5_000,
  termsPerQuery: 20_000,
  automatonNodes: 100_000,
};

export const QUERY_TOO_BROAD = 'Ponder: that search is too broad to answer — try fewer wildcards, a longer prefix or a smaller ~ distance.';

const EDIT_DISTANCE_REFUSED = `Ponder: fuzzy search allows at most ~${MAX_EDIT_DISTANCE} (two typos)`;

/**
 * The message for `term~distance` with a distance over MAX_EDIT_DISTANCE. Refused
 * rather than searched as ~2: the reader sees why, and what to type instead.
 */
export function editDistanceTooLarge(term: string, distance: number): string {
  const shown = term.length > 40 ? `${term.slice(0, 40)}…` : term;
  return `${EDIT_DISTANCE_REFUSED}: "${shown}~${distance}" asks for ${distance}. Try "${shown}~${MAX_EDIT_DISTANCE}".`;
}

/** True for the message of a query refused for its cost: asked again, it is refused again, so callers need not retry it. */
export function isRefusal(message: string): boolean {
  return message === QUERY_TOO_BROAD || message.startsWith(EDIT_DISTANCE_REFUSED);
}

/** Thrown inside a query that went over its budget; compileQuery and Shard#search turn it into an outcome. */
export class QueryRefused extends Error {}

/** The budget of one query: a deadline and counts, checked from its loops. */
export class QueryBudget {
  readonly limits: QueryLimits;
  private readonly deadline: number;
  private ticks = 0;
  private terms = 0;

  constructor(limits: Partial<QueryLimits> = {}) {
    this.limits = { ...DEFAULT_QUERY_LIMITS, ...limits };
    this.deadline = performance.now() + this.limits.millis;
  }

  /** Call once per unit of work in a loop: reads the clock every few thousand calls, and throws when time is up. */
  tick(): void {
    if ((++this.ticks & CLOCK_EVERY) === 0) this.checkTime();
  }

  /** Throws when time is up. */
  checkTime(): void {
    if (performance.now() > this.deadline) throw new QueryRefused(QUERY_TOO_BROAD);
  }

  /** Count a clause's expanded terms against both term limits. */
  addTerms(count: number): void {
    this.terms += count;
    if (count > this.limits.termsPerClause || this.terms > this.limits.termsPerQuery) throw new QueryRefused(QUERY_TOO_BROAD);
  }
}

/** The clock is read once per this many ticks (+1): cheap enough for the innermost loops. */
const CLOCK_EVERY = 0xfff;
