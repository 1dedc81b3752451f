// Working memory of query.ts and ranking.ts, one set per segment.

import type { Segment } from './segment';
import { FIELDS } from './tokens';

/**
 * Per-story working arrays of a segment, reused by every query (a query runs to
 * the end before the next starts): allocating megabytes per query at 100k
 * stories would keep the garbage collector busy.
 */
export interface Scratch {
  fieldSteps: Int32Array[];
  firstStep: Int32Array;
  requiredHits: Int32Array;
  prohibited: Uint8Array;
  dots: Float64Array[];
  slots: Int32Array;
}

const scratches = new WeakMap<Segment, Scratch>();

export function scratchOf(segment: Segment): Scratch {
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
