import { describe, expect, it } from 'vitest'
import type { CardRecord } from './boardTypes.ts'
import { suggestClustersWithReport } from './suggestClusters.ts'
import { buildSimilarityIndex, similarPairs } from '../similarity.ts'

const card = (id: string, title: string, createdAt: number, clusterId: string | null = null): CardRecord => ({
  id,
  title,
  why: '',
  authorIds: ['p'],
  supporterIds: [],
  merged: [],
  clusterId,
  submissionIds: [],
  createdAt,
})

/** The c–d pair's score among all five cards (weights depend on the whole board). */
function lyonScore(titles: string[]): number {
  return similarPairs(buildSimilarityIndex(titles), Number.MIN_VALUE).find((p) => p.a === 2 && p.b === 3)?.score ?? 0
}

describe('suggestClustersWithReport', () => {
  const cards = [
    card('a', 'Close our Series A round', 1),
    card('b', 'Raise our Series A', 2),
    card('c', 'Grow revenue in Lyon', 3),
    card('d', 'Open a bakery in Lyon', 4),
    card('e', 'Hire a head of design', 5),
  ]

  it('says how many cards it checked and suggests the pair the issue names', () => {
    const report = suggestClustersWithReport(cards)
    expect(report.checked).toBe(5)
    expect(report.suggestions.map((s) => s.cardIds.sort())).toEqual([['a', 'b']])
  })

  it('reports pairs just below the threshold, and suggests them once the threshold is lowered to their score', () => {
    const score = lyonScore(cards.map((c) => c.title))
    expect(score).toBeGreaterThan(0.2)
    const threshold = Math.ceil((score + 0.02) * 100) / 100
    const strict = suggestClustersWithReport(cards, { threshold })
    expect(strict.nearMisses.map((n) => [...n.cardIds].sort())).toContainEqual(['c', 'd'])
    expect(strict.nearMissCount).toBe(strict.nearMisses.length)
    expect(strict.nearMisses.every((n) => n.score < threshold)).toBe(true)
    const lowered = suggestClustersWithReport(cards, { threshold: Math.max(0.2, score - 0.01) })
    expect(lowered.suggestions.map((s) => [...s.cardIds].sort())).toContainEqual(['c', 'd'])
  })

  it('does not report pairs already in one cluster, and keeps the threshold within its bounds', () => {
    const clustered = cards.map((c) => (c.id === 'c' || c.id === 'd' ? { ...c, clusterId: 'k' } : c))
    const score = lyonScore(cards.map((c) => c.title))
    const report = suggestClustersWithReport(clustered, { threshold: Math.ceil((score + 0.02) * 100) / 100 })
    expect(report.nearMisses.map((n) => [...n.cardIds].sort())).not.toContainEqual(['c', 'd'])
    expect(suggestClustersWithReport(cards, { threshold: 0.01 }).threshold).toBe(0.2)
    expect(suggestClustersWithReport(cards, { threshold: 5 }).threshold).toBe(0.9)
  })
})
