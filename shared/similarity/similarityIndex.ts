import { analyzeText, NUMBER_PREFIX, type AnalyzedText } from './analyzeText.ts'

/**
 * How much of a score comes from terms (stems and OKR concepts) rather than character trigrams.
 * Terms carry meaning across languages and inflections; trigrams carry typos. Tuned on
 * tests/fixtures/similarity-labelled.json together with the threshold (see tests/bench).
 */
export const DEFAULT_TERM_WEIGHT = 0.9
/** A bare number ("20" in "Hire 20 engineers") says little about which objective it is. */
const NUMBER_TERM_WEIGHT = 0.3
/** Score multiplier when two texts name different members of one kind (Europe / Asia, Android / iOS). */
export const CONTRAST_FACTOR = 0.5

interface SparseVector {
  ids: Int32Array
  weights: Float64Array
}

interface Postings {
  docs: Int32Array
  weights: Float64Array
}

/** Submissions prepared for fast similarity queries; build once, query many times. Plain data. */
export interface SimilarityIndex {
  readonly size: number
  readonly termWeight: number
  readonly analyzed: readonly AnalyzedText[]
  readonly termIds: ReadonlyMap<string, number>
  readonly termDf: readonly number[]
  readonly trigramIds: ReadonlyMap<string, number>
  readonly trigramDf: readonly number[]
  readonly termVectors: readonly SparseVector[]
  readonly trigramVectors: readonly SparseVector[]
  /** For each term, the documents holding it (ascending) and their weights. */
  readonly termPostings: readonly Postings[]
}

export interface ScoredPair {
  a: number
  b: number
  score: number
}

export interface BuildIndexOptions {
  termWeight?: number
}

function idf(df: number, size: number): number {
  return Math.log((1 + size) / (1 + df)) + 1
}

/** Counts of each distinct feature, in first-seen order. */
function countFeatures(features: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1)
  return counts
}

/**
 * An L2-normalised TF-IDF vector sorted by feature id. A feature the index has never seen (id
 * undefined) cannot match anything but still counts towards the norm, as it makes the text different.
 */
function toVector(counts: ReadonlyMap<string, number>, idOf: (f: string) => number | undefined, weightOf: (f: string, id: number | undefined) => number): SparseVector {
  const known: Array<[number, number]> = []
  let norm = 0
  for (const [feature, tf] of counts) {
    const id = idOf(feature)
    const w = tf * weightOf(feature, id)
    norm += w * w
    if (id !== undefined) known.push([id, w])
  }
  known.sort((x, y) => x[0] - y[0])
  norm = Math.sqrt(norm)
  return {
    ids: Int32Array.from(known, ([id]) => id),
    weights: Float64Array.from(known, ([, w]) => (norm === 0 ? 0 : w / norm)),
  }
}

function termFactor(term: string): number {
  return term.startsWith(NUMBER_PREFIX) ? NUMBER_TERM_WEIGHT : 1
}

function assignIds(countsPerDoc: ReadonlyArray<ReadonlyMap<string, number>>): { ids: Map<string, number>; df: number[] } {
  const ids = new Map<string, number>()
  const df: number[] = []
  for (const counts of countsPerDoc) {
    for (const feature of counts.keys()) {
      const id = ids.get(feature)
      if (id === undefined) {
        ids.set(feature, df.length)
        df.push(1)
      } else {
        df[id] = (df[id] as number) + 1
      }
    }
  }
  return { ids, df }
}

/** Whether two texts name different places, platforms, vendors… and no common one of that kind. */
export function isContrasting(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  for (const x of a) {
    const kind = x.slice(0, x.indexOf(':') + 1)
    let isKindInB = false
    let isShared = false
    for (const y of b) {
      if (!y.startsWith(kind)) continue
      isKindInB = true
      if (a.includes(y)) isShared = true
    }
    if (isKindInB && !isShared) return true
  }
  return false
}

function dot(x: SparseVector, y: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  const xi = x.ids
  const yi = y.ids
  while (i < xi.length && j < yi.length) {
    const a = xi[i] as number
    const b = yi[j] as number
    if (a === b) sum += (x.weights[i++] as number) * (y.weights[j++] as number)
    else if (a < b) i++
    else j++
  }
  return sum
}

