import { normalizeText } from './normalizeText.ts'
import { guessLanguage, stemWord, type Language } from './stem.ts'
import { isStopWord } from './stopWords.ts'
import { conceptOf, correctTypo, okrVocabulary, replacePhrases, type Vocabulary } from './okrVocabulary.ts'
import { canonicalNumbers } from './numbers.ts'
import { englishCognate } from './cognates.ts'
import { applyContextRules } from './contextRules.ts'
import { englishCanonical, englishOf, englishOfExactly, englishTerm } from './lexiconTerms.ts'
import { CONCEPT_PREFIX, NUMBER_PREFIX } from './termPrefixes.ts'

export { CONCEPT_PREFIX, NUMBER_PREFIX }

export interface AnalyzedText {
  /** normalizeText's output: two texts equal here are the same submission. */
  normalized: string
  language: Language
  /** Meaning-bearing terms: "#revenue" for a known concept, a stem otherwise, "=42" for a number. */
  terms: string[]
  /**
   * Terms that name something specific (a person, place, product, vendor, round: "Lyon", "Series A",
   * "Salesforce"): two texts sharing one are likely about the same thing, so the index weighs them more.
   */
  entities: string[]
  /** Character trigrams of the content words as typed (folded), padded at word edges: catches typos. */
  trigrams: string[]
  /** "kind:member" of places, platforms, vendors, audiences named (see CONTRASTS in okrVocabulary.ts). */
  contrasts: string[]
}

const NUMBER = /^\d+$/
/**
 * Stems no table names are cut to this many letters: one family's forms that the stemmer leaves
 * apart ("partnership" / "partner", "telephony" / "telephone") then meet. Seven letters keep the
 * context rules' stems whole and unrelated words mostly apart.
 */
const MAX_TERM_LENGTH = 7
/** "US" in capitals is the country ("EEUU"), not the stop word "us": the one place where case carries meaning. */
const UNITED_STATES = /\bU\.?S\.?(?:A\.?)?(?![\p{L}\p{N}])/gu
/** "#1", "nº 1", "No. 1": a rank, which normalizeText would otherwise reduce to a bare "1". */
const NUMBER_ONE = /(?:#|\bn[º°o]\.?)\s?1(?![\p{N}])/giu

function isKnown(word: string, language: Language, vocab: Vocabulary): boolean {
  return (
    vocab.words.has(word) ||
    vocab.phrases.has(word) ||
    isStopWord(word) ||
    conceptOf(word, language, vocab) !== undefined ||
    (language === 'es' && englishOf(word) !== undefined)
  )
}

/**
 * Which folded words were typed as names: capitalised inside the sentence ("in Lyon") or in capitals
 * ("AWS"). A Title Case Objective Says Nothing By Its Capitals, so then only all-capital words count.
 */
function nameLikeWords(text: string, words: readonly string[]): Set<string> {
  const typed = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
  const names = new Set<string>()
  if (typed.length !== words.length) return names
  const isCapitalised = (w: string) => /^\p{Lu}/u.test(w)
  const isTitleCase = typed.length >= 3 && typed.filter(isCapitalised).length / typed.length > 0.6
  typed.forEach((w, i) => {
    const isAcronym = w.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(w) && /\p{Lu}/u.test(w)
    if (isAcronym || (!isTitleCase && i > 0 && isCapitalised(w))) names.add(words[i] as string)
  })
  return names
}

/**
 * Turns a submission into the features similarity is measured on. Unknown words one edit away from
 * an OKR table word are read as that word; stop words are dropped unless the table knows them
 * ("more", "mejor"); a text made only of stop words ("Do it all") keeps them, so it can still match
 * its own repeats.
 */
export function analyzeText(text: string): AnalyzedText {
  const normalized = normalizeText(text)
  const prepared = text.replace(UNITED_STATES, 'EEUU').replace(NUMBER_ONE, ' number1 ')
  const words = normalized === '' ? [] : normalizeText(prepared).split(' ')
  const names = nameLikeWords(prepared, words)
  const language = guessLanguage(words)
  const vocab = okrVocabulary()
  const corrected = canonicalNumbers(words.map((w) => (isKnown(w, language, vocab) || names.has(w) ? w : (correctTypo(w, vocab) ?? w))))
  const rawTerms: string[] = []
  const entities = new Set<string>()
  const contrasts = new Set<string>()
  for (const word of replacePhrases(corrected, vocab)) {
    const exact = vocab.words.get(word)
    if (exact === undefined && isStopWord(word)) continue
    if (exact === undefined && NUMBER.test(word)) {
      rawTerms.push(NUMBER_PREFIX + word)
      continue
    }
    // Exact words beat stems: "meses" is months (the lexicon's word), not "mesas" (a table word's stem).
    const exactTranslation = language === 'es' && exact === undefined ? englishOfExactly(word) : undefined
    const translated = exactTranslation ?? (language === 'es' && exact === undefined ? englishOf(word) : undefined)
    const concept =
      exact ??
      (exactTranslation === undefined ? conceptOf(word, language, vocab) : undefined) ??
      (translated === undefined ? undefined : conceptOf(translated, 'en', vocab))
    if (concept === undefined) {
      const general = generalTerm(word, language, translated)
      const term = general.startsWith(CONCEPT_PREFIX) ? general : general.slice(0, MAX_TERM_LENGTH)
      rawTerms.push(term)
      if (names.has(word)) entities.add(term)
      continue
    }
    rawTerms.push(CONCEPT_PREFIX + concept)
    if (vocab.entityConcepts.has(concept)) entities.add(CONCEPT_PREFIX + concept)
    const contrast = vocab.contrasts.get(concept)
    if (contrast !== undefined) contrasts.add(contrast)
  }
  const terms = applyContextRules(rawTerms)
  const contentWords = words.filter((w) => !isStopWord(w) && !NUMBER.test(w))
  if (terms.length === 0) {
    for (const word of words) terms.push(stemWord(word, language))
    contentWords.push(...words)
  }
  return {
    normalized,
    language,
    terms,
    entities: [...entities].filter((t) => terms.includes(t)).sort(),
    trigrams: trigramsOf(contentWords),
    contrasts: [...contrasts].sort(),
  }
}

/**
 * The term of a word no OKR concept names: its English translation's (then a synonym's) stem when the
 * general lexicon knows it, else a Spanish cognate's English stem, else its own stem. A canonical
 * word that a table or a phrase names ("ontime" for "punctual" and "on time") reads as that concept.
 */
function generalTerm(word: string, language: Language, translated: string | undefined): string {
  const cognate = translated === undefined && language === 'es' ? englishCognate(word) : undefined
  const english = translated ?? cognate ?? (language === 'en' ? word : undefined)
  if (english === undefined) return stemWord(word, language)
  const canonical = englishCanonical(english)
  const vocab = okrVocabulary()
  // A canonical word that a table names ("outage" for "blackout") reads as the table's concept.
  const concept = vocab.words.get(canonical.replace(/\s+/g, '')) ?? conceptOf(canonical, 'en', vocab)
  return concept === undefined ? englishTerm(english) : CONCEPT_PREFIX + concept
}

function trigramsOf(words: readonly string[]): string[] {
  const out: string[] = []
  for (const word of words) {
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3))
  }
  return out
}
