export const MAX_CLUSTER_NAME_LENGTH = 80

export interface MergedText {
  title: string
  why: string
}

/** A candidate on the Group board. Merging keeps one card and carries everyone and every text over. */
export interface CardRecord {
  id: string
  title: string
  why: string
  authorIds: string[]
  supporterIds: string[]
  /** Texts of the cards merged into this one, shown under it. */
  merged: MergedText[]
  clusterId: string | null
  submissionIds: string[]
  createdAt: number
}

export interface ClusterRecord {
  id: string
  name: string
  createdAt: number
}

/** Read access to the board, so rules need not copy 2,000 cards to look at two. */
export interface BoardReader {
  card(id: string): CardRecord | undefined
  cluster(id: string): ClusterRecord | undefined
  cardsInCluster(clusterId: string): number
}

/** What a move changes: each record's new value, or null for "removed". */
export interface BoardPatch {
  cards: Record<string, CardRecord | null>
  clusters: Record<string, ClusterRecord | null>
}

/** A move and its inverse, so undo can restore exactly what was there. */
export interface BoardChange {
  label: string
  after: BoardPatch
  before: BoardPatch
}

export type BoardResult = { ok: true; change: BoardChange } | { ok: false; code: 'not_found' | 'bad_command' | 'conflict'; reason: string }
