// Lunr queries over segments, scored as one plain Lunr index would score them.
//
// `compileQuery` parses a query with Lunr's parser and walks it the way
// lunr.Index#query does — pipeline, term expansion, query vectors — but against
// the corpus-wide statistics, so the plan (the expanded terms, the query
// vectors and their norms) is the same in every worker. `runQuery` then plays
// the plan over one segment: it collects the postings, applies required and
// prohibited terms, and scores each story with Lunr's formula, adding in Lunr's
// order. Scores are therefore bit-for-bit those of a single index, and lists
// from different segments merge by (score, step, ord) into Lunr's exact order
// (rank-order.ts).
//
// Only the best `limit` hits of a segment get their matched terms assembled (ranking.ts).

import { messageOf } from '../fs/errors';
import type { GlobalStats } from './global-stats';
import { L, lunrWeight } from './lunr-internals';
import type { QueryBudget } from './query-budget';
import { QueryRefused } from './query-budget';
import type { QueryPlan, SegmentRun, Step } from './query-plan';
import type { Ranking } from './ranking';
import { scratchOf } from './scratch';
import type { Segment } from './segment';
import { checkEditDistance } from './term-expansion';
import type { StoryField } from '../types';
import { FIELD_COUNT, FIELDS, searchTerms } from './tokens';

export type { QueryPlan } from './query-plan';

const { REQUIRED, PROHIBITED } = L.Query.presence;

export type CompiledQuery = { ok: true; plan: QueryPlan } | { ok: false; error: string };

/** The plan of `query`, or why it cannot run: Lunr cannot parse it, or it is over `budget` (query-budget.ts). */
export function compileQuery(query: string, stats: GlobalStats, budget: QueryBudget): CompiledQuery {
  try {
    const parsed = new L.Query([...FIELDS]);
    new L.QueryParser(query, parsed).parse();
    const steps: Step[] = [];
    const vectors = FIELDS.map(() => new Map<number, number>());
    const collected = new Set<string>();
    for (const clause of parsed.clauses) {
      checkEditDistance(clause);
      const fields = clause.fields.map((name) => FIELDS.indexOf(name as StoryField));
      const terms = clause.usePipeline ? searchTerms(clause.term) : [clause.term];
      for (const term of terms) {
        clause.term = term;
        const expanded = stats.expand(clause, budget);
        if (expanded.length === 0 && clause.presence === REQUIRED) {
          steps.push({ kind: 'nothing-required', fields });
          break;
        }
        for (const match of expanded) {
          budget.tick();
          const number = stats.numberOf(match)!;
          const idf = stats.idf(number);
          for (const field of fields) {
            if (clause.presence === PROHIBITED) {
              steps.push({ kind: 'match', term: match, number, field, presence: clause.presence, collect: false, idf });
              continue;
            }
            vectors[field]!.set(number, (vectors[field]!.get(number) ?? 0) + clause.boost);
            const key = `${match}/${field}`;
            const collect = !collected.has(key);
            collected.add(key);
            steps.push({ kind: 'match', term: match, number, field, presence: clause.presence, collect, idf });
          }
        }
      }
      if (clause.presence === REQUIRED) steps.push({ kind: 'end-required', fields });
    }
    const norms = vectors.map((vector) => {
      let sum = 0;
      for (const number of [...vector.keys()].sort((a, b) => a - b)) sum += vector.get(number)! ** 2;
      return Math.sqrt(sum);
    });
    const averageLengths = FIELDS.map((_, field) => stats.averageLength(field));
    const byNumber = FIELDS.map((_, field) => {
      const seen = new Map<number, { term: string; number: number; idf: number; boost: number }>();
      for (const step of steps) {
        if (step.kind === 'match' && step.field === field && step.presence !== PROHIBITED && !seen.has(step.number)) {
          seen.set(step.number, { term: step.term, number: step.number, idf: step.idf, boost: vectors[field]!.get(step.number)! });
        }
      }
      return [...seen.values()].sort((a, b) => a.number - b.number);
    });
    return { ok: true, plan: { steps, negated: parsed.isNegated(), vectors, norms, averageLengths, byNumber } };
  } catch (error) {
    return { ok: false, error: describeQueryError(error) };
  }
}

/**
 * Every live story of `segment` that matches the plan, scored, offered to `out`. Three linear passes over the postings the query touches, with
 * typed arrays rather than objects per story:
 *  1. in step order: where each story first matched (Lunr's order for ties), and
 *     required / prohibited terms;
 *  2. per field, in term-number order: the dot products, added in Lunr's order;
 *  3. the scores, fields added in the order they first matched.
 */
