// The best hits of a query over a shard's segments, in Lunr's order, and the
// matched terms of each, listed as lunr.MatchData would list them.

import type { RankedHit } from './protocol';
import type { SegmentRun } from './query-plan';
import { compareRanked, rankOrder } from './rank-order';
import { scratchOf } from './scratch';
import { FIELD_COUNT, FIELDS } from './tokens';

/** A story that matched, before its terms are assembled. */
export interface Candidate {
  run: SegmentRun;
  doc: number;
  score: number;
  step: number;
  ord: number;
}

/**
 * Collects the best `limit` matches (all when null) in a heap whose root is the
 * worst kept one, so a query matching most of the library allocates nothing
 * for the stories that do not make the cut. `total` counts every match among
 * the `wanted` stories (all stories when null), kept or not.
 */
export class Ranking {
  total = 0;
  private readonly kept: Candidate[] = [];

  constructor(
    private readonly limit: number | null,
    private readonly wanted: ReadonlySet<string> | null = null,
  ) {}

  offer(run: SegmentRun, doc: number, score: number, step: number, ord: number): void {
    if (this.wanted && !this.wanted.has(run.segment.ids[doc]!)) return;
    this.total++;
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
    // Better than the worst kept one? (Bare keys: no object for a candidate that does not make the cut.)
    if (rankOrder(score, step, ord, worst.score, worst.step, worst.ord) < 0) {
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

/** The fields in which a story matched, in the order it first matched in them. */
function fieldOrder(fieldSteps: Int32Array[], doc: number): number[] {
  const fields: number[] = [];
  for (let field = 0; field < FIELD_COUNT; field++) if (fieldSteps[field]![doc]! > 0) fields.push(field);
  return fields.length > 1 ? fields.sort((a, b) => fieldSteps[a]![doc]! - fieldSteps[b]![doc]!) : fields;
}
