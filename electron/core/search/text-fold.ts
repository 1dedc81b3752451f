// Case and diacritic folding for index terms and queries alike, so "Sebastien"
// finds "Sébastien" and the other way round. Only marks on Latin letters are
// dropped: in Cyrillic й, ї and ё are letters of their own, distinct from и, і
// and е, and Greek or Arabic marks are left as they are. A few Latin letters
// whose stroke or ligature is not a combining mark are mapped by hand.

/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN_SPECIAL: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h' };

const LATIN = /\p{Script=Latin}/u;
const MARK = /\p{M}/u;
const SPECIAL = /[łøßæœđðþıŀħ]/u;

/**
 * `word` (already lower-cased) without the diacritics of its Latin letters, and
 * with ł, ø, ß, æ, œ, đ… spelt in plain letters. ASCII comes back as it is.
 */
export function foldWord(word: string): string {
  if (isAscii(word)) return word;
  const decomposed = word.normalize('NFD');
  let out = '';
  let afterLatin = false;
  for (const char of decomposed) {
    if (MARK.test(char)) {
      if (!afterLatin) out += char;
      continue;
    }
    afterLatin = char.charCodeAt(0) < 128 ? /[a-z]/i.test(char) : LATIN.test(char);
    out += SPECIAL.test(char) ? LATIN_SPECIAL[char]! : char;
  }
  return out.normalize('NFC');
}

/** True when every character of `text` is ASCII: the fast path of the pipeline. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