export function runQuery(plan: QueryPlan, segment: Segment, out: Ranking, budget: QueryBudget): SegmentRun {
  const { offsets, docs, deleted } = segment;
  const docCount = segment.ids.length;
  const scratch = scratchOf(segment);
  const fieldSteps = scratch.fieldSteps.map((array) => array.fill(0));
  const run: SegmentRun = { segment, plan, fieldSteps };
  const firstStep = scratch.firstStep.fill(0);
  const touched: number[] = [];
  // Required terms: a story passes when it matched every required clause.
  let requiredClauses = 0;
  let nothingRequired = false;
  const requiredHits = scratch.requiredHits.fill(0);
  let prohibited: Uint8Array | null = null;

  for (let step = 0; step < plan.steps.length; step++) {
    const s = plan.steps[step]!;
    budget.checkTime();
    if (s.kind === 'nothing-required') {
      nothingRequired = true;
      continue;
    }
    if (s.kind === 'end-required') {
      requiredClauses++;
      continue;
    }
    const t = segment.termId(s.term);
    if (t === undefined) continue;
    const pair = t * FIELD_COUNT + s.field;
    const from = offsets[pair]!;
    const to = offsets[pair + 1]!;
    if (s.presence === REQUIRED) {
      // Count each story once per clause: the clause is numbered by how many came before it.
      for (let p = from; p < to; p++) {
        const doc = docs[p]!;
        if (requiredHits[doc] === requiredClauses) requiredHits[doc] = requiredClauses + 1;
      }
    }
    if (s.presence === PROHIBITED) {
      prohibited ??= scratch.prohibited.fill(0);
      for (let p = from; p < to; p++) prohibited[docs[p]!] = 1;
      continue;
    }
    if (!s.collect) continue;
    const steps = fieldSteps[s.field]!;
    for (let p = from; p < to; p++) {
      const doc = docs[p]!;
      if (deleted[doc] === 1) continue;
      if (firstStep[doc] === 0) {
        firstStep[doc] = step + 1;
        touched.push(doc);
      }
      if (steps[doc] === 0) steps[doc] = step + 1;
    }
  }
  if (nothingRequired) return run;
  const passes = (doc: number): boolean => (requiredClauses === 0 || requiredHits[doc] === requiredClauses) && (!prohibited || prohibited[doc] === 0);

  if (plan.negated) {
    for (let doc = 0; doc < docCount; doc++) {
      if (deleted[doc] === 0 && passes(doc)) out.offer(run, doc, 0, -1, segment.ords[doc]!);
    }
    return run;
  }

  const dots = FIELDS.map((_, field) => fieldDots(plan, segment, field, scratch.dots[field]!, budget));
  for (const doc of touched) {
    if (!passes(doc)) continue;
    // Lunr adds the fields' similarities in the order the story first matched in them.
    let score = 0;
    let first = true;
    let after = 0;
    for (let n = 0; n < FIELD_COUNT; n++) {
      // The field with the smallest first step above `after`.
      let field = -1;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const at = fieldSteps[f]![doc]!;
        if (at > after && (field < 0 || at < fieldSteps[field]![doc]!)) field = f;
      }
      if (field < 0) break;
      after = fieldSteps[field]![doc]!;
      const similarity = dots[field]![doc]! / plan.norms[field]! || 0;
      score = first ? similarity : score + similarity;
      first = false;
    }
    out.offer(run, doc, score, firstStep[doc]! - 1, segment.ords[doc]!);
  }
  return run;
}

/** Per story, the dot product of the field's query vector with the story's field vector (Lunr's order of addition). */
function fieldDots(plan: QueryPlan, segment: Segment, field: number, dots: Float64Array, budget: QueryBudget): Float64Array | null {
  const terms = plan.byNumber[field]!;
  if (terms.length === 0) return null;
  const { offsets, docs, tfs, lengths, deleted } = segment;
  dots.fill(0);
  const averageLength = plan.averageLengths[field]!;
  for (const { term, idf, boost } of terms) {
    budget.checkTime();
    const t = segment.termId(term);
    if (t === undefined) continue;
    const pair = t * FIELD_COUNT + field;
    for (let p = offsets[pair]!; p < offsets[pair + 1]!; p++) {
      const doc = docs[p]!;
      if (deleted[doc] === 1) continue;
      dots[doc]! += boost * lunrWeight(idf, tfs[p]!, lengths[doc * FIELD_COUNT + field]!, averageLength);
    }
  }
  return dots;
}

/**
 * A query Lunr cannot run, as a message the reader can act on. Lunr's own
 * messages are terse ("unrecognised field 'title'"): say what to do instead.
 */
export function describeQueryError(error: unknown): string {
  if (error instanceof QueryRefused) return error.message;
  const message = messageOf(error);
  const field = /^unrecognised field '([^']*)'/.exec(message);
  if (field) return `Ponder: unknown field "${field[1]}" — search summary:, reflection: or question:.`;
  return `Ponder: cannot search for that: ${message}.`;
}
