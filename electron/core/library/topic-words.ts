// The word lists of the topic finder (topics.ts), kept as data in
// topic-words.json and turned into the sets the scanner looks words up in.
// Lists are lower case; the lookups that run per word use capitalised copies,
// so a word need not be lower-cased to be looked up.

import words from './topic-words.json';

/** Lower-case words that may join capitalised words inside a name ("Bank of England"). */
export const JOINERS: ReadonlySet<string> = new Set(words.joiners);

/** Lower-case prefixes that make a hyphenated word a name ("al-Assad"). */
export const PARTICLES: ReadonlySet<string> = new Set(words.particles);

/** Compass and position words: never folded across ("North Korea" keeps "Korea" apart). */
export const COMPASS: ReadonlySet<string> = new Set(words.compass);

/** Nationality and religion adjectives (and their plurals): not topics by themselves. */
export const NATIONALITIES: ReadonlySet<string> = new Set(words.nationalities);

/** Other spellings of one name (dots already dropped) → the key they share ("United States" → "US"). */
export const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(words.aliases));

/**
 * Words that end a run of capitalised words and are never names, as they appear
 * capitalised ("The", "President"): stop words (sentence starters, days, months) and
 * titles, which is how "President Donald Trump" gives "Donald Trump".
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([...words.stopWords, ...words.titles].map(titleCase));

/** Nationality and compass words as they appear capitalised, with plurals ("Russian", "Russians", "North", "NORTH"). */
export const ADJECTIVES: ReadonlySet<string> = new Set(
  [...NATIONALITIES, ...[...NATIONALITIES].map((w) => `${w}s`), ...COMPASS].flatMap((w) => [titleCase(w), w.toUpperCase()]),
);

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
