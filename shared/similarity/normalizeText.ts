const COMBINING_MARKS = /\p{M}+/gu
/** "99.9", "99,9" and "5,000" / "5.000" each become one token, whichever locale typed them. */
const DIGIT_SEPARATOR = /(\d)[.,'’](?=\d)/g
const NON_WORD = /[^\p{L}\p{N}]+/gu

/**
 * Folds case, accents and punctuation so that "Reducir la Rotación!" and "reducir la rotacion"
 * read the same: NFKD then drop combining marks (so "ñ" becomes "n", "é" becomes "e"), lower-case,
 * join digit groups, and turn every run of non-letters/non-digits into one space.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(DIGIT_SEPARATOR, '$1').replace(NON_WORD, ' ').trim()
}
