import { create } from 'zustand'
import { createCluster, mergeCards, moveCard } from '../../../../shared/board/boardRules.ts'
import type { BoardPatch, BoardReader, BoardResult, CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'

/**
 * Board moves shown before the server has answered. The server stays the authority: a pending move is the same
 * pure rule the server runs (shared/board/boardRules.ts), replayed on the latest shared doc every time it
 * changes, until the command's reply arrives. On "ok" the doc already holds the move (the server broadcasts
 * before it acknowledges), so the overlay simply goes; on a refusal it goes too, and the card is back where the
 * doc says it is.
 */
export type PendingMove =
  | { kind: 'move'; cardId: string; clusterId: string | null }
  | { kind: 'newCluster'; cardId: string; name: string; tempClusterId: string; createdAt: number }
  | { kind: 'merge'; sourceId: string; targetId: string; title: string }

export interface PendingEntry {
  seq: number
  move: PendingMove
}

interface PendingState {
  entries: PendingEntry[]
  /**
   * A confirmed new cluster's real id → the temporary id its box was first rendered under, so the virtualised
   * list keeps the same row (and the card keeps keyboard focus) when the real cluster replaces the pending one.
   */
  clusterKeys: Record<string, string>
  /** Shows a move at once; a new cluster's `tempClusterId` is filled in here. Returns the move's number. */
  add(move: PendingMove): number
  /** The server said yes: the doc already shows the move. */
  confirm(seq: number, realClusterId?: string): void
  /** The server said no, or the command never got an answer: the doc's state shows again. */
  drop(seq: number): void
  reset(): void
}

let nextSeq = 1

export const usePendingMoves = create<PendingState>((set) => ({
  entries: [],
  clusterKeys: {},
  add: (move) => {
    const seq = nextSeq++
    const filled: PendingMove = move.kind === 'newCluster' ? { ...move, tempClusterId: pendingClusterId(seq) } : move
    set((s) => ({ entries: [...s.entries, { seq, move: filled }] }))
    return seq
  },
  confirm: (seq, realClusterId) =>
    set((s) => {
      const entry = s.entries.find((e) => e.seq === seq)
      const entries = s.entries.filter((e) => e.seq !== seq)
      if (entry?.move.kind === 'newCluster' && realClusterId) {
        return { entries, clusterKeys: { ...s.clusterKeys, [realClusterId]: entry.move.tempClusterId } }
      }
      return { entries }
    }),
  drop: (seq) => set((s) => ({ entries: s.entries.filter((e) => e.seq !== seq) })),
  reset: () => set({ entries: [], clusterKeys: {} }),
}))

/** The id a new cluster is shown under until the server names it (filled in by `add`). */
export const pendingClusterId = (seq: number) => `pending-cluster-${seq}`
/** A cluster only this person sees yet: nothing can be dropped into it or renamed until the server names it. */
export const isPendingClusterId = (id: string) => id.startsWith('pending-cluster-')

export interface ShownBoard {
  cards: readonly CardRecord[]
  clusters: readonly ClusterRecord[]
}

/** A board reader over mutable maps, with per-cluster counts kept up to date as patches apply (no O(N) scans). */
class PatchableBoard implements BoardReader {
  readonly cards: Map<string, CardRecord>
  readonly clusters: Map<string, ClusterRecord>
  private readonly counts = new Map<string, number>()

  constructor(cards: readonly CardRecord[], clusters: readonly ClusterRecord[]) {
    this.cards = new Map(cards.map((c) => [c.id, c]))
    this.clusters = new Map(clusters.map((c) => [c.id, c]))
    for (const card of cards) if (card.clusterId) this.counts.set(card.clusterId, (this.counts.get(card.clusterId) ?? 0) + 1)
  }

  card = (id: string) => this.cards.get(id)
  cluster = (id: string) => this.clusters.get(id)
  cardsInCluster = (clusterId: string) => this.counts.get(clusterId) ?? 0

  apply(patch: BoardPatch): void {
    for (const [id, value] of Object.entries(patch.cards)) {
      const old = this.cards.get(id)
      if (old?.clusterId) this.counts.set(old.clusterId, (this.counts.get(old.clusterId) ?? 1) - 1)
      if (value) {
        this.cards.set(id, value)
        if (value.clusterId) this.counts.set(value.clusterId, (this.counts.get(value.clusterId) ?? 0) + 1)
      } else {
        this.cards.delete(id)
      }
    }
    for (const [id, value] of Object.entries(patch.clusters)) {
      if (value) this.clusters.set(id, value)
      else this.clusters.delete(id)
    }
  }
}

function ruleFor(board: BoardReader, move: PendingMove): BoardResult {
  switch (move.kind) {
    case 'move':
      return moveCard(board, move.cardId, move.clusterId)
    case 'newCluster':
      return createCluster(board, move.cardId, { id: move.tempClusterId, name: move.name, createdAt: move.createdAt })
    case 'merge':
      return mergeCards(board, move.sourceId, move.targetId, move.title)
  }
}

/**
 * The board as this person should see it: the shared doc's cards and clusters with the pending moves applied in
 * the order they were made. A move the rule now refuses (someone else got there first, or the doc already
 * holds it) is skipped: the server will say the same. Untouched records keep their identity, so memoised cards
 * do not re-render, and with nothing pending the inputs come back as they are.
 */
export function applyPendingMoves(cards: readonly CardRecord[], clusters: readonly ClusterRecord[], entries: readonly PendingEntry[]): ShownBoard {
  if (entries.length === 0) return { cards, clusters }
  const board = new PatchableBoard(cards, clusters)
  let changed = false
  for (const { move } of entries) {
    const result = ruleFor(board, move)
    if (!result.ok) continue
    board.apply(result.change.after)
    changed = true
  }
  if (!changed) return { cards, clusters }
  return { cards: [...board.cards.values()], clusters: [...board.clusters.values()] }
}
