import { groupSimilar, similarity } from '../similarity.ts'
import type { CardRecord } from './boardTypes.ts'

export interface BoardSuggestion {
  id: string
  kind: 'merge' | 'cluster'
  cardIds: string[]
  /** Proposed name: the cluster's name, or the title the merged card keeps. */
  name: string
  status: 'pending' | 'accepted' | 'rejected'
}

/** Pairs this alike read as the same objective said twice: suggest merging rather than clustering. */
export const MERGE_SUGGESTION_SCORE = 0.75

/**
 * Proposes merges and clusters for the facilitator to review, never to apply silently. Groups whose cards
 * already share one cluster are left out; ids are derived from the cards so re-running gives the same ids.
 */
export function suggestClusters(cards: readonly CardRecord[]): BoardSuggestion[] {
  const sorted = [...cards].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  const groups = groupSimilar(sorted.map((c) => c.title))
  const suggestions: BoardSuggestion[] = []
  for (const group of groups) {
    const members = group.map((i) => sorted[i] as CardRecord)
    const clusterIds = new Set(members.map((c) => c.clusterId))
    if (clusterIds.size === 1 && !clusterIds.has(null)) continue
    const isNearDuplicate = members.every((a, i) => members.slice(i + 1).every((b) => similarity(a.title, b.title) >= MERGE_SUGGESTION_SCORE))
    const anchor = members.reduce((best, c) => (c.authorIds.length + c.supporterIds.length > best.authorIds.length + best.supporterIds.length ? c : best))
    suggestions.push({
      id: `s-${members.map((c) => c.id).sort().join('-')}`.slice(0, 120),
      kind: isNearDuplicate ? 'merge' : 'cluster',
      cardIds: members.map((c) => c.id),
      name: anchor.title,
      status: 'pending',
    })
  }
  return suggestions
}
