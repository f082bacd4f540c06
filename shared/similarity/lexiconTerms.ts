import { normalizeText } from './normalizeText.ts'
import { stemWord } from './stem.ts'
import { ENGLISH_SYNONYM_PAIRS, SPANISH_ENGLISH_PAIRS } from './bilingualLexicon.ts'

interface Lexicon {
  /** Spanish folded word, then Spanish stem → English word. */
  spanishWords: Map<string, string>
  spanishStems: Map<string, string>
  /** English stem of a variant → its canonical English word. */
  englishCanonical: Map<string, string>
}

/** A multi-word English word ("sign up") is one term, the same in both languages. */
const joined = (english: string) => english.replace(/\s+/g, '')

function stemOfEnglish(english: string): string {
  return english.includes(' ') ? joined(english) : stemWord(english, 'en')
}

function build(): Lexicon {
  const spanishWords = new Map<string, string>()
  const spanishStems = new Map<string, string>()
  for (const [es, en] of SPANISH_ENGLISH_PAIRS) {
    const word = normalizeText(es)
    spanishWords.set(word, en)
    spanishStems.set(stemWord(word, 'es'), en)
  }
  const englishCanonical = new Map<string, string>()
  for (const [variant, canonical] of ENGLISH_SYNONYM_PAIRS) englishCanonical.set(stemWord(normalizeText(variant), 'en'), canonical)
  return { spanishWords, spanishStems, englishCanonical }
}

let lexicon: Lexicon | undefined
function theLexicon(): Lexicon {
  lexicon ??= build()
  return lexicon
}

/** The English word a Spanish word translates to, by the word itself only. */
export function englishOfExactly(word: string): string | undefined {
  return theLexicon().spanishWords.get(word)
}

/** The English word a Spanish word translates to, by the word itself or its stem. */
export function englishOf(word: string): string | undefined {
  const { spanishWords, spanishStems } = theLexicon()
  return spanishWords.get(word) ?? spanishStems.get(stemWord(word, 'es'))
}

/** The canonical word of an English word's synonym family ("attain" → "reach"), or the word itself. */
export function englishCanonical(english: string): string {
  return english.includes(' ') ? english : (theLexicon().englishCanonical.get(stemWord(english, 'en')) ?? english)
}

/**
 * The stem an English word (or an English translation) is compared by: its canonical synonym's stem
 * when the synonym table knows it, its own otherwise.
 */
export function englishTerm(english: string): string {
  return stemOfEnglish(englishCanonical(english))
}
