// One segment of the index: an immutable, compact inverted index over a set of
// stories, plus tombstones for stories that left.
//
// Unlike a lunr.Index, a segment stores no precomputed term weights: it keeps
// each term's postings (story, term frequency) per field and each story's field
// lengths. Weights are computed at query time from the corpus-wide statistics
// (global-stats.ts) with Lunr's own formula, so a segment never has to be
// rebuilt when other segments change the statistics, and splitting the corpus
// into segments does not change a single score.
//
// Layout: terms get local ids in the order they first appear; the postings of
// (term t, field f) are `docs`/`tfs` between `offsets[t * 3 + f]` and
// `offsets[t * 3 + f + 1]`, in story order.

import type { OrderedStory, PackedStats } from './protocol';
import type { TermPipeline } from './tokens';
import { FIELD_COUNT, FIELDS, forEachToken, STOP_WORD_FIELD } from './tokens';

export interface SegmentParts {
  ids: string[];
  ords: Float64Array;
  /** Field lengths in index terms: story d, field f at `d * 3 + f`. */
  lengths: Int32Array;
  /** 1 where the story has been removed. */
  deleted: Uint8Array;
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint8Array | Int32Array;
}

export class Segment {
  readonly ids: string[];
  readonly ords: Float64Array;
  readonly lengths: Int32Array;
  readonly deleted: Uint8Array;
  readonly terms: string[];
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly tfs: Uint8Array | Int32Array;
  private liveCount: number;
  private termIds: Map<string, number> | null = null;
  private docIds: Map<string, number> | null = null;

  constructor(parts: SegmentParts) {
    this.ids = parts.ids;
    this.ords = parts.ords;
    this.lengths = parts.lengths;
    this.deleted = parts.deleted;
    this.terms = parts.terms;
    this.offsets = parts.offsets;
    this.docs = parts.docs;
    this.tfs = parts.tfs;
    let deleted = 0;
    for (const flag of parts.deleted) deleted += flag;
    this.liveCount = parts.ids.length - deleted;
  }

  /** Stories in the segment that have not been removed. */
  get live(): number {
    return this.liveCount;
  }

  get removedCount(): number {
    return this.ids.length - this.liveCount;
  }

  /** Local id of a term, or undefined when no story here has it. */
  termId(term: string): number | undefined {
    if (!this.termIds) {
      this.termIds = new Map();
      for (let t = 0; t < this.terms.length; t++) this.termIds.set(this.terms[t]!, t);
    }
    return this.termIds.get(term);
  }

  /** Local number of a live story, or undefined. */
  docOf(id: string): number | undefined {
    if (!this.docIds) {
      this.docIds = new Map();
      for (let d = 0; d < this.ids.length; d++) this.docIds.set(this.ids[d]!, d);
    }
    const doc = this.docIds.get(id);
    return doc !== undefined && this.deleted[doc] === 0 ? doc : undefined;
  }

  /** Statistics of the live stories, to add to the corpus-wide ones. */
  stats(): PackedStats {
    const counts = new Int32Array(this.terms.length);
    const { offsets, docs, deleted } = this;
    const anyDeleted = this.liveCount < this.ids.length;
    for (let pair = 0; pair < offsets.length - 1; pair++) {
      const t = (pair / FIELD_COUNT) | 0;
      if (!anyDeleted) {
        counts[t]! += offsets[pair + 1]! - offsets[pair]!;
        continue;
      }
      for (let p = offsets[pair]!; p < offsets[pair + 1]!; p++) if (deleted[docs[p]!] === 0) counts[t]!++;
    }
    const lengths = new Array<number>(FIELD_COUNT).fill(0);
    for (let d = 0; d < this.ids.length; d++) {
      if (deleted[d] === 1) continue;
      for (let f = 0; f < FIELD_COUNT; f++) lengths[f]! += this.lengths[d * FIELD_COUNT + f]!;
    }
    return packStats(this.terms, counts, this.liveCount, lengths);
  }

