import { normalizeText } from './normalizeText.ts'
import { stemWord } from './stem.ts'
import { ENGLISH_SYNONYM_PAIRS, SPANISH_ENGLISH_PAIRS } from './bilingualLexicon.ts'

interface Lexicon {
  /** Spanish folded word, then Spanish stem → English word. */
  spanishWords: Map<string, string>
  spanishStems: Map<string, string>
  /** English stem of a variant → stem of its canonical word. */
  englishStems: Map<string, string>
}

/** A multi-word English translation ("sign up") is one term, the same in both languages. */
const joined = (english: string) => english.replace(/\s+/g, '')

function build(): Lexicon {
  const spanishWords = new Map<string, string>()
  const spanishStems = new Map<string, string>()
  for (const [es, en] of SPANISH_ENGLISH_PAIRS) {
    const word = normalizeText(es)
    spanishWords.set(word, en)
    spanishStems.set(stemWord(word, 'es'), en)
  }
  const englishStems = new Map<string, string>()
  for (const [variant, canonical] of ENGLISH_SYNONYM_PAIRS) {
    englishStems.set(stemWord(normalizeText(variant), 'en'), stemOfEnglish(canonical))
  }
  return { spanishWords, spanishStems, englishStems }
}

function stemOfEnglish(english: string): string {
  return english.includes(' ') ? joined(english) : stemWord(english, 'en')
}

let lexicon: Lexicon | undefined

/** The English word a Spanish word translates to, by the word itself or its stem. */
export function englishOf(word: string): string | undefined {
  lexicon ??= build()
  return lexicon.spanishWords.get(word) ?? lexicon.spanishStems.get(stemWord(word, 'es'))
}

/**
 * The stem an English word (or an English translation) is compared by: its canonical synonym's stem
 * when the synonym table knows it ("attain" → "reach"), its own otherwise.
 */
export function englishTerm(english: string): string {
  lexicon ??= build()
  const stem = stemOfEnglish(english)
  return lexicon.englishStems.get(stem) ?? stem
}
