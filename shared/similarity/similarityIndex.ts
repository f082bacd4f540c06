import { analyzeText, NUMBER_PREFIX, type AnalyzedText } from './analyzeText.ts'
import { blendScores, dot, normalizedVectors, type SemanticInput } from './semanticBlend.ts'

/**
 * How much of a score comes from terms (stems and OKR concepts) rather than character trigrams.
 * Terms carry meaning across languages and inflections; trigrams carry typos the OKR table cannot
 * correct. Tuned with the threshold on tests/fixtures/similarity-labelled.json (see tests/bench).
 */
export const DEFAULT_TERM_WEIGHT = 0.9
/** A bare number ("20" in "Hire 20 engineers") says little about which objective it is. */
const NUMBER_TERM_WEIGHT = 0.3
/**
 * A name both texts share ("Lyon", "Series A", "Salesforce") counts this much more than a common word:
 * objectives about one specific thing are rarely different objectives.
 */
export const ENTITY_WEIGHT = 1.3
/** Score multiplier when two texts name different members of one kind (Europe / Asia, Android / iOS). */
export const CONTRAST_FACTOR = 0.5

interface SparseVector {
  ids: Int32Array
  weights: Float64Array
}

interface Postings {
  units: Int32Array
  weights: Float64Array
}

/**
 * Submissions prepared for fast similarity queries; build once, query many times. Plain data.
 * Texts with identical features (the same words after folding, stop words and stemming, the same
 * trigrams) share one "unit": a meeting gets many exact repeats, and scoring them once each keeps
 * grouping fast.
 */
export interface SimilarityIndex {
  /** Number of texts indexed. */
  readonly size: number
  readonly termWeight: number
  readonly analyzed: readonly AnalyzedText[]
  /** Text index → unit index. */
  readonly unitOf: Int32Array
  /** Unit index → its texts, ascending. */
  readonly unitMembers: readonly (readonly number[])[]
  readonly termIds: ReadonlyMap<string, number>
  /** Texts (not units) holding each term. */
  readonly termDf: readonly number[]
  readonly trigramIds: ReadonlyMap<string, number>
  readonly trigramDf: readonly number[]
  /** Per unit, L2-normalised TF-IDF vectors sorted by id; empty for a text with no words. */
  readonly termVectors: readonly SparseVector[]
  readonly trigramVectors: readonly SparseVector[]
  /** Per term, the units holding it (ascending) and their weights. */
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
 * undefined) cannot match anything but still counts towards the norm: it makes the text different.
 */
