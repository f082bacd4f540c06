import { readFileSync } from 'node:fs'
import { DEFAULT_WORD_VECTOR_BOOST, parseWordVectors, type WordVectorBoost } from '../../shared/similarity.ts'

/**
 * The compact English word vectors (2.2 MB, derived from GloVe by scripts/deriveWordVectors.ts) as
 * the boost "Suggest clusters" uses. Server only: the file is too big for the client bundle, and
 * grouping runs here. Read on first use; a missing or broken file leaves grouping lexical.
 */
const FILE = new URL('./vectors/wordVectors.bin', import.meta.url)

let boost: WordVectorBoost | null | undefined
export function wordVectorBoost(): WordVectorBoost | undefined {
  if (boost === undefined) {
    try {
      boost = { ...DEFAULT_WORD_VECTOR_BOOST, table: parseWordVectors(new Uint8Array(readFileSync(FILE))) }
    } catch {
      boost = null
    }
  }
  return boost ?? undefined
}
