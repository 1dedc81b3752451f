// The benchmark's fixed query mix over generated libraries (bench/generate.ts):
// single words from common to rare, several words, field-scoped words, prefixes
// (short ones included: they expand to many terms) and fuzzy terms.

export const QUERY_MIX: readonly string[] = [
  // single words
  'government',
  'troops',
  'ukraine',
  'kursk',
  'tariffs',
  'wildfire',
  'vaccine',
  'pipeline',
  'nvidia',
  'zelenskiy',
  // several words
  'russia ukraine',
  'trade tariffs china',
  'climate drought farmers',
  'election opposition coalition',
  'artificial intelligence chips',
  'peace talks ceasefire',
  // field-scoped and required / prohibited
  'question:stability',
  'reflection:fragile',
  'summary:sanctions iran',
  '+drone +attack',
  'oil -gas',
  // prefixes
  'int*',
  'pro*',
  'sanc*',
  'dipl*',
  'cl*',
  // fuzzy
  'goverment~1',
  'tarifs~1',
  'ukrane~1',
  'electon~1',
];
