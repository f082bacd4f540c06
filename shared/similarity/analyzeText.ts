import { normalizeText } from './normalizeText.ts'
import { guessLanguage, stemWord, type Language } from './stem.ts'
import { isStopWord } from './stopWords.ts'
import { conceptOf, correctTypo, okrVocabulary, replacePhrases, type Vocabulary } from './okrVocabulary.ts'

export interface AnalyzedText {
  /** normalizeText's output: two texts equal here are the same submission. */
  normalized: string
  language: Language
  /** Meaning-bearing terms: "#revenue" for a known concept, a stem otherwise, "=42" for a number. */
  terms: string[]
  /** Character trigrams of the content words as typed (folded), padded at word edges: catches typos. */
  trigrams: string[]
  /** "kind:member" of places, platforms, vendors, audiences named (see CONTRASTS in okrVocabulary.ts). */
  contrasts: string[]
}

const NUMBER = /^\d+$/
/** "US" in capitals is the country ("EEUU"), not the stop word "us": the one place where case carries meaning. */
const UNITED_STATES = /\bU\.?S\.?(?:A\.?)?(?![\p{L}\p{N}])/gu
/** Term prefixes; the index weighs them differently. */
export const CONCEPT_PREFIX = '#'
export const NUMBER_PREFIX = '='

function isKnown(word: string, language: Language, vocab: Vocabulary): boolean {
  return vocab.words.has(word) || vocab.phrases.has(word) || isStopWord(word) || conceptOf(word, language, vocab) !== undefined
}

/**
 * Turns a submission into the features similarity is measured on. Unknown words one edit away from
 * an OKR table word are read as that word; stop words are dropped unless the table knows them
 * ("more", "mejor"); a text made only of stop words ("Do it all") keeps them, so it can still match
 * its own repeats.
 */
export function analyzeText(text: string): AnalyzedText {
  const normalized = normalizeText(text)
  const words = normalized === '' ? [] : normalizeText(text.replace(UNITED_STATES, 'EEUU')).split(' ')
  const language = guessLanguage(words)
  const vocab = okrVocabulary()
  const corrected = words.map((w) => (isKnown(w, language, vocab) ? w : (correctTypo(w, vocab) ?? w)))
  const terms: string[] = []
  const contrasts = new Set<string>()
  for (const word of replacePhrases(corrected, vocab)) {
    const exact = vocab.words.get(word)
    if (exact === undefined && isStopWord(word)) continue
    if (exact === undefined && NUMBER.test(word)) {
      terms.push(NUMBER_PREFIX + word)
      continue
    }
    const concept = exact ?? conceptOf(word, language, vocab)
    if (concept === undefined) {
      terms.push(stemWord(word, language))
      continue
    }
    terms.push(CONCEPT_PREFIX + concept)
    const contrast = vocab.contrasts.get(concept)
    if (contrast !== undefined) contrasts.add(contrast)
  }
  const contentWords = words.filter((w) => !isStopWord(w) && !NUMBER.test(w))
  if (terms.length === 0) {
    for (const word of words) terms.push(stemWord(word, language))
    contentWords.push(...words)
  }
  return { normalized, language, terms, trigrams: trigramsOf(contentWords), contrasts: [...contrasts].sort() }
}

function trigramsOf(words: readonly string[]): string[] {
  const out: string[] = []
  for (const word of words) {
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3))
  }
  return out
}
