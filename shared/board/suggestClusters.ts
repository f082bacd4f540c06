import {
  buildSimilarityIndex,
  DEFAULT_SIMILARITY_THRESHOLD,
  groupIndexed,
  scoredPairs,
  similarity,
  type SemanticInput,
  type WordVectorBoost,
} from '../similarity.ts'
import type { CardRecord } from './boardTypes.ts'
import { MAX_SUGGESTION_THRESHOLD, MIN_SUGGESTION_THRESHOLD } from './suggestionResult.ts'

export interface BoardSuggestion {
  id: string
  kind: 'merge' | 'cluster'
  cardIds: string[]
  /** Proposed name: the cluster's name, or the title the merged card keeps. */
  name: string
  status: 'pending' | 'accepted' | 'rejected'
}

/** Two cards that came close to being suggested together: what the facilitator may want to see. */
export interface NearMiss {
  cardIds: [string, string]
  /** 0–1, below the threshold used. */
  score: number
}

/** What one "Suggest clusters" run did, told to the facilitator as it is. */
export interface SuggestionReport {
  suggestions: BoardSuggestion[]
  /** Cards looked at. */
  checked: number
  threshold: number
  /** Pairs scoring between NEAR_MISS_SHARE × threshold and the threshold, not suggested together; best first. */
  nearMisses: NearMiss[]
  /** How many such pairs there were (nearMisses lists at most MAX_NEAR_MISSES). */
  nearMissCount: number
}

/** Pairs this alike read as the same objective said twice: suggest merging rather than clustering. */
export const MERGE_SUGGESTION_SCORE = 0.75
/** A pair scoring at least this share of the threshold is "close": reported, not suggested. */
export const NEAR_MISS_SHARE = 0.7
export const MAX_NEAR_MISSES = 20
export { MAX_SUGGESTION_THRESHOLD, MIN_SUGGESTION_THRESHOLD }

export interface SuggestOptions {
  threshold?: number
  /** A sentence model's embeddings of the cards' titles, in the order of `cards`. */
  semantic?: SemanticInput
  /** Word vectors that lift pairs the lexical score misses (used when there is no sentence model). */
  wordVectors?: WordVectorBoost
}

/**
 * Proposes merges and clusters for the facilitator to review, never to apply silently. Groups whose cards
 * already share one cluster are left out; ids are derived from the cards so re-running gives the same ids.
 */
export function suggestClusters(cards: readonly CardRecord[], options: SuggestOptions = {}): BoardSuggestion[] {
  return suggestClustersWithReport(cards, options).suggestions
}

/** suggestClusters, plus what was checked and which pairs fell just short of the threshold. */
export function suggestClustersWithReport(cards: readonly CardRecord[], options: SuggestOptions = {}): SuggestionReport {
  const threshold = Math.min(MAX_SUGGESTION_THRESHOLD, Math.max(MIN_SUGGESTION_THRESHOLD, options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD))
  const order = cards.map((c, i) => ({ c, i })).sort((x, y) => x.c.createdAt - y.c.createdAt || x.c.id.localeCompare(y.c.id))
  const sorted = order.map((o) => o.c)
  const semantic = options.semantic && { ...options.semantic, vectors: order.map((o) => options.semantic?.vectors[o.i]) }
  const index = buildSimilarityIndex(sorted.map((c) => c.title))
  const wordVectors = semantic ? undefined : options.wordVectors
  const groups = groupIndexed(index, threshold, 'average', semantic, wordVectors)
  const suggestions: BoardSuggestion[] = []
  const groupOf = new Map<number, number>()
  groups.forEach((group, g) => group.forEach((i) => groupOf.set(i, g)))
  for (const group of groups) {
    const members = group.map((i) => sorted[i] as CardRecord)
    const clusterIds = new Set(members.map((c) => c.clusterId))
    if (clusterIds.size === 1 && !clusterIds.has(null)) continue
    const isNearDuplicate = members.every((a, i) => members.slice(i + 1).every((b) => similarity(a.title, b.title) >= MERGE_SUGGESTION_SCORE))
    const anchor = members.reduce((best, c) => (c.authorIds.length + c.supporterIds.length > best.authorIds.length + best.supporterIds.length ? c : best))
    suggestions.push({
      id: `s-${members
        .map((c) => c.id)
        .sort()
        .join('-')}`.slice(0, 120),
      kind: isNearDuplicate ? 'merge' : 'cluster',
      cardIds: members.map((c) => c.id),
      name: anchor.title,
      status: 'pending',
    })
  }
  const near = scoredPairs(index, threshold * NEAR_MISS_SHARE, semantic, wordVectors).filter((p) => {
    if (p.score >= threshold) return false
    const ga = groupOf.get(p.a)
    if (ga !== undefined && ga === groupOf.get(p.b)) return false
    const a = sorted[p.a] as CardRecord
    const b = sorted[p.b] as CardRecord
    return a.clusterId === null || a.clusterId !== b.clusterId
  })
  near.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
  return {
    suggestions,
    checked: cards.length,
    threshold,
    nearMisses: near.slice(0, MAX_NEAR_MISSES).map((p) => ({
      cardIds: [(sorted[p.a] as CardRecord).id, (sorted[p.b] as CardRecord).id],
      // Rounded down, so a threshold set to the shown score includes the pair.
      score: Math.floor(p.score * 100) / 100,
    })),
    nearMissCount: near.length,
  }
}
