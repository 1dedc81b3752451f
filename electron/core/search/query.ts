// Lunr queries over segments, scored as one plain Lunr index would score them.
//
// `compileQuery` parses a query with Lunr's parser and walks it the way
// lunr.Index#query does — pipeline, term expansion, query vectors — but against
// the corpus-wide statistics, so the plan (the expanded terms, the query
// vectors and their norms) is the same in every worker. `runQuery` then plays
// the plan over one segment: it collects the postings, applies required and
// prohibited terms, and scores each story with Lunr's formula, adding in Lunr's
// order. Scores are therefore bit-for-bit those of a single index, and lists
// from different segments merge by (score, step, ord) into Lunr's exact order.
//
// Only the best `limit` hits of a segment get their matched terms assembled.

import type { GlobalStats } from './global-stats';
import { L, lunrWeight } from './lunr-internals';
import type { RankedHit } from './protocol';
import type { Segment } from './segment';
import type { StoryField } from '../types';
import { FIELD_COUNT, FIELDS } from './tokens';

const { REQUIRED, PROHIBITED } = L.Query.presence;

/** What to do at one step of a query, in Lunr's order of work. */
type Step =
  | { kind: 'match'; term: string; number: number; field: number; presence: number; collect: boolean; idf: number }
  | { kind: 'nothing-required'; fields: number[] }
  | { kind: 'end-required'; fields: number[] };

export interface QueryPlan {
  steps: Step[];
  /** The query has only prohibited terms: every other story matches, with score 0. */
  negated: boolean;
  /** Per field: term number → summed boost (Lunr's query vector). */
  vectors: Map<number, number>[];
  /** Per field: the query vector's norm. */
  norms: number[];
  /** Per field: the distinct matched terms with their summed boost, in term-number order (for the dot products). */
  byNumber: { term: string; number: number; idf: number; boost: number }[][];
  averageLengths: number[];
}

export type CompiledQuery = { ok: true; plan: QueryPlan } | { ok: false; error: string };

