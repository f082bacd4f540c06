import { calibrate } from './semanticBlend.ts'
import { CONTRAST_FACTOR, isContrasting, unitPairs, type SimilarityIndex, type UnitPairs } from './similarityIndex.ts'
import { englishWordsOf, sentenceVector, type WordVectorTable } from './wordVectors.ts'

/**
 * How word vectors lift a pair's lexical score (recall only: a pair never scores below its lexical
 * score). lifted = lexical + weight × calibrated(cosine of the sentence vectors), only when both texts
 * have at least minKnown words the table knows, never for a contrasting pair ("Europe" / "Asia"), and,
 * with `neighbours`, only for mutual nearest neighbours.
 */
export interface WordVectorBoost {
  table: WordVectorTable
  weight: number
  /** Cosine of sentence vectors at or below which the vectors add nothing. */
  floor: number
  minKnown: number
  /**
   * Lift a pair only when each text is among the other's `neighbours` best-scoring texts (lifted
   * scores, ties by index); undefined lifts every pair. Averaged word vectors say "same topic", not
   * "same objective": on a board with many objectives about revenue, every revenue text is close to
   * every other, but a text's one or two nearest are usually its real duplicates. Without the gate
   * the lift merged neighbouring topic groups of the first labelled set (precision 0.90 → 0.79).
   */
  neighbours?: number
}

/**
 * Chosen on the training sets only (the first labelled set, tuning sets 1–3 and the already-read
 * holdouts 1–5): the best mean pairwise F1 at the default threshold among settings that keep precision
 * at 0.8 or more on each (scripts/tuneWordVectorBoost.ts prints the grid).
 */
export const DEFAULT_WORD_VECTOR_BOOST = { weight: 0.35, floor: 0.1, minKnown: 2, neighbours: 2 } as const

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
  // Pairs sharing a term that reach minScore lexically or could once lifted. unitPairs gets the
  // largest possible lift rather than the real one: each pair's cosine is then computed once, below.
  const maxLiftOf = (x: number, y: number) => (vectors[x] !== undefined && vectors[y] !== undefined ? boost.weight : 0)
  const candidates = unitPairs(index, minScore, undefined, maxLiftOf)
  const contrasts = index.unitMembers.map((_, unit) => index.analyzed[firstOf(unit)]?.contrasts ?? [])
  // Per candidate: -1 contrasting, else its lexical score; and its lifted score (NaN: left out early).
  const found = candidates.score
  const lifted = new Float64Array(candidates.length).fill(Number.NaN)
  for (let k = 0; k < candidates.length; k++) {
    const x = candidates.a[k] as number
    const y = candidates.b[k] as number
    const lexical = found[k] as number
    const hasVectors = vectors[x] !== undefined && vectors[y] !== undefined
    // Cheap exits first: neither the vectors nor undoing a contrast scaling could reach minScore.
    if (lexical < minScore * CONTRAST_FACTOR && (!hasVectors || lexical + boost.weight < minScore)) continue
    if (isContrasting(contrasts[x] as string[], contrasts[y] as string[])) {
      // unitPairs without a penalty scaled this pair by CONTRAST_FACTOR; with one, a contrasting pair
      // reaching minScore pulls apart (as groupIndexed's lexical path does), and vectors never lift it.
      if (lexical / CONTRAST_FACTOR >= minScore) found[k] = -1
      continue
    }
    lifted[k] = hasVectors ? Math.min(1, lexical + liftOf(x, y)) : lexical
  }
  const isNeighbour = boost.neighbours === undefined ? () => true : mutualNeighbours(candidates, lifted, index.unitMembers.length, boost.neighbours)
  const a = new Int32Array(candidates.length)
  const b = new Int32Array(candidates.length)
  const score = new Float64Array(candidates.length)
  let length = 0
  for (let k = 0; k < candidates.length; k++) {
    const lexical = found[k] as number
    const up = lifted[k] as number
    const s = lexical === -1 ? -contrastPenalty : Number.isNaN(up) ? 0 : isNeighbour(k) ? up : lexical
    if (s !== -contrastPenalty && s < minScore) continue
    a[length] = candidates.a[k] as number
    b[length] = candidates.b[k] as number
    score[length] = s
    length++
  }
  return { length, a, b, score }
}

/**
 * Whether candidate k's two units are each among the other's `neighbours` best candidates by lifted
 * score (ties by the other unit's number, so the answer never depends on input order). Candidates
 * below minScore may take a slot, but only where fewer than `neighbours` reach it: they never push
 * out a pair that could be lifted.
 */
function mutualNeighbours(candidates: UnitPairs, lifted: Float64Array, units: number, neighbours: number): (k: number) => boolean {
  // Per unit, its best candidates so far (best first), as candidate numbers; -1 is an empty slot.
  const best = new Int32Array(units * neighbours).fill(-1)
  const other = (k: number, unit: number) => ((candidates.a[k] as number) === unit ? (candidates.b[k] as number) : (candidates.a[k] as number))
  const isBetter = (k: number, than: number, unit: number) =>
    (lifted[k] as number) > (lifted[than] as number) || ((lifted[k] as number) === (lifted[than] as number) && other(k, unit) < other(than, unit))
  const offer = (unit: number, k: number) => {
    const base = unit * neighbours
    let slot = neighbours
    while (slot > 0) {
      const held = best[base + slot - 1] as number
      if (held !== -1 && !isBetter(k, held, unit)) break
      slot--
    }
    if (slot === neighbours) return
    for (let i = neighbours - 1; i > slot; i--) best[base + i] = best[base + i - 1] as number
    best[base + slot] = k
  }
  for (let k = 0; k < candidates.length; k++) {
    if (Number.isNaN(lifted[k] as number)) continue
    offer(candidates.a[k] as number, k)
    offer(candidates.b[k] as number, k)
  }
  const holds = (unit: number, k: number) => {
    for (let i = 0; i < neighbours; i++) if (best[unit * neighbours + i] === k) return true
    return false
  }
  return (k) => holds(candidates.a[k] as number, k) && holds(candidates.b[k] as number, k)
}
