import { blendScores, dot, normalizedVectors, type SemanticInput } from './semanticBlend.ts'
import { isEmptyUnit, unitPairs, type SimilarityIndex, type UnitPairs } from './similarityIndex.ts'

/**
 * unitPairs with a model's embeddings blended in: every pair of units that both have a vector is
 * scored (the model may see a match that shares no word), the others keep their lexical score.
 * This looks at all unit pairs with vectors, O(units² × dimensions): fine for a board of a few
 * thousand cards on demand, which is where the server uses it (typing hints score one query: see
 * querySimilarityIndex's `semantic` option).
 */
export function blendedUnitPairs(index: SimilarityIndex, minScore: number, semantic: SemanticInput): UnitPairs {
  const unitCount = index.unitMembers.length
  const lexical = unitPairs(index, Number.MIN_VALUE)
  const lexicalScore = new Map<number, number>()
  for (let k = 0; k < lexical.length; k++) lexicalScore.set((lexical.a[k] as number) * unitCount + (lexical.b[k] as number), lexical.score[k] as number)
  const vectors = normalizedVectors(index.unitMembers.map((members) => firstVector(members, semantic)))
  const a: number[] = []
  const b: number[] = []
  const score: number[] = []
  for (let y = 1; y < unitCount; y++) {
    const vy = vectors[y]
    if (isEmptyUnit(index, y)) continue
    for (let x = 0; x < y; x++) {
      if (isEmptyUnit(index, x)) continue
      const lex = lexicalScore.get(x * unitCount + y) ?? 0
      const vx = vectors[x]
      const s = vx !== undefined && vy !== undefined ? blendScores(lex, dot(vx, vy), semantic.blend) : lex
      if (s < minScore || s <= 0) continue
      a.push(x)
      b.push(y)
      score.push(Math.min(1, s))
    }
  }
  return { length: a.length, a: Int32Array.from(a), b: Int32Array.from(b), score: Float64Array.from(score) }
}

function firstVector(members: readonly number[], semantic: SemanticInput): ArrayLike<number> | undefined {
  for (const m of members) {
    const v = semantic.vectors[m]
    if (v !== undefined) return v
  }
  return undefined
}
