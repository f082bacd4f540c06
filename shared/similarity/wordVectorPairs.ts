import { calibrate } from './semanticBlend.ts'
import { CONTRAST_FACTOR, isContrasting, unitPairs, type SimilarityIndex, type UnitPairs } from './similarityIndex.ts'
import { englishWordsOf, sentenceVector, type WordVectorTable } from './wordVectors.ts'

/**
 * How word vectors lift a pair's lexical score (recall only: a pair never scores below its lexical
 * score). lifted = lexical + weight × calibrated(cosine of the sentence vectors), only when both texts
 * have at least minKnown words the table knows, and never for a contrasting pair ("Europe" / "Asia").
 */
export interface WordVectorBoost {
  table: WordVectorTable
  weight: number
  /** Cosine of sentence vectors at or below which the vectors add nothing. */
  floor: number
  minKnown: number
}

/** Chosen on the tuning sets only (see tests/bench/similarityBench.ts). */
export const DEFAULT_WORD_VECTOR_BOOST = { weight: 0.35, floor: 0.6, minKnown: 2 } as const

function idfOf(index: SimilarityIndex, wordsOfUnit: readonly string[][]): (word: string) => number {
  const df = new Map<string, number>()
  wordsOfUnit.forEach((words, unit) => {
    const members = (index.unitMembers[unit] as number[]).length
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + members)
  })
  return (word) => Math.log((1 + index.size) / (1 + (df.get(word) ?? 0))) + 1
}

/**
 * The lexical unit pairs (with the contrast penalty) where the word vectors lift some to minScore.
 * Only pairs sharing at least one term are candidates (the inverted index finds them), so the cost
 * follows related pairs, not units²; on the tuning sets, requiring a lexical score of 0.1 changed nothing.
 */
export function wordVectorUnitPairs(index: SimilarityIndex, minScore: number, contrastPenalty: number, boost: WordVectorBoost): UnitPairs {
  const firstOf = (unit: number) => (index.unitMembers[unit] as number[])[0] as number

  const words = index.unitMembers.map((_, unit) => englishWordsOf(index.analyzed[firstOf(unit)]?.normalized ?? ''))
  const weightOf = idfOf(index, words)
  const dims = boost.table.dims
  const vectors = words.map((w) => {
    const s = sentenceVector(w, boost.table, weightOf)
    return s !== undefined && s.known >= boost.minKnown ? s.vector : undefined
  })
  const liftOf = (x: number, y: number) => {
    const vx = vectors[x]
    const vy = vectors[y]
    if (vx === undefined || vy === undefined) return 0
    let cos = 0
    for (let d = 0; d < dims; d++) cos += (vx[d] as number) * (vy[d] as number)
    return boost.weight * calibrate(cos, boost.floor)
  }
  // Pairs sharing a term that reach minScore lexically or once lifted by their vectors.
  const candidates = unitPairs(index, minScore, undefined, liftOf)
  const contrasts = index.unitMembers.map((_, unit) => index.analyzed[firstOf(unit)]?.contrasts ?? [])
  const a = new Int32Array(candidates.length)
  const b = new Int32Array(candidates.length)
  const score = new Float64Array(candidates.length)
  let length = 0
  for (let k = 0; k < candidates.length; k++) {
    const x = candidates.a[k] as number
    const y = candidates.b[k] as number
    const found = candidates.score[k] as number
    const vx = vectors[x]
    const vy = vectors[y]
    const hasVectors = vx !== undefined && vy !== undefined
    // Cheap exits first: neither the vectors nor undoing a contrast scaling could reach minScore.
    if (found < minScore * CONTRAST_FACTOR && (!hasVectors || found + boost.weight < minScore)) continue
    if (isContrasting(contrasts[x] as string[], contrasts[y] as string[])) {
      // unitPairs without a penalty scaled this pair by CONTRAST_FACTOR; with one, a contrasting pair
      // reaching minScore pulls apart (as groupIndexed's lexical path does), and vectors never lift it.
      if (found / CONTRAST_FACTOR < minScore) continue
      a[length] = x
      b[length] = y
      score[length] = -contrastPenalty
      length++
      continue
    }
    const s = hasVectors ? Math.min(1, found + liftOf(x, y)) : found
    if (s < minScore) continue
    a[length] = x
    b[length] = y
    score[length] = s
    length++
  }
  return { length, a, b, score }
}
