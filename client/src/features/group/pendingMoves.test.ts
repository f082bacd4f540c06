import { afterEach, describe, expect, it } from 'vitest'
import type { CardRecord, ClusterRecord } from '../../../../shared/board/boardTypes.ts'
import { applyPendingMoves, isPendingClusterId, usePendingMoves, type PendingEntry, type PendingMove } from './pendingMoves.ts'

const card = (id: string, clusterId: string | null = null, extra: Partial<CardRecord> = {}): CardRecord => ({
  id,
  title: `Card ${id}`,
  why: '',
  authorIds: [`p-${id}`],
  supporterIds: [],
  merged: [],
  clusterId,
  submissionIds: [`s-${id}`],
  createdAt: 1,
  ...extra,
})
const cluster = (id: string, name = `Cluster ${id}`): ClusterRecord => ({ id, name, createdAt: 1 })
let seq = 0
const entry = (move: PendingMove): PendingEntry => ({ seq: ++seq, move })

afterEach(() => usePendingMoves.getState().reset())

describe('applyPendingMoves', () => {
  const cards = [card('a'), card('b'), card('c', 'k1'), card('d', 'k1')]
  const clusters = [cluster('k1')]

  it('returns the very same arrays when nothing is pending, or when every pending move no longer applies', () => {
    expect(applyPendingMoves(cards, clusters, [])).toEqual({ cards, clusters })
    const shown = applyPendingMoves(cards, clusters, [entry({ kind: 'move', cardId: 'c', clusterId: 'k1' })])
    expect(shown.cards).toBe(cards)
    expect(shown.clusters).toBe(clusters)
  })

  it('shows a move at once, keeps the order and the identity of every untouched card', () => {
    const shown = applyPendingMoves(cards, clusters, [entry({ kind: 'move', cardId: 'a', clusterId: 'k1' })])
    expect(shown.cards.map((c) => [c.id, c.clusterId])).toEqual([
      ['a', 'k1'],
      ['b', null],
      ['c', 'k1'],
      ['d', 'k1'],
    ])
    expect(shown.cards[1]).toBe(cards[1])
    expect(shown.clusters).toEqual(clusters)
  })

  it('shows a new cluster under a temporary id, named after the card, and drops a cluster its last card left', () => {
    const only = [card('a'), card('b', 'k1')]
    const shown = applyPendingMoves(only, clusters, [entry({ kind: 'newCluster', cardId: 'b', name: '', tempClusterId: 'pending-cluster-9', createdAt: 5 })])
    expect(shown.clusters).toEqual([{ id: 'pending-cluster-9', name: 'Card b', createdAt: 5 }])
    expect(shown.cards.find((c) => c.id === 'b')?.clusterId).toBe('pending-cluster-9')
  })

  it('shows a merge with the same rule as the server: one card left with both people and texts', () => {
    const shown = applyPendingMoves(cards, clusters, [entry({ kind: 'merge', sourceId: 'b', targetId: 'a', title: 'Card a' })])
    expect(shown.cards.map((c) => c.id)).toEqual(['a', 'c', 'd'])
    expect(shown.cards[0]).toMatchObject({ authorIds: ['p-a', 'p-b'], merged: [{ title: 'Card b', why: '' }] })
  })

  it('applies pending moves in order, each on the result of the ones before', () => {
    const shown = applyPendingMoves(cards, clusters, [
      entry({ kind: 'move', cardId: 'c', clusterId: null }),
      entry({ kind: 'move', cardId: 'd', clusterId: null }),
      entry({ kind: 'move', cardId: 'a', clusterId: 'k1' }),
    ])
    // k1 emptied by the first two moves is gone, so the third no longer applies.
    expect(shown.clusters).toEqual([])
    expect(shown.cards.every((c) => c.clusterId === null)).toBe(true)
  })

  it('skips a move someone else made impossible (the card was merged away): the server will refuse it too', () => {
    const afterOthers = cards.filter((c) => c.id !== 'a')
    const shown = applyPendingMoves(afterOthers, clusters, [entry({ kind: 'move', cardId: 'a', clusterId: 'k1' })])
    expect(shown.cards).toBe(afterOthers)
  })
})

describe('usePendingMoves', () => {
  it('names a new cluster, forgets a move on confirm or refusal, and remembers the row key of a confirmed cluster', () => {
    const store = usePendingMoves.getState()
    const a = store.add({ kind: 'newCluster', cardId: 'a', name: '', tempClusterId: '', createdAt: 1 })
    const b = store.add({ kind: 'move', cardId: 'b', clusterId: 'k1' })
    const pending = usePendingMoves.getState().entries
    expect(pending).toHaveLength(2)
    const temp = pending[0]!.move.kind === 'newCluster' ? pending[0]!.move.tempClusterId : ''
    expect(isPendingClusterId(temp)).toBe(true)
    usePendingMoves.getState().confirm(a, 'real-1')
    usePendingMoves.getState().drop(b)
    expect(usePendingMoves.getState().entries).toEqual([])
    expect(usePendingMoves.getState().clusterKeys).toEqual({ 'real-1': temp })
  })
})
