/**
 * Combining a sentence-embedding model's cosine with the lexical score. Pure: the vectors come from
 * whoever ran the model (the server; see server/similarity/SemanticScorer.ts).
 *
 * combined = (1 − weight) × lexical + weight × calibrated(cosine)
 * calibrated(c) = clamp((c − floor) / (1 − floor), 0, 1)
 *
 * Sentence models rarely give unrelated texts a cosine near 0 (0.1–0.4 is typical), so `floor` maps
 * "unrelated" to 0 before blending. A pair the model cannot score (a text not embedded yet) keeps its
 * lexical score, so a model that is slow for some texts never hides a lexical match.
 */
export interface SemanticBlend {
  /** Share of the combined score that comes from the model, 0–1. */
  weight: number
  /** Cosine at or below which the model says "unrelated". */
  floor: number
}

export const DEFAULT_SEMANTIC_BLEND: SemanticBlend = { weight: 0.6, floor: 0.3 }

/** Embeddings aligned with the indexed texts (undefined where the model has none) and how to blend them. */
export interface SemanticInput {
  vectors: ReadonlyArray<ArrayLike<number> | undefined>
  blend: SemanticBlend
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length)
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < n; i++) {
    const x = a[i] as number
    const y = b[i] as number
    dot += x * y
    na += x * x
    nb += y * y
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

export function calibrate(cos: number, floor: number): number {
  if (floor >= 1) return cos >= 1 ? 1 : 0
  return Math.min(1, Math.max(0, (cos - floor) / (1 - floor)))
}

export function blendScores(lexical: number, cos: number, blend: SemanticBlend): number {
  return (1 - blend.weight) * lexical + blend.weight * calibrate(cos, blend.floor)
}

/** Copies each vector to a unit-length Float64Array once, so a pair's cosine is one dot product. */
export function normalizedVectors(vectors: ReadonlyArray<ArrayLike<number> | undefined>): Array<Float64Array | undefined> {
  return vectors.map((v) => {
    if (v === undefined || v.length === 0) return undefined
    const out = Float64Array.from(v as ArrayLike<number>)
    let norm = 0
    for (let i = 0; i < out.length; i++) norm += (out[i] as number) ** 2
    norm = Math.sqrt(norm)
    if (norm === 0) return undefined
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm
    return out
  })
}

export function dot(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length)
  let sum = 0
  for (let i = 0; i < n; i++) sum += (a[i] as number) * (b[i] as number)
  return sum
}
