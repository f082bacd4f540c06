import { describe, expect, it } from 'vitest'
import { groupSimilar } from '../../shared/similarity.ts'
import { scoreGrouping } from '../../shared/similarityQuality.ts'
import first from '../../tests/fixtures/similarity-labelled.json' with { type: 'json' }
import tune3 from '../../tests/fixtures/similarity-meaning-tune3.json' with { type: 'json' }
import { wordVectorBoost } from './wordVectorTable.ts'

describe('committed word-vector table (issue 18b)', () => {
  it('loads, knows common business words, and keeps near words nearer than unrelated ones', () => {
    const boost = wordVectorBoost()
    expect(boost).toBeDefined()
    const table = boost?.table
    expect(table?.dims).toBe(100)
    expect(table?.rows.size).toBeGreaterThan(15_000)
    const vec = (w: string) => {
      const row = table?.rows.get(w) as number
      return Array.from(table?.data.subarray(row * 100, row * 100 + 100) ?? [])
    }
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0) / Math.hypot(...a) / Math.hypot(...b)
    expect(cos(vec('revenue'), vec('profit'))).toBeGreaterThan(cos(vec('revenue'), vec('bicycle')))
  })

  it('raises recall on a tuning set without losing precision there', () => {
    const boost = wordVectorBoost()
    const labels = tune3.items.map((i) => i.group)
    const texts = tune3.items.map((i) => i.text)
    const lexical = scoreGrouping(labels, groupSimilar(texts))
    const withVectors = scoreGrouping(labels, groupSimilar(texts, undefined, boost ? { wordVectors: boost } : {}))
    expect(withVectors.recall).toBeGreaterThan(lexical.recall)
    expect(withVectors.precision).toBeGreaterThanOrEqual(0.8)
  })

  it('keeps the topic groups of the first labelled set apart (the mutual-neighbour gate)', () => {
    const boost = wordVectorBoost()
    expect(boost?.neighbours).toBe(2)
    const labels = first.items.map((i) => i.group)
    const texts = first.items.map((i) => i.text)
    const lexical = scoreGrouping(labels, groupSimilar(texts))
    const gated = scoreGrouping(labels, groupSimilar(texts, undefined, boost ? { wordVectors: boost } : {}))
    const ungated = scoreGrouping(labels, groupSimilar(texts, undefined, boost ? { wordVectors: { ...boost, neighbours: undefined } } : {}))
    // Without the gate, revenue-by-region and revenue-by-segment texts (and similar topic neighbours) merge.
    expect(ungated.precision).toBeLessThan(0.7)
    expect(gated.precision).toBeGreaterThanOrEqual(0.85)
    expect(gated.recall).toBeGreaterThanOrEqual(lexical.recall - 0.01)
  })
})
