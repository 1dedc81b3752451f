// The word lists of the topic finder (topics.ts), kept as data in
// topic-words.json and topic-places.json and turned into the sets and maps the
// scanner and the rules look words up in. Lists are lower case; the lookups
// that run per word use capitalised copies, so a word need not be lower-cased
// to be looked up.

import words from './topic-words.json';
import places from './topic-places.json';

/** Lower-case words that may join capitalised words inside a name ("Bank of England"). */
export const JOINERS: ReadonlySet<string> = new Set(words.joiners);

/** Lower-case prefixes that make a hyphenated word a name ("al-Assad"). */
export const PARTICLES: ReadonlySet<string> = new Set(words.particles);

/** Compass and position words: never folded across ("North Korea" keeps "Korea" apart). */
export const COMPASS: ReadonlySet<string> = new Set(words.compass);

/**
 * Lower-case phrases that end a name when they follow it ("Zaporizhzhia nuclear power plant"),
 * longest first, by their first word.
 */
export const TAILS: ReadonlyMap<string, readonly string[]> = groupBy(
  [...words.tails].sort((a, b) => b.length - a.length),
  (tail) => tail.split(' ')[0]!,
);

/** Demonym as written, singular or plural ("Ukrainian", "Ukrainians", "North Korean") → its place ("Ukraine"). */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(places.demonyms).flatMap(([place, list]) => list.flatMap((d) => [[d, place] as const, [`${d}s`, place] as const])),
);

/** Other spellings of a name, dots dropped ("United States", "USA") → the key they share ("US"). */
export const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(places.aliases).flatMap(([key, list]) => [[key, key] as const, ...list.map((alias) => [alias, key] as const)]),
);

/** Names known without evidence from the text, so they count at the start of a sentence ("Turkey has…"). */
export const KNOWN: ReadonlySet<string> = new Set([...DEMONYMS.keys(), ...DEMONYMS.values(), ...ALIASES.keys()]);

/** Nationality and religion adjectives without a place of their own (and their plurals): never topics. */
export const NATIONALITIES: ReadonlySet<string> = new Set(words.nationalities);

/**
 * Words that end a run of capitalised words and are never names, as they appear
 * capitalised ("The", "President"): stop words (sentence starters, days, months, generic
 * nouns such as "Officials") and titles, which is how "President Donald Trump" gives "Donald Trump".
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([...words.stopWords, ...words.titles].map(titleCase));

/**
 * Nationality, demonym and compass words as they appear capitalised, with plurals ("Russian",
 * "Russians", "North", "NORTH"): a run made only of them is an adjective, not a name of its own.
 */
export const ADJECTIVES: ReadonlySet<string> = new Set(
  [
    ...NATIONALITIES,
    ...[...NATIONALITIES].map((w) => `${w}s`),
    ...COMPASS,
    ...[...DEMONYMS.keys()].filter((d) => !d.includes(' ')).map((d) => d.toLowerCase()),
  ].flatMap((w) => [titleCase(w), w.toUpperCase()]),
);

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function groupBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = map.get(key);
    if (group) group.push(item);
    else map.set(key, [item]);
  }
  return map;
}
