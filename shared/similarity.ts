/**
 * Near-duplicate detection for submitted objectives, in English, Spanish or a mix of both.
 *
 * similarity = termWeight × cosine(TF-IDF of terms) + (1 − termWeight) × cosine(TF-IDF of char trigrams)
 * - terms: accent-folded words minus stop words, mapped to an OKR concept when a small bilingual
 *   table knows them ("ventas", "revenue", "sales" → #revenue), else to their Snowball stem;
 * - trigrams: of the content words as typed, so "custmer" still mostly matches "customer".
 * groupSimilar joins texts by average linkage over pairs found through a term → texts inverted
 * index, so it never scores all N² pairs.
 *
 * Libraries (pure ESM, no dependencies, a few KB per language, per-language imports so a browser
 * bundle only takes English and Spanish; maintained with the Orama search engine):
 * - @orama/stemmers: Porter (English) and Snowball (Spanish) stemmers. `natural` also stems both
 *   but is Node-only and large; `stemmer` (wooorm) is English only; `snowball-stemmers` is
 *   unmaintained since 2016.
 * - @orama/stopwords: English and Spanish stop word lists (we keep back a few Spanish content words
 *   the list drops; see similarity/stopWords.ts).
 */
import { analyzeText } from './similarity/analyzeText.ts'
import { clusterPairs, type Linkage } from './similarity/clusterPairs.ts'
import { normalizeText } from './similarity/normalizeText.ts'
import { blendedUnitPairs } from './similarity/semanticPairs.ts'
import type { SemanticInput } from './similarity/semanticBlend.ts'
import { wordVectorUnitPairs, type WordVectorBoost } from './similarity/wordVectorPairs.ts'
import {
  buildSimilarityIndex,
  expandUnitPairs,
  isEmptyUnit,
  querySimilarityIndex,
  similarPairs,
  unitPairs,
  type BuildIndexOptions,
  type QueryOptions,
  type SimilarityIndex,
} from './similarity/similarityIndex.ts'

export { analyzeText, buildSimilarityIndex, normalizeText, querySimilarityIndex, similarPairs }
export type { BuildIndexOptions, Linkage, QueryOptions, SimilarityIndex }
export type { AnalyzedText } from './similarity/analyzeText.ts'
export type { ScoredPair } from './similarity/similarityIndex.ts'
import type { ScoredPair } from './similarity/similarityIndex.ts'
export { DEFAULT_SEMANTIC_BLEND, blendScores, calibrate, cosine } from './similarity/semanticBlend.ts'
export type { SemanticBlend, SemanticInput } from './similarity/semanticBlend.ts'
export { DEFAULT_WORD_VECTOR_BOOST, type WordVectorBoost } from './similarity/wordVectorPairs.ts'
export { englishWordsOf, parseWordVectors, sentenceVector, type WordVectorTable } from './similarity/wordVectors.ts'

/**
 * Default similarity at or above which two submissions are the same objective: the highest mean
 * pairwise F1 over the four tuning sets (tests/fixtures/similarity-labelled.json, similarity-meaning-
 * tune.json, -tune2.json, -tune3.json) among thresholds that keep precision at 0.8 or more on each
 * (0.35 lets two big topic groups of the first set merge: precision 0.73 there). The holdouts
 * (similarity-meaning-holdout*.json) were not used to choose it. `npm run bench -- --similarity-only`
 * prints the trade-off; the facilitator can lower it live in "Suggest clusters".
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.4
/** How many "Support this one instead?" suggestions to show while someone types. */
export const DEFAULT_SUGGESTION_LIMIT = 3

export interface GroupOptions extends BuildIndexOptions {
  linkage?: Linkage
  /** A sentence model's embeddings of the texts (same order), blended into the pair scores. */
  semantic?: SemanticInput
  /** Word vectors that lift pairs the lexical score misses (recall only; see similarity/wordVectorPairs.ts). */
  wordVectors?: WordVectorBoost
}

/**
 * Groups of indices of near-duplicate texts: each group has 2+ indices in ascending order, groups
 * are ordered by their smallest index, and texts with no near-duplicate are left out. The same
 * input always gives the same output.
 */
