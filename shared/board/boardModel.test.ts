import { describe, expect, it } from 'vitest'
import type { CardRecord, ClusterRecord } from './boardTypes.ts'
import { buildBoardModel, peopleCount } from './boardModel.ts'

const card = (id: string, title: string, extra: Partial<CardRecord> = {}): CardRecord => ({
  id,
  title,
  why: '',
  authorIds: [`a-${id}`],
  supporterIds: [],
  merged: [],
  clusterId: null,
  submissionIds: [`s-${id}`],
  createdAt: 0,
  ...extra,
})
const cluster = (id: string, name: string): ClusterRecord => ({ id, name, createdAt: 0 })

describe('buildBoardModel', () => {
  const clusters = [cluster('k1', 'Talent'), cluster('k2', 'Speed')]
  const cards = [
    card('c1', 'Reduce churn', { merged: [{ title: 'Lower churn in Europe', why: '' }] }),
    card('c2', 'Hire engineers', { clusterId: 'k1' }),
    card('c3', 'Improve onboarding', { clusterId: 'k1' }),
    card('c4', 'Make checkout faster', { clusterId: 'k2', why: 'Carts are abandoned at checkout' }),
  ]

  it('splits cards into the Unclustered column and cluster boxes, with counts', () => {
    const model = buildBoardModel(cards, clusters, '')
    expect(model.unclustered.map((c) => c.id)).toEqual(['c1'])
    expect(model.clusters.map((c) => [c.cluster.name, c.cards.length, c.total])).toEqual([
      ['Talent', 2, 2],
      ['Speed', 1, 1],
    ])
    expect([model.cardCount, model.clusterCount, model.matchCount, model.isFiltered]).toEqual([4, 2, 4, false])
  })

  it('finds a card by a text merged into it, and hides clusters with no match', () => {
    const model = buildBoardModel(cards, clusters, '  EUROPE ')
    expect(model.unclustered.map((c) => c.id)).toEqual(['c1'])
    expect(model.clusters).toEqual([])
    expect(model.matchCount).toBe(1)
  })

  it('keeps every card of a cluster whose name matches, and reports partial matches', () => {
    expect(buildBoardModel(cards, clusters, 'talent').clusters[0]?.cards.map((c) => c.id)).toEqual(['c2', 'c3'])
    const partial = buildBoardModel(cards, clusters, 'hire').clusters
    expect(partial.map((c) => [c.cluster.id, c.cards.length, c.total])).toEqual([['k1', 1, 2]])
  })

  it('matches the why of a card too', () => {
    expect(buildBoardModel(cards, clusters, 'abandoned').clusters.map((c) => c.cluster.id)).toEqual(['k2'])
  })
})

describe('peopleCount', () => {
  it('counts authors and supporters once each', () => {
    expect(peopleCount(card('c', 't', { authorIds: ['a', 'b'], supporterIds: ['b', 'c'] }))).toBe(3)
  })
})
