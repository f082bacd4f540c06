/**
 * Spanish words that share a Latin root with an English one differ mostly in their suffix:
 * "activación" / "activation", "diversidad" / "diversity", "automáticamente" / "automatically".
 * Rewriting the Spanish suffix into its English form before stemming lets the English stemmer give
 * both the same stem, so objectives match across languages without a table entry for every word.
 * Ordered longest suffix first; only words long enough to have a real root are rewritten.
 */
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['izaciones', 'izations'],
  ['izacion', 'ization'],
  ['aciones', 'ations'],
  ['acion', 'ation'],
  ['ciones', 'tions'],
  ['cion', 'tion'],
  ['siones', 'sions'],
  ['sion', 'sion'],
  ['idades', 'ities'],
  ['idad', 'ity'],
  ['dades', 'ties'],
  ['dad', 'ty'],
  ['amente', 'ally'],
  ['mente', 'ly'],
  ['encias', 'ences'],
  ['encia', 'ence'],
  ['ancias', 'ances'],
  ['ancia', 'ance'],
  ['ismos', 'isms'],
  ['ismo', 'ism'],
  ['istas', 'ists'],
  ['ista', 'ist'],
  ['ivos', 'ive'],
  ['ivas', 'ive'],
  ['ivo', 'ive'],
  ['iva', 'ive'],
  ['osos', 'ous'],
  ['osas', 'ous'],
  ['oso', 'ous'],
  ['osa', 'ous'],
  ['izar', 'ize'],
  ['ificar', 'ify'],
  ['icos', 'ic'],
  ['icas', 'ic'],
  ['ico', 'ic'],
  ['ica', 'ic'],
  ['arios', 'ary'],
  ['ario', 'ary'],
  ['aria', 'ary'],
]

const MIN_ROOT_LENGTH = 4

/** The English-looking form of a folded Spanish word, or undefined when no cognate suffix applies. */
export function englishCognate(word: string): string | undefined {
  for (const [es, en] of SUFFIXES) {
    if (word.length - es.length >= MIN_ROOT_LENGTH && word.endsWith(es)) return word.slice(0, -es.length) + en
  }
  return undefined
}
