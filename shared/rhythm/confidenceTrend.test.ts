import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { confidenceTrend } from './confidenceTrend.ts'
import { quarterWeeks } from './quarterWeeks.ts'
import type { ConfidenceCheckIn } from './rhythmTypes.ts'

const weeks = quarterWeeks('2027 Q1')

describe('confidenceTrend', () => {
  it('gives one point per week, with a gap where there was no check-in', () => {
    const history = [
      { keyResultId: 'kr1', weekId: '2027-01-04', confidence: 5 },
      { keyResultId: 'kr1', weekId: '2027-01-18', confidence: 3 },
      { keyResultId: 'kr2', weekId: '2027-01-11', confidence: 9 },
    ]
    const trend = confidenceTrend(history, 'kr1', weeks)
    expect(trend).toHaveLength(12)
    expect(trend.slice(0, 4)).toEqual([
      { weekId: '2027-01-04', confidence: 5, colour: 'yellow' },
      { weekId: '2027-01-11', confidence: null, colour: null },
      { weekId: '2027-01-18', confidence: 3, colour: 'red' },
      { weekId: '2027-01-25', confidence: null, colour: null },
    ])
  })
  it('colours with the shared bands: red at 3 or below, green at 7 or above', () => {
    const history = [4, 6, 7].map((confidence, i) => ({ keyResultId: 'k', weekId: weeks[i] as string, confidence }))
    expect(
      confidenceTrend(history, 'k', weeks)
        .slice(0, 3)
        .map((p) => p.colour),
    ).toEqual(['yellow', 'yellow', 'green'])
  })
  it('ignores check-ins outside the weeks asked for, and invalid ones', () => {
    const history = [
      { keyResultId: 'k', weekId: '2026-12-28', confidence: 2 },
      { keyResultId: 'k', weekId: '2027-01-04', confidence: 0 },
    ]
    expect(confidenceTrend(history, 'k', weeks).every((p) => p.confidence === null)).toBe(true)
  })
  it('has exactly one point per quarter week, in order, each the last check-in recorded that week', () => {
    const checkIn = fc.record({
      keyResultId: fc.constantFrom('k', 'other'),
      weekId: fc.constantFrom(...weeks, '2026-12-28', '2027-03-29'),
      confidence: fc.integer({ min: 1, max: 10 }),
    })
    fc.assert(
      fc.property(fc.array(checkIn, { maxLength: 40 }), (history: ConfidenceCheckIn[]) => {
        const trend = confidenceTrend(history, 'k', weeks)
        expect(trend.map((p) => p.weekId)).toEqual(weeks)
        for (const p of trend) {
          const last = history.filter((c) => c.keyResultId === 'k' && c.weekId === p.weekId).at(-1)
          expect(p.confidence).toBe(last?.confidence ?? null)
        }
      }),
    )
  })
})
