import { normalizeText } from './normalizeText.ts'
import { guessLanguage, stemWord, type Language } from './stem.ts'
import { isStopWord } from './stopWords.ts'
import { conceptOf, okrVocabulary, replacePhrases } from './synonyms.ts'

export interface AnalyzedText {
  /** normalizeText's output: two texts equal here are the same submission. */
  normalized: string
  language: Language
  /** Meaning-bearing terms: "#revenue" for a known concept, a stem otherwise, "=42" for a number. */
  terms: string[]
  /** Character trigrams of the content words as typed (folded), padded at word edges: catches typos. */
  trigrams: string[]
}

const NUMBER = /^\d+$/
/** Term prefixes; the index weighs them differently. */
export const CONCEPT_PREFIX = '#'
export const NUMBER_PREFIX = '='

/**
 * Turns a submission into the features similarity is measured on. Stop words are dropped unless the
 * OKR table knows them ("more", "mejor"); a text made only of stop words ("Do it all") keeps them,
 * so it can still match its own repeats.
 */
export function analyzeText(text: string): AnalyzedText {
  const normalized = normalizeText(text)
  const words = normalized === '' ? [] : normalized.split(' ')
  const language = guessLanguage(words)
  const vocab = okrVocabulary()
  const terms: string[] = []
  const contentWords: string[] = []
  for (const word of replacePhrases(words, vocab)) {
    const exact = vocab.words.get(word)
    if (exact !== undefined) {
      terms.push(CONCEPT_PREFIX + exact)
      contentWords.push(word)
      continue
    }
    if (isStopWord(word)) continue
    if (NUMBER.test(word)) {
      terms.push(NUMBER_PREFIX + word)
      continue
    }
    const concept = conceptOf(word, language, vocab)
    terms.push(concept === undefined ? stemWord(word, language) : CONCEPT_PREFIX + concept)
    contentWords.push(word)
  }
  if (terms.length === 0) {
    for (const word of words) {
      terms.push(stemWord(word, language))
      contentWords.push(word)
    }
  }
  return { normalized, language, terms, trigrams: trigramsOf(contentWords) }
}

function trigramsOf(words: readonly string[]): string[] {
  const out: string[] = []
  for (const word of words) {
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3))
  }
  return out
}