  /**
   * Mark the stories with these ids as removed. Returns the statistics of what
   * was removed (null when none of them is here).
   */
  remove(ids: Iterable<string>): PackedStats | null {
    const removed: number[] = [];
    for (const id of ids) {
      const doc = this.docOf(id);
      if (doc !== undefined) removed.push(doc);
    }
    if (removed.length === 0) return null;
    removed.sort((a, b) => a - b);
    const set = new Set(removed);
    const first = removed[0]!;
    const last = removed[removed.length - 1]!;
    const counts = new Int32Array(this.terms.length);
    const { offsets, docs } = this;
    for (let pair = 0; pair < offsets.length - 1; pair++) {
      // Postings are in story order: jump to the first one that may be removed.
      let p = lowerBound(docs, offsets[pair]!, offsets[pair + 1]!, first);
      for (; p < offsets[pair + 1]! && docs[p]! <= last; p++) {
        if (set.has(docs[p]!)) counts[(pair / FIELD_COUNT) | 0]!++;
      }
    }
    const lengths = new Array<number>(FIELD_COUNT).fill(0);
    for (const d of removed) {
      this.deleted[d] = 1;
      for (let f = 0; f < FIELD_COUNT; f++) lengths[f]! += this.lengths[d * FIELD_COUNT + f]!;
    }
    this.liveCount -= removed.length;
    return packStats(this.terms, counts, removed.length, lengths);
  }

  /** One segment holding the live stories of `segments`, in order, without tombstones. */
  static merge(segments: readonly Segment[]): Segment {
    const terms: string[] = [];
    const termIds = new Map<string, number>();
    const ids: string[] = [];
    const ords: number[] = [];
    const lengths: number[] = [];
    const remaps: Int32Array[] = [];
    const termMaps: Int32Array[] = [];
    for (const segment of segments) {
      const remap = new Int32Array(segment.ids.length).fill(-1);
      for (let d = 0; d < segment.ids.length; d++) {
        if (segment.deleted[d] === 1) continue;
        remap[d] = ids.length;
        ids.push(segment.ids[d]!);
        ords.push(segment.ords[d]!);
        for (let f = 0; f < FIELD_COUNT; f++) lengths.push(segment.lengths[d * FIELD_COUNT + f]!);
      }
      remaps.push(remap);
      const termMap = new Int32Array(segment.terms.length);
      segment.terms.forEach((term, t) => {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
        }
        termMap[t] = id;
      });
      termMaps.push(termMap);
    }
    const pairCount = terms.length * FIELD_COUNT;
    const sizes = new Int32Array(pairCount + 1);
    let maxTf = 0;
    segments.forEach((segment, s) => {
      const { offsets, docs, tfs } = segment;
      for (let pair = 0; pair < offsets.length - 1; pair++) {
        const target = termMaps[s]![(pair / FIELD_COUNT) | 0]! * FIELD_COUNT + (pair % FIELD_COUNT);
        for (let p = offsets[pair]!; p < offsets[pair + 1]!; p++) {
          if (remaps[s]![docs[p]!]! < 0) continue;
          sizes[target + 1]!++;
          if (tfs[p]! > maxTf) maxTf = tfs[p]!;
        }
      }
    });
    const offsets = new Int32Array(pairCount + 1);
    for (let pair = 0; pair < pairCount; pair++) offsets[pair + 1] = offsets[pair]! + sizes[pair + 1]!;
    const total = offsets[pairCount]!;
    const docs = new Int32Array(total);
    const tfs = maxTf < 256 ? new Uint8Array(total) : new Int32Array(total);
    const fill = offsets.slice(0, pairCount);
    // Segments are merged in order, and each one's stories come after the previous
    // one's, so appending keeps every posting list in story order.
    segments.forEach((segment, s) => {
      const { offsets: from, docs: fromDocs, tfs: fromTfs } = segment;
      for (let pair = 0; pair < from.length - 1; pair++) {
        const target = termMaps[s]![(pair / FIELD_COUNT) | 0]! * FIELD_COUNT + (pair % FIELD_COUNT);
        for (let p = from[pair]!; p < from[pair + 1]!; p++) {
          const doc = remaps[s]![fromDocs[p]!]!;
          if (doc < 0) continue;
          const at = fill[target]!++;
          docs[at] = doc;
          tfs[at] = fromTfs[p]!;
        }
      }
    });
    return new Segment({
      ids,
      ords: Float64Array.from(ords),
      lengths: Int32Array.from(lengths),
      deleted: new Uint8Array(ids.length),
      terms,
      offsets,
      docs,
      tfs,
    });
  }
}

