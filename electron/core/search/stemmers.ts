// Stemming by script. Latin-script words get Lunr's English (Porter) stemmer,
// as a plain Lunr index does; Cyrillic words get the Russian Snowball stemmer
// of lunr-languages, and Ukrainian forms a small rule on top (lunr-languages
// has no Ukrainian stemmer, and the Russian one does not know і, ї, є); words
// of any other script are left as they are (folded case only), never mangled
// by a stemmer written for another language.

import { createRequire } from 'node:module';
import { L } from './lunr-internals';
import { isAscii } from './text-fold';

type StringStemmer = (word: string) => string;

/**
 * lunr-languages registers its stemmers on the lunr object it is given. It is
 * given a stand-in holding only what it uses, so the shared lunr module is left
 * as it is (no global side effects, no patched query parser).
 */
function loadRussian(): StringStemmer {
  const host: Record<string, unknown> = {
    Pipeline: { registerFunction: () => undefined },
    generateStopWordFilter: (L as unknown as { generateStopWordFilter: unknown }).generateStopWordFilter,
  };
  // Each written as createRequire(__filename)('…'), as lunr-internals.ts loads lunr: the
  // package stays external, and the packaging test finds what the bundle loads.
  (createRequire(__filename)('lunr-languages/lunr.stemmer.support.js') as (lunr: unknown) => void)(host);
  (createRequire(__filename)('lunr-languages/lunr.ru.js') as (lunr: unknown) => void)(host);
  // Given a string rather than a lunr.Token, the stemmer returns the stemmed string.
  return (host.ru as { stemmer: StringStemmer }).stemmer;
}

/** Loaded on the first Cyrillic word (~30 ms), so other libraries and every worker's start do not pay for it. */
let russian: StringStemmer | null = null;
const english = (word: string): string => String(L.stemmer(new L.Token(word, {}), 0, []));

const CYRILLIC = /\p{Script=Cyrillic}/u;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;
/** Letters only Ukrainian (of the languages written in Cyrillic that Ponder stems) uses. */
const UKRAINIAN = /[іїєґ]/u;
/** Ukrainian case endings the rule strips, longest first. */
const UKRAINIAN_ENDINGS = ['ами', 'ями', 'ою', 'ею', 'ом', 'ем', 'ах', 'ях', 'ам', 'ям', 'і', 'ї', 'а', 'я', 'у', 'ю', 'о', 'е', 'и'];

/** The stem of a folded, trimmed word, by its script. */
export function stemWord(word: string): string {
  if (isAscii(word)) return english(word);
  if (CYRILLIC.test(word)) return stemCyrillic(word);
  return NON_LATIN_LETTER.test(word) ? word : english(word);
}

/**
 * Russian Snowball, and for Ukrainian words (or forms that need it) a rule: one
 * case ending stripped, then the alternating vowel of the stem's last syllable
 * put back (Харків / Харкова / Харкові → харков, Київ / Києва → києв).
 */
function stemCyrillic(word: string): string {
  russian ??= loadRussian();
  const stem = UKRAINIAN.test(word) ? stripUkrainianEnding(word) : russian(word);
  if (stem.endsWith('ів')) return `${stem.slice(0, -2)}ов`;
  if (stem.endsWith('їв')) return `${stem.slice(0, -2)}єв`;
  return stem;
}

function stripUkrainianEnding(word: string): string {
  for (const ending of UKRAINIAN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}
