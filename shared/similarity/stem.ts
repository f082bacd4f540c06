import { stemmer as englishStemmer } from '@orama/stemmers/english'
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish'
import { ENGLISH_STOP_WORDS, SPANISH_STOP_WORDS } from './stopWords.ts'

export type Language = 'en' | 'es'

/** Words ending like these are almost surely Spanish even when typed without accents. */
const SPANISH_ENDINGS = /(cion|ciones|sion|siones|dad|dades|mente|ar|ir|os|as)$/
const ENGLISH_ENDINGS = /(tion|tions|ing|ness|ship|ity|ment|ments|ed|ly)$/

/**
 * Which stemmer to use for a whole submission. Function words decide first ("de", "la", "los"
 * versus "the", "of", "our"); typical endings break a tie ("ingresos" versus "hiring"). A mixed
 * "Reducir el churn de clientes" is Spanish; a tie with no evidence is English.
 */
export function guessLanguage(words: readonly string[]): Language {
  let score = 0
  for (const w of words) {
    const isEnglishStop = ENGLISH_STOP_WORDS.has(w)
    const isSpanishStop = SPANISH_STOP_WORDS.has(w)
    if (isSpanishStop && !isEnglishStop) score += 2
    else if (isEnglishStop && !isSpanishStop) score -= 2
    else if (!isEnglishStop && !isSpanishStop && w.length > 3) {
      if (ENGLISH_ENDINGS.test(w)) score -= 1
      else if (SPANISH_ENDINGS.test(w)) score += 1
    }
  }
  return score > 0 ? 'es' : 'en'
}

// Memoised because the Porter stemmer builds regular expressions on every call (~1 µs a word),
// and a meeting's vocabulary is a few thousand words. Cleared rather than grown without bound.
const MAX_CACHED_STEMS = 50_000
const cache: Record<Language, Map<string, string>> = { en: new Map(), es: new Map() }

/** Short words are mostly acronyms ("nps", "cac", "sla"); Porter would turn "nps" into "np". */
const MAX_UNSTEMMED_LENGTH = 3
/** Spanish plurals end in a vowel + s or in -es; "tickets", "dashboards" are English loanwords. */
const LOANWORD_PLURAL = /[^aeious]s$/

/**
 * Snowball-style stem of a folded, lower-case word. Spanish suffix rules are written with accents
 * ("-ción"), so the accent of "-cion" / "-sion" endings is put back first: "contratacion" and
 * "contratación" then both become "contrat", like "contratar". English plurals inside Spanish text
 * lose their "s" as they would in English ("los tickets" → "ticket").
 */
export function stemWord(word: string, language: Language): string {
  const memo = cache[language]
  const hit = memo.get(word)
  if (hit !== undefined) return hit
  let stem: string
  if (word.length <= MAX_UNSTEMMED_LENGTH) {
    stem = word
  } else if (language === 'es') {
    const singular = LOANWORD_PLURAL.test(word) ? word.slice(0, -1) : word
    const accented = singular.replace(/([cs])ion$/, '$1ión')
    stem = spanishStemmer(accented)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
  } else {
    stem = englishStemmer(word)
  }
  if (memo.size >= MAX_CACHED_STEMS) memo.clear()
  memo.set(word, stem)
  return stem
}
