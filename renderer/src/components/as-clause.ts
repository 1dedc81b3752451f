/**
 * A message from main ("Ponder: could not save …: disk full.") as a clause to set
 * inside one of our own sentences: without the app's prefix or closing punctuation.
 */
export function asClause(message: string): string {
  return message
    .replace(/^Ponder:\s*/, '')
    .trim()
    .replace(/[\s.:;,]+$/, '');
}