/** Builds a segment from stories added one at a time, in library order. */
export class SegmentBuilder {
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /**
   * Token → term id, -1 for a token with no word in it, or -2 - id for a stop
   * word (counted in the question field only): one look-up per token once the
   * vocabulary is known.
   */
  private readonly tokenIds = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly ords: number[] = [];
  private readonly lengths = new IntBuffer();
  /** (pair, doc, tf) triples, in story order. */
  private readonly log = new IntBuffer();
  private tf = new Int32Array(1024);
  private readonly counted: number[] = [];
  private fieldLength = 0;
  private field = 0;
  private maxTf = 0;
  private readonly count = (token: string): void => {
    let id = this.tokenIds.get(token);
    if (id === undefined) id = this.learn(token);
    if (id < 0) {
      if (id === -1 || this.field !== STOP_WORD_FIELD) return;
      id = -2 - id;
    }
    this.fieldLength++;
    if (this.tf[id]!++ === 0) this.counted.push(id);
  };

  constructor(private readonly pipeline: TermPipeline) {}

  get size(): number {
    return this.ids.length;
  }

  add(story: OrderedStory): void {
    const doc = this.ids.length;
    this.ids.push(story.id);
    this.ords.push(story.ord);
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLength = 0;
      this.field = f;
      forEachToken(story[FIELDS[f]!], this.count);
      this.lengths.push(this.fieldLength);
      for (const id of this.counted) {
        const tf = this.tf[id]!;
        this.log.push3(id * FIELD_COUNT + f, doc, tf);
        if (tf > this.maxTf) this.maxTf = tf;
        this.tf[id] = 0;
      }
      this.counted.length = 0;
    }
  }

  finish(): Segment {
    const pairCount = this.terms.length * FIELD_COUNT;
    const log = this.log.view();
    const offsets = new Int32Array(pairCount + 1);
    for (let i = 0; i < log.length; i += 3) offsets[log[i]! + 1]!++;
    for (let pair = 0; pair < pairCount; pair++) offsets[pair + 1]! += offsets[pair]!;
    const total = offsets[pairCount]!;
    const docs = new Int32Array(total);
    const tfs = this.maxTf < 256 ? new Uint8Array(total) : new Int32Array(total);
    const fill = offsets.slice(0, pairCount);
    for (let i = 0; i < log.length; i += 3) {
      const at = fill[log[i]!]!++;
      docs[at] = log[i + 1]!;
      tfs[at] = log[i + 2]!;
    }
    return new Segment({
      ids: this.ids,
      ords: Float64Array.from(this.ords),
      lengths: this.lengths.view().slice(),
      deleted: new Uint8Array(this.ids.length),
      terms: this.terms,
      offsets,
      docs,
      tfs,
    });
  }

  /** A token seen for the first time: run the pipeline, and number its term if it is new. */
  private learn(token: string): number {
    const found = this.pipeline.termOf(token);
    let id = -1;
    if (found) {
      const term = found.term;
      id = this.termIds.get(term) ?? -1;
      if (id < 0) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        if (id >= this.tf.length) {
          const grown = new Int32Array(this.tf.length * 2);
          grown.set(this.tf);
          this.tf = grown;
        }
      }
      if (found.stop) id = -2 - id;
    }
    if (this.tokenIds.size < TOKEN_MEMO_LIMIT) this.tokenIds.set(token, id);
    return id;
  }
}

/** Distinct tokens remembered per segment (bounds memory on odd corpora; beyond it, tokens are re-stemmed). */
const TOKEN_MEMO_LIMIT = 1_000_000;

export function packStats(terms: readonly string[], counts: Int32Array, docs: number, lengths: number[]): PackedStats {
  const kept: string[] = [];
  const keptCounts: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    if (counts[t]! === 0) continue;
    kept.push(terms[t]!);
    keptCounts.push(counts[t]!);
  }
  return { docs, lengths, terms: kept.join('\n'), termCount: kept.length, counts: Int32Array.from(keptCounts) };
}

/** The terms of packed statistics, in order. */
export function unpackTerms(stats: PackedStats): string[] {
  return stats.termCount === 0 ? [] : stats.terms.split('\n');
}

/** First position in `array[from, to)` whose value is ≥ `value` (the array is sorted there). */
function lowerBound(array: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A growable list of 32-bit integers. */
class IntBuffer {
  private data = new Int32Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length + 1 > this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) this.grow();
    const data = this.data;
    data[this.length] = a;
    data[this.length + 1] = b;
    data[this.length + 2] = c;
    this.length += 3;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const grown = new Int32Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }
}
