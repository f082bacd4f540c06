import type { CardRecord, ClusterRecord } from './boardTypes.ts'

/** A cluster with the cards the board shows in it (all of them, or those matching the search). */
export interface ClusterView {
  cluster: ClusterRecord
  cards: CardRecord[]
  /** Every card in the cluster, whether or not it matches the search. */
  total: number
}

export interface BoardModel {
  unclustered: CardRecord[]
  clusters: ClusterView[]
  cardCount: number
  clusterCount: number
  /** Cards matching the search (equals cardCount without a search). */
  matchCount: number
  isFiltered: boolean
}

/** How many people stand behind a card: its authors and supporters, each counted once. */
export function peopleCount(card: CardRecord): number {
  return new Set([...card.authorIds, ...card.supporterIds]).size
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** A card matches on its title, its why, or any text merged into it. */
export function cardMatches(card: CardRecord, normalizedQuery: string): boolean {
  if (!normalizedQuery) return true
  if (card.title.toLowerCase().includes(normalizedQuery)) return true
  if (card.why.toLowerCase().includes(normalizedQuery)) return true
  return card.merged.some((m) => m.title.toLowerCase().includes(normalizedQuery) || m.why.toLowerCase().includes(normalizedQuery))
}

/**
 * Splits the board into the Unclustered column and the cluster boxes, filtered by a search. One pass over the
 * cards, so 2,000 cards cost well under a millisecond per update. A cluster whose name matches keeps all its cards.
 */
export function buildBoardModel(cards: readonly CardRecord[], clusters: readonly ClusterRecord[], query: string): BoardModel {
  const q = normalizeQuery(query)
  const byCluster = new Map<string, ClusterView>()
  const clusterNameMatches = new Set<string>()
  for (const cluster of clusters) {
    byCluster.set(cluster.id, { cluster, cards: [], total: 0 })
    if (q && cluster.name.toLowerCase().includes(q)) clusterNameMatches.add(cluster.id)
  }
  const unclustered: CardRecord[] = []
  let matchCount = 0
  for (const card of cards) {
    const box = card.clusterId ? byCluster.get(card.clusterId) : undefined
    const isMatch = cardMatches(card, q)
    if (isMatch) matchCount++
    if (box) {
      box.total++
      if (isMatch || clusterNameMatches.has(box.cluster.id)) box.cards.push(card)
    } else if (isMatch) {
      unclustered.push(card)
    }
  }
  const shownClusters = [...byCluster.values()].filter((box) => box.total > 0 && (!q || box.cards.length > 0))
  return {
    unclustered,
    clusters: shownClusters,
    cardCount: cards.length,
    clusterCount: [...byCluster.values()].filter((box) => box.total > 0).length,
    matchCount,
    isFiltered: q.length > 0,
  }
}