export function compileQuery(query: string, stats: GlobalStats): CompiledQuery {
  try {
    const parsed = new L.Query([...FIELDS]);
    new L.QueryParser(query, parsed).parse();
    const steps: Step[] = [];
    const vectors = FIELDS.map(() => new Map<number, number>());
    const collected = new Set<string>();
    for (const clause of parsed.clauses) {
      const fields = clause.fields.map((name) => FIELDS.indexOf(name as StoryField));
      const terms = clause.usePipeline ? SEARCH_PIPELINE.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (const term of terms) {
        clause.term = term;
        const expanded = stats.expand(clause);
        if (expanded.length === 0 && clause.presence === REQUIRED) {
          steps.push({ kind: 'nothing-required', fields });
          break;
        }
        for (const match of expanded) {
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

/** A story that matched, before its terms are assembled. */
export interface Candidate {
  run: SegmentRun;
  doc: number;
  score: number;
  step: number;
  ord: number;
}

/** One segment's answer to a plan: what `matchedTerms` needs to describe its hits later. */
export interface SegmentRun {
  segment: Segment;
  plan: QueryPlan;
  /** Per field: 1 + the step at which a story first matched in that field (0: never). */
  fieldSteps: Int32Array[];
}

/**
 * Every live story of `segment` that matches the plan, scored, offered to `out`. Three linear passes over the postings the query touches, with
 * typed arrays rather than objects per story:
 *  1. in step order: where each story first matched (Lunr's order for ties), and
 *     required / prohibited terms;
 *  2. per field, in term-number order: the dot products, added in Lunr's order;
 *  3. the scores, fields added in the order they first matched.
 */
export function runQuery(plan: QueryPlan, segment: Segment, out: Ranking): SegmentRun {
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

  const dots = FIELDS.map((_, field) => fieldDots(plan, segment, field, scratch.dots[field]!));
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
function fieldDots(plan: QueryPlan, segment: Segment, field: number, dots: Float64Array): Float64Array | null {
  const terms = plan.byNumber[field]!;
  if (terms.length === 0) return null;
  const { offsets, docs, tfs, lengths, deleted } = segment;
  dots.fill(0);
  const averageLength = plan.averageLengths[field]!;
  for (const { term, idf, boost } of terms) {
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

/** The fields in which a story matched, in the order it first matched in them. */
function fieldOrder(fieldSteps: Int32Array[], doc: number): number[] {
  const fields: number[] = [];
  for (let field = 0; field < FIELD_COUNT; field++) if (fieldSteps[field]![doc]! > 0) fields.push(field);
  return fields.length > 1 ? fields.sort((a, b) => fieldSteps[a]![doc]! - fieldSteps[b]![doc]!) : fields;
}

/**
 * Per-story working arrays of a segment, reused by every query (a query runs to
 * the end before the next starts): allocating megabytes per query at 100k
 * stories would keep the garbage collector busy.
 */
interface Scratch {
  fieldSteps: Int32Array[];
  firstStep: Int32Array;
  requiredHits: Int32Array;
  prohibited: Uint8Array;
  dots: Float64Array[];
  slots: Int32Array;
}

const scratches = new WeakMap<Segment, Scratch>();

function scratchOf(segment: Segment): Scratch {
  let scratch = scratches.get(segment);
  if (!scratch) {
    const n = segment.ids.length;
    scratch = {
      fieldSteps: FIELDS.map(() => new Int32Array(n)),
      firstStep: new Int32Array(n),
      requiredHits: new Int32Array(n),
      prohibited: new Uint8Array(n),
      dots: FIELDS.map(() => new Float64Array(n)),
      slots: new Int32Array(n),
    };
    scratches.set(segment, scratch);
  }
  return scratch;
}

/** Lunr's order: best score first, then the story that matched first. */
export function compareRanked(a: { score: number; step: number; ord: number }, b: { score: number; step: number; ord: number }): number {
  return b.score - a.score || a.step - b.step || a.ord - b.ord;
}

/**
 * Collects the best `limit` matches (all when null) in a heap whose root is the
 * worst kept one, so a query matching most of the library allocates nothing
 * for the stories that do not make the cut. `total` counts every match.
 */
export class Ranking {
  total = 0;
  private readonly kept: Candidate[] = [];

  constructor(
    private readonly limit: number | null,
    private readonly wanted: ReadonlySet<string> | null = null,
  ) {}

  offer(run: SegmentRun, doc: number, score: number, step: number, ord: number): void {
    this.total++;
    if (this.wanted && !this.wanted.has(run.segment.ids[doc]!)) return;
    const kept = this.kept;
    if (this.limit === null) {
      kept.push({ run, doc, score, step, ord });
      return;
    }
    if (this.limit <= 0) return;
    if (kept.length < this.limit) {
      kept.push({ run, doc, score, step, ord });
      this.up(kept.length - 1);
      return;
    }
    const worst = kept[0]!;
    // Better than the worst kept one (same test as compareRanked(candidate, worst) < 0)?
    if (score > worst.score || (score === worst.score && (step < worst.step || (step === worst.step && ord < worst.ord)))) {
      kept[0] = { run, doc, score, step, ord };
      this.down(0);
    }
  }

  /** The kept matches, best first, as hits with their matched terms. */
  hits(): RankedHit[] {
    const top = this.kept.sort(compareRanked);
    const runs = new Map<SegmentRun, number[]>();
    for (const candidate of top) {
      const docs = runs.get(candidate.run);
      if (docs) docs.push(candidate.doc);
      else runs.set(candidate.run, [candidate.doc]);
    }
    const terms = new Map<SegmentRun, Map<number, RankedHit['terms']>>();
    for (const [run, docs] of runs) terms.set(run, matchedTerms(run, docs));
    return top.map((candidate) => ({
      id: candidate.run.segment.ids[candidate.doc]!,
      score: candidate.score,
      terms: terms.get(candidate.run)!.get(candidate.doc) ?? {},
      step: candidate.step,
      ord: candidate.ord,
    }));
  }

  private up(i: number): void {
    const kept = this.kept;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const item = kept[i]!;
      if (compareRanked(kept[parent]!, item) >= 0) return;
      kept[i] = kept[parent]!;
      kept[parent] = item;
      i = parent;
    }
  }

  private down(i: number): void {
    const kept = this.kept;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= kept.length) return;
      let worse = left;
      if (left + 1 < kept.length && compareRanked(kept[left + 1]!, kept[left]!) > 0) worse = left + 1;
      const item = kept[i]!;
      if (compareRanked(kept[worse]!, item) <= 0) return;
      kept[i] = kept[worse]!;
      kept[worse] = item;
      i = worse;
    }
  }
}

/**
 * The matched terms per field of some stories, in the order lunr.MatchData would
 * list them: fields in the order they first matched, terms in the order each
 * first matched, integer-like terms first (they are object keys there).
 */
function matchedTerms(run: SegmentRun, wanted: number[]): Map<number, RankedHit['terms']> {
  const { segment, plan, fieldSteps } = run;
  const result = new Map<number, RankedHit['terms']>();
  if (plan.negated || wanted.length === 0) {
    for (const doc of wanted) result.set(doc, {});
    return result;
  }
  const slot = scratchOf(segment).slots.fill(0);
  wanted.forEach((doc, i) => (slot[doc] = i + 1));
  const found = wanted.map(() => FIELDS.map(() => [] as string[]));
  const { offsets, docs } = segment;
  for (const s of plan.steps) {
    if (s.kind !== 'match' || !s.collect) continue;
    const t = segment.termId(s.term);
    if (t === undefined) continue;
    const pair = t * FIELD_COUNT + s.field;
    for (let p = offsets[pair]!; p < offsets[pair + 1]!; p++) {
      const i = slot[docs[p]!]!;
      if (i > 0) found[i - 1]![s.field]!.push(s.term);
    }
  }
  wanted.forEach((doc, i) => {
    const byTerm = new Map<string, number[]>();
    for (const field of fieldOrder(fieldSteps, doc)) {
      for (const term of found[i]![field]!) {
        const fields = byTerm.get(term);
        if (!fields) byTerm.set(term, [field]);
        else fields.push(field);
      }
    }
    const ordered = [...byTerm.keys()];
    const numeric = ordered.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
    const keys = numeric.length > 0 ? [...numeric, ...ordered.filter((term) => !isArrayIndex(term))] : ordered;
    const terms: RankedHit['terms'] = {};
    for (const term of keys) for (const field of byTerm.get(term)!) (terms[FIELDS[field]!] ??= []).push(term);
    result.set(doc, terms);
  });
  return result;
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

const SEARCH_PIPELINE = new L.Pipeline();
SEARCH_PIPELINE.add(L.stemmer);

/**
 * Same words as SearchIndex (search-index.ts) uses, so both indexes speak alike;
 * copied rather than imported to keep the worker bundle free of main-process code.
 */
export function describeQueryError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const field = /^unrecognised field '([^']*)'/.exec(message);
  if (field) return `Ponder: unknown field "${field[1]}" — search summary:, reflection: or question:.`;
  return `Ponder: cannot search for that: ${message}.`;
}
