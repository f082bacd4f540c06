/**
 * Numbers written as words or with a magnitude read as digits, so "five account executives" and
 * "5 AEs", "$10M ARR" and "10 millones de ARR" share the number. Works on folded words.
 */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  // Roman numerals as phases and tiers are written ("phase II"); "iv" and above are too often other words.
  ii: 2,
  iii: 3,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  docena: 12,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  cien: 100,
  cientos: 100,
}

/** Words after a number that multiply it: "10 million", "5 mil" (Spanish thousand), "3 billion". */
const MAGNITUDE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  mil: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  millon: 1e6,
  millones: 1e6,
  m: 1e6,
  mm: 1e6,
  billion: 1e9,
  b: 1e9,
  bn: 1e9,
}

/** "10m", "2k", "1.5bn" typed as one token (normalizeText already joined "1.5" into "15": only plain digits here). */
const NUMBER_WITH_SUFFIX = /^(\d+)(k|m|mm|b|bn)$/
/** "2x", "3x": a multiple, as in "grow revenue 2x". */
const MULTIPLE = /^(\d+)x$/
const DIGITS = /^\d+$/
/** "v5": a version number, as "version 5" reads. */
const VERSION = /^v(\d+)$/
/** A magnitude said without a number: "mil coches", "a million users". Single letters never stand alone. */
const BARE_MAGNITUDES = new Set(['thousand', 'mil', 'million', 'millon'])
/** "medio millón", "half a million". */
const HALF_WORDS = new Set(['medio', 'half'])

/**
 * Replaces number words and magnitudes by digits. "once" (Spanish 11) and "una" are only read as
 * numbers next to a digit-free context would be guesswork, so they stay words unless a magnitude
 * follows ("una docena" is rare enough to ignore). "2x" becomes "double".
 */
export function canonicalNumbers(words: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const next = words[i + 1]
    const multiple = MULTIPLE.exec(word)
    if (multiple) {
      out.push(multiple[1] === '2' ? 'double' : (multiple[1] as string))
      continue
    }
    const version = VERSION.exec(word)
    if (version) {
      out.push('version', version[1] as string)
      continue
    }
    const half = HALF_WORDS.has(word) ? (next === 'a' ? words[i + 2] : next) : undefined
    if (half !== undefined && BARE_MAGNITUDES.has(half)) {
      out.push(String((MAGNITUDE_WORDS[half] as number) / 2))
      i += next === 'a' ? 2 : 1
      continue
    }
    if (BARE_MAGNITUDES.has(word)) {
      out.push(String(MAGNITUDE_WORDS[word] as number))
      continue
    }
    const suffixed = NUMBER_WITH_SUFFIX.exec(word)
    if (suffixed) {
      out.push(String(Number(suffixed[1]) * (MAGNITUDE_WORDS[suffixed[2] as string] as number)))
      continue
    }
    const isDigits = DIGITS.test(word)
    const spelled = word === 'once' || word === 'una' || word === 'uno' ? undefined : NUMBER_WORDS[word]
    const value = isDigits ? Number(word) : spelled
    if (value === undefined) {
      out.push(word)
      continue
    }
    const magnitude = next === undefined ? undefined : MAGNITUDE_WORDS[next]
    if (magnitude !== undefined) {
      out.push(String(value * magnitude))
      i++
      continue
    }
    out.push(isDigits ? word : String(value))
  }
  return out
}