function toVector(
  counts: ReadonlyMap<string, number>,
  idOf: (feature: string) => number | undefined,
  weightOf: (feature: string, id: number | undefined) => number,
): SparseVector {
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

function termFactor(term: string, entities: readonly string[]): number {
  if (entities.includes(term)) return ENTITY_WEIGHT
  return term.startsWith(NUMBER_PREFIX) ? NUMBER_TERM_WEIGHT : 1
}

/** Ids in first-seen order, and in how many texts (counting each text once) each feature occurs. */
function assignIds(countsPerText: ReadonlyArray<ReadonlyMap<string, number>>): { ids: Map<string, number>; df: number[] } {
  const ids = new Map<string, number>()
  const df: number[] = []
  for (const counts of countsPerText) {
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

function unitKey(a: AnalyzedText): string {
  return `${[...a.terms].sort().join(' ')}\u0000${a.entities.join(' ')}\u0000${[...a.trigrams].sort().join('|')}`
}

/** Analyses every text once and builds TF-IDF vectors and a term → units inverted index. */
export function buildSimilarityIndex(texts: readonly string[], options: BuildIndexOptions = {}): SimilarityIndex {
  const termWeight = options.termWeight ?? DEFAULT_TERM_WEIGHT
  const size = texts.length
  const analyzed = texts.map(analyzeText)
  const unitOf = new Int32Array(size)
  const unitMembers: number[][] = []
  const unitByKey = new Map<string, number>()
  const firstOfUnit: AnalyzedText[] = []
  analyzed.forEach((a, i) => {
    const key = unitKey(a)
    let unit = unitByKey.get(key)
    if (unit === undefined) {
      unit = unitMembers.length
      unitByKey.set(key, unit)
      unitMembers.push([])
      firstOfUnit.push(a)
    }
    unitOf[i] = unit
    ;(unitMembers[unit] as number[]).push(i)
  })

  const { ids: termIds, df: termDf } = assignIds(analyzed.map((a) => countFeatures(a.terms)))
  const { ids: trigramIds, df: trigramDf } = assignIds(analyzed.map((a) => countFeatures(a.trigrams)))
  const termVectors = firstOfUnit.map((a) =>
    toVector(
      countFeatures(a.terms),
      (t) => termIds.get(t),
      (t, id) => termFactor(t, a.entities) * idf(id === undefined ? 0 : (termDf[id] as number), size),
    ),
  )
  const trigramVectors = firstOfUnit.map((a) =>
    toVector(
      countFeatures(a.trigrams),
      (g) => trigramIds.get(g),
      (_, id) => idf(id === undefined ? 0 : (trigramDf[id] as number), size),
    ),
  )

  const postingUnits: number[][] = termDf.map(() => [])
  const postingWeights: number[][] = termDf.map(() => [])
  termVectors.forEach((v, unit) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number
      ;(postingUnits[id] as number[]).push(unit)
      ;(postingWeights[id] as number[]).push(v.weights[k] as number)
    }
  })
  const termPostings = postingUnits.map((units, id) => ({
    units: Int32Array.from(units),
    weights: Float64Array.from(postingWeights[id] as number[]),
  }))
  return {
    size,
    termWeight,
    analyzed,
    unitOf,
    unitMembers,
    termIds,
    termDf,
    trigramIds,
    trigramDf,
    termVectors,
    trigramVectors,
    termPostings,
  }
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

/** Pairs of units as parallel arrays: cheaper than objects when a meeting has 100k of them. */
export interface UnitPairs {
  length: number
  a: Int32Array
  b: Int32Array
  score: Float64Array
}

function contrastsOf(index: SimilarityIndex, unit: number): readonly string[] {
  return (index.analyzed[(index.unitMembers[unit] as number[])[0] as number] as AnalyzedText).contrasts
}

/**
 * Every pair of distinct units scoring at least minScore (a < b; by b, then a). Candidates come from
 * the inverted index (units sharing a term), so cost follows the number of related pairs rather
 * than N²; the trigram cosine is computed only where it could lift a pair to minScore. A pair naming
 * different members of one kind is scaled by CONTRAST_FACTOR; with contrastPenalty it is instead
 * given as -contrastPenalty whenever it would otherwise have reached minScore (average linkage then
 * keeps the two apart).
 */
export function unitPairs(
  index: SimilarityIndex,
  minScore: number,
  contrastPenalty?: number,
  /** At most how much a caller will add to a pair's score (word vectors): pairs that could then reach minScore are kept. */
  liftOf?: (a: number, b: number) => number,
): UnitPairs {
  const { termWeight, termVectors, trigramVectors, termPostings } = index
  const unitCount = termVectors.length
  const trigramWeight = 1 - termWeight
  // A pair needs at least this term cosine to reach minScore even with identical trigrams.
  const minTermCosine = (minScore - trigramWeight) / termWeight
  const termDot = new Float64Array(unitCount)
  const touched = new Int32Array(unitCount)
  // Unit b's trigram weights laid out by id, so each candidate's dot product is one pass over its own.
  const trigramOfB = new Float64Array(index.trigramDf.length)
  let out: UnitPairs = { length: 0, a: new Int32Array(1024), b: new Int32Array(1024), score: new Float64Array(1024) }
  for (let b = 1; b < unitCount; b++) {
    const vb = termVectors[b] as SparseVector
    let touchedCount = 0
    for (let k = 0; k < vb.ids.length; k++) {
      const posting = termPostings[vb.ids[k] as number] as Postings
      const wb = vb.weights[k] as number
      const units = posting.units
      const weights = posting.weights
      for (let p = 0; p < units.length; p++) {
        const a = units[p] as number
        if (a >= b) break
        if (termDot[a] === 0) touched[touchedCount++] = a
        termDot[a] = (termDot[a] as number) + wb * (weights[p] as number)
      }
    }
    if (touchedCount === 0) continue
    const tb = trigramVectors[b] as SparseVector
    for (let k = 0; k < tb.ids.length; k++) trigramOfB[tb.ids[k] as number] = tb.weights[k] as number
    const candidates = touched.subarray(0, touchedCount).sort()
    const contrastsB = contrastsOf(index, b)
    for (let t = 0; t < touchedCount; t++) {
      const a = candidates[t] as number
      const termCosine = termDot[a] as number
      termDot[a] = 0
      const lift = liftOf === undefined || termCosine >= minTermCosine ? 0 : liftOf(a, b)
      if (termCosine < minTermCosine - lift / termWeight) continue
      const ta = trigramVectors[a] as SparseVector
      let trigramCosine = 0
      for (let k = 0; k < ta.ids.length; k++) trigramCosine += (ta.weights[k] as number) * (trigramOfB[ta.ids[k] as number] as number)
      let score = termWeight * termCosine + trigramWeight * trigramCosine
      if (score + (liftOf === undefined || score >= minScore ? 0 : lift || liftOf(a, b)) < minScore) continue
      if (isContrasting(contrastsOf(index, a), contrastsB)) {
        if (contrastPenalty !== undefined) score = -contrastPenalty
        else {
          score *= CONTRAST_FACTOR
          // With liftOf the caller decides (it undoes the scaling to apply its own rule).
          if (score < minScore && liftOf === undefined) continue
        }
      }
      if (out.length === out.a.length) out = grow(out)
      out.a[out.length] = a
      out.b[out.length] = b
      out.score[out.length] = Math.min(1, score)
      out.length++
    }
    for (let k = 0; k < tb.ids.length; k++) trigramOfB[tb.ids[k] as number] = 0
  }
  return out
}

function grow(pairs: UnitPairs): UnitPairs {
  const capacity = pairs.a.length * 2
  const a = new Int32Array(capacity)
  const b = new Int32Array(capacity)
  const score = new Float64Array(capacity)
  a.set(pairs.a)
  b.set(pairs.b)
  score.set(pairs.score)
  return { length: pairs.length, a, b, score }
}

/** A unit of texts with no words at all is never like anything, not even its own repeats. */
export function isEmptyUnit(index: SimilarityIndex, unit: number): boolean {
  return (index.termVectors[unit] as SparseVector).ids.length === 0
}

/**
 * Every pair of indexed texts scoring at least minScore (minScore > 0), as { a < b, score },
 * ordered by a then b. Repeats of one text score 1.
 */
export function similarPairs(index: SimilarityIndex, minScore: number): ScoredPair[] {
  return expandUnitPairs(index, unitPairs(index, minScore))
}

/** Text pairs of unit pairs (plus each unit's repeats, scoring 1), ordered by a then b. */
export function expandUnitPairs(index: SimilarityIndex, units: UnitPairs): ScoredPair[] {
  const pairs: ScoredPair[] = []
  index.unitMembers.forEach((members, unit) => {
    if (isEmptyUnit(index, unit)) return
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) pairs.push({ a: members[i] as number, b: members[j] as number, score: 1 })
  })
  for (let k = 0; k < units.length; k++) {
    const score = units.score[k] as number
    for (const x of index.unitMembers[units.a[k] as number] as number[]) {
      for (const y of index.unitMembers[units.b[k] as number] as number[]) {
        pairs.push(x < y ? { a: x, b: y, score } : { a: y, b: x, score })
      }
    }
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b)
}

export interface QueryOptions {
  limit?: number
  minScore?: number
  /**
   * A sentence model's embeddings of the indexed texts and of the query, blended into the score (see
   * semanticBlend.ts). Without a query vector the search is lexical only.
   */
  semantic?: SemanticInput & { query: ArrayLike<number> | undefined }
}

/**
 * Indexed texts most similar to a query (e.g. a submission being typed), best first, ties by
 * index; only scores above 0 and at least minScore.
 */
export function querySimilarityIndex(
  index: SimilarityIndex,
  query: string,
  { limit = 3, minScore = 0, semantic }: QueryOptions = {},
): Array<{ index: number; score: number }> {
  const analyzed = analyzeText(query)
  const size = index.size
  const termVector = toVector(
    countFeatures(analyzed.terms),
    (t) => index.termIds.get(t),
    (t, id) => termFactor(t, analyzed.entities) * idf(id === undefined ? 0 : (index.termDf[id] as number), size),
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
    for (let p = 0; p < posting.units.length; p++) {
      const unit = posting.units[p] as number
      termCosines.set(unit, (termCosines.get(unit) ?? 0) + w * (posting.weights[p] as number))
    }
  }
  const useModel = semantic?.query !== undefined
  const trigramWeight = 1 - index.termWeight
  const scores = new Map<number, number>()
  for (const [unit, termCosine] of termCosines) {
    // With a model, a weak lexical score still counts towards the blend.
    if (!useModel && index.termWeight * termCosine + trigramWeight < minScore) continue
    let score = index.termWeight * termCosine + trigramWeight * sparseDot(index.trigramVectors[unit] as SparseVector, trigramVector)
    if (isContrasting(contrastsOf(index, unit), analyzed.contrasts)) score *= CONTRAST_FACTOR
    scores.set(unit, score)
  }
  const final = useModel && semantic?.query !== undefined ? blendQuery(index, scores, semantic.query, semantic) : scores
  const results: Array<{ index: number; score: number }> = []
  for (const [unit, score] of final) {
    if (score < minScore || score <= 0) continue
    for (const member of index.unitMembers[unit] as number[]) results.push({ index: member, score: Math.min(1, score) })
  }
  results.sort((x, y) => y.score - x.score || x.index - y.index)
  return results.slice(0, limit)
}

/** Blends each unit's lexical score with the model's cosine to the query; units the model has no vector for keep theirs. */
function blendQuery(
  index: SimilarityIndex,
  lexical: ReadonlyMap<number, number>,
  queryVector: ArrayLike<number>,
  semantic: SemanticInput,
): Map<number, number> {
  const [query] = normalizedVectors([queryVector])
  if (query === undefined) return new Map(lexical)
  const out = new Map<number, number>()
  index.unitMembers.forEach((members, unit) => {
    if (isEmptyUnit(index, unit)) return
    const lex = lexical.get(unit) ?? 0
    const raw = members.map((m) => semantic.vectors[m]).find((v) => v !== undefined)
    const [v] = raw === undefined ? [undefined] : normalizedVectors([raw])
    out.set(unit, v === undefined ? lex : blendScores(lex, dot(query, v), semantic.blend))
  })
  return out
}

function sparseDot(x: SparseVector, y: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < x.ids.length && j < y.ids.length) {
    const a = x.ids[i] as number
    const b = y.ids[j] as number
    if (a === b) sum += (x.weights[i++] as number) * (y.weights[j++] as number)
    else if (a < b) i++
    else j++
  }
  return sum
}