export function groupSimilar(texts: readonly string[], threshold: number = DEFAULT_SIMILARITY_THRESHOLD, options: GroupOptions = {}): number[][] {
  const index = buildSimilarityIndex(texts, options)
  return groupIndexed(index, threshold, options.linkage, options.semantic, options.wordVectors)
}

/**
 * Every pair of indexed texts scoring at least minScore (> 0), ordered by a then b; with a model's
 * embeddings, blended scores (and pairs only the model sees); else with word vectors, the lifted
 * scores groupIndexed groups by (contrasting pairs left out).
 */
export function scoredPairs(index: SimilarityIndex, minScore: number, semantic?: SemanticInput, wordVectors?: WordVectorBoost): ScoredPair[] {
  if (semantic) return expandUnitPairs(index, blendedUnitPairs(index, minScore, semantic))
  if (wordVectors) return expandUnitPairs(index, wordVectorUnitPairs(index, minScore, CONTRAST_PENALTY, wordVectors)).filter((p) => p.score >= minScore)
  return similarPairs(index, minScore)
}

/** Pairs below this share of the threshold are taken as 0 by average linkage (they barely move a mean). */
const AVERAGE_LINKAGE_FLOOR = 0.5

/**
 * What a contrasting pair ("customer churn" / "staff turnover", "Europe" / "Asia") adds to average
 * linkage's mean: a strong pull apart, so texts that name different members of one kind do not end
 * up in one group through neutral texts between them.
 */
const CONTRAST_PENALTY = 1

/** groupSimilar on an index already built (the client keeps one while people type). */
export function groupIndexed(
  index: SimilarityIndex,
  threshold: number = DEFAULT_SIMILARITY_THRESHOLD,
  linkage: Linkage = 'average',
  semantic?: SemanticInput,
  wordVectors?: WordVectorBoost,
): number[][] {
  // Average linkage also needs pairs a little below the threshold: they pull a group's mean down.
  const minScore = linkage === 'average' ? threshold * AVERAGE_LINKAGE_FLOOR : threshold
  const weights = index.unitMembers.map((members) => members.length)
  const pairs = semantic
    ? blendedUnitPairs(index, minScore, semantic)
    : wordVectors
      ? wordVectorUnitPairs(index, minScore, CONTRAST_PENALTY, wordVectors)
      : unitPairs(index, minScore, CONTRAST_PENALTY)
  const labels = clusterPairs(weights, pairs, threshold, linkage)
  const groups = new Map<number, number[]>()
  labels.forEach((label, unit) => {
    if (isEmptyUnit(index, unit)) return
    const group = groups.get(label)
    const members = index.unitMembers[unit] as number[]
    if (group) group.push(...members)
    else groups.set(label, [...members])
  })
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((x, y) => x - y))
    .sort((x, y) => (x[0] as number) - (y[0] as number))
}

/**
 * How alike two texts are, from 0 (nothing in common, or either is empty) to 1 (the same after
 * folding case, accents and punctuation). Term weights come from these two texts alone; to compare
 * against a meeting's submissions use buildSimilarityIndex + querySimilarityIndex, whose weights
 * reflect which words are common in that meeting.
 */
export function similarity(a: string, b: string): number {
  return similarPairs(buildSimilarityIndex([a, b]), Number.MIN_VALUE)[0]?.score ?? 0
}

/**
 * The candidates most like a query, best first (ties by index), e.g. for "Support this one
 * instead?" while someone types. Defaults: up to 3 results scoring at least the grouping threshold.
 * Builds an index of the candidates on every call; per keystroke on a large board, build one with
 * buildSimilarityIndex when the board changes and call querySimilarityIndex instead.
 */
export function findSimilar(
  query: string,
  candidates: readonly string[],
  { limit = DEFAULT_SUGGESTION_LIMIT, minScore = DEFAULT_SIMILARITY_THRESHOLD }: QueryOptions = {},
): Array<{ index: number; score: number }> {
  return querySimilarityIndex(buildSimilarityIndex(candidates), query, { limit, minScore })
}