/** Analyses every text once and builds TF-IDF vectors and a term → documents inverted index. */
export function buildSimilarityIndex(texts: readonly string[], options: BuildIndexOptions = {}): SimilarityIndex {
  const termWeight = options.termWeight ?? DEFAULT_TERM_WEIGHT
  const analyzed = texts.map(analyzeText)
  const size = texts.length
  const termCounts = analyzed.map((a) => countFeatures(a.terms))
  const trigramCounts = analyzed.map((a) => countFeatures(a.trigrams))
  const { ids: termIds, df: termDf } = assignIds(termCounts)
  const { ids: trigramIds, df: trigramDf } = assignIds(trigramCounts)
  const termVectors = termCounts.map((c) =>
    toVector(c, (t) => termIds.get(t), (t, id) => termFactor(t) * idf(id === undefined ? 0 : (termDf[id] as number), size)),
  )
  const trigramVectors = trigramCounts.map((c) =>
    toVector(c, (g) => trigramIds.get(g), (_, id) => idf(id === undefined ? 0 : (trigramDf[id] as number), size)),
  )

  const postingDocs: number[][] = termDf.map(() => [])
  const postingWeights: number[][] = termDf.map(() => [])
  termVectors.forEach((v, doc) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number
      ;(postingDocs[id] as number[]).push(doc)
      ;(postingWeights[id] as number[]).push(v.weights[k] as number)
    }
  })
  const termPostings = postingDocs.map((docs, id) => ({
    docs: Int32Array.from(docs),
    weights: Float64Array.from(postingWeights[id] as number[]),
  }))
  return { size, termWeight, analyzed, termIds, termDf, trigramIds, trigramDf, termVectors, trigramVectors, termPostings }
}

/**
 * Every pair of indexed texts scoring at least minScore, as { a < b, score }, ordered by a then b.
 * Candidates come from the inverted index (pairs sharing a term), so cost follows the number of
 * related pairs rather than N²; trigram cosine is computed only where it could lift a pair over
 * minScore.
 */
export function similarPairs(index: SimilarityIndex, minScore: number): ScoredPair[] {
  const { size, termWeight, termVectors, trigramVectors, termPostings, analyzed } = index
  const trigramWeight = 1 - termWeight
  // A pair needs at least this term cosine to reach minScore even with identical trigrams.
  const minTermCosine = (minScore - trigramWeight) / termWeight
  const acc = new Float64Array(size)
  const touched = new Int32Array(size)
  const pairs: ScoredPair[] = []
  for (let b = 0; b < size; b++) {
    const vb = termVectors[b] as SparseVector
    let touchedCount = 0
    for (let k = 0; k < vb.ids.length; k++) {
      const posting = termPostings[vb.ids[k] as number] as Postings
      const wb = vb.weights[k] as number
      const docs = posting.docs
      const weights = posting.weights
      for (let p = 0; p < docs.length; p++) {
        const a = docs[p] as number
        if (a >= b) break
        if (acc[a] === 0) touched[touchedCount++] = a
        acc[a] = (acc[a] as number) + wb * (weights[p] as number)
      }
    }
    const tb = trigramVectors[b] as SparseVector
    const from = pairs.length
    for (let t = 0; t < touchedCount; t++) {
      const a = touched[t] as number
      const termCosine = acc[a] as number
      acc[a] = 0
      if (termCosine < minTermCosine) continue
      let score = termWeight * termCosine + trigramWeight * dot(trigramVectors[a] as SparseVector, tb)
      if (isContrasting(analyzed[a]!.contrasts, analyzed[b]!.contrasts)) score *= CONTRAST_FACTOR
      if (score >= minScore) pairs.push({ a, b, score: Math.min(1, score) })
    }
    // Keep the promised order: by a (ascending) within this b.
    const added = pairs.splice(from).sort((x, y) => x.a - y.a)
    for (const p of added) pairs.push(p)
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b)
}

export interface QueryOptions {
  limit?: number
  minScore?: number
}

/** Indexed texts most similar to a query (e.g. a submission being typed), best first. */
export function querySimilarityIndex(
  index: SimilarityIndex,
  query: string,
  { limit = 3, minScore = 0 }: QueryOptions = {},
): Array<{ index: number; score: number }> {
  const analyzed = analyzeText(query)
  const size = index.size
  const termVector = toVector(
    countFeatures(analyzed.terms),
    (t) => index.termIds.get(t),
    (t, id) => termFactor(t) * idf(id === undefined ? 0 : (index.termDf[id] as number), size),
  )
  const trigramVector = toVector(
    countFeatures(analyzed.trigrams),
    (g) => index.trigramIds.get(g),
    (_, id) => idf(id === undefined ? 0 : (index.trigramDf[id] as number), size),
  )
  const termCosines = new Map<number, number>()
  for (let k = 0; k < termVector.ids.length; k++) {
    const posting = index.termPostings[termVector.ids[k] as number] as Postings
    const w = termVector.weights[k] as number
    for (let p = 0; p < posting.docs.length; p++) {
      const doc = posting.docs[p] as number
      termCosines.set(doc, (termCosines.get(doc) ?? 0) + w * (posting.weights[p] as number))
    }
  }
  const trigramWeight = 1 - index.termWeight
  const results: Array<{ index: number; score: number }> = []
  for (const [doc, termCosine] of termCosines) {
    if (index.termWeight * termCosine + trigramWeight < minScore) continue
    let score = index.termWeight * termCosine + trigramWeight * dot(index.trigramVectors[doc] as SparseVector, trigramVector)
    if (isContrasting(index.analyzed[doc]!.contrasts, analyzed.contrasts)) score *= CONTRAST_FACTOR
    if (score >= minScore && score > 0) results.push({ index: doc, score: Math.min(1, score) })
  }
  results.sort((x, y) => y.score - x.score || x.index - y.index)
  return results.slice(0, limit)
}
