// The parts of Lunr 2.3.9 the segmented index reuses as they are, typed here
// because @types/lunr declares some of them wrongly (static methods as instance
// methods) or not at all (QueryParser). Using Lunr's own code for tokenising,
// the pipeline, query parsing and term expansion is what keeps the segmented
// index's results identical to one plain Lunr index.

import { createRequire } from 'node:module';
import type lunr from 'lunr';

export interface LunrClause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  wildcard: number;
  presence: number;
  editDistance?: number;
}

export interface LunrQuery {
  clauses: LunrClause[];
  allFields: string[];
  isNegated(): boolean;
}

export interface LunrTokenSet {
  final: boolean;
  edges: Record<string, LunrTokenSet>;
  intersect(other: LunrTokenSet): LunrTokenSet;
  toArray(): string[];
}

export interface LunrPipeline {
  add(...functions: lunr.PipelineFunction[]): void;
  run(tokens: lunr.Token[]): lunr.Token[];
  runString(text: string, metadata?: object): string[];
}

interface LunrInternals {
  Query: { new (allFields: string[]): LunrQuery; presence: { OPTIONAL: number; REQUIRED: number; PROHIBITED: number } };
  QueryParser: new (query: string, into: LunrQuery) => { parse(): void };
  TokenSet: { fromArray(sorted: string[]): LunrTokenSet; fromString(pattern: string): LunrTokenSet; fromClause(clause: LunrClause): LunrTokenSet };
  Pipeline: new () => LunrPipeline;
  Token: typeof lunr.Token;
  tokenizer: { separator: RegExp };
  trimmer: lunr.PipelineFunction;
  stopWordFilter: lunr.PipelineFunction;
  stemmer: lunr.PipelineFunction;
}

// Loaded with require() rather than `import lunr from 'lunr'`: lunr stays an
// external CommonJS package, loaded the same way by the index worker, the main
// process and the CLI, with no bundler interop helper around it.
export const L = createRequire(__filename)('lunr') as LunrInternals;

/** Lunr's BM25 parameters (lunr.Builder defaults). */
export const K1 = 1.2;
export const B = 0.75;

/** Lunr's inverse document frequency (lunr.idf), from the number of (document, field) pairs holding the term. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * The weight Lunr stores in a field vector for a term (lunr.Builder#createFieldVectors),
 * with the same operations in the same order, so the result is bit-for-bit the same.
 */
export function lunrWeight(idf: number, tf: number, fieldLength: number, averageFieldLength: number): number {
  const score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / averageFieldLength)) + tf);
  return Math.round(score * 1000) / 1000;
}
