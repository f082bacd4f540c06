import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rollUpConfidence } from './rollUpConfidence.ts'

const krs = [
  { id: 'a', statement: 'A', confidence: 5 },
  { id: 'b', statement: 'B', confidence: 5 },
  { id: 'c', statement: 'C', confidence: 5 },
]

describe('rollUpConfidence', () => {
  it('is as red as its reddest key result: two greens do not hide a red', () => {
    const history = [
      { keyResultId: 'a', weekId: '2027-01-11', confidence: 9 },
      { keyResultId: 'b', weekId: '2027-01-11', confidence: 8 },
      { keyResultId: 'c', weekId: '2027-01-11', confidence: 2 },
    ]
    expect(rollUpConfidence(krs, history)).toEqual({ confidence: 2, colour: 'red', weakestKeyResultId: 'c' })
  })
  it('is green only when every key result is green', () => {
    const history = ['a', 'b', 'c'].map((id, i) => ({ keyResultId: id, weekId: '2027-01-11', confidence: 7 + i }))
    expect(rollUpConfidence(krs, history)).toEqual({ confidence: 7, colour: 'green', weakestKeyResultId: 'a' })
  })
  it("uses each key result's latest check-in, falling back to its published confidence", () => {
    const history = [
      { keyResultId: 'a', weekId: '2027-01-04', confidence: 2 },
      { keyResultId: 'a', weekId: '2027-01-11', confidence: 8 },
      { keyResultId: 'b', weekId: '2027-01-11', confidence: 9 },
    ]
    // c has no check-in: its published 5 is the weakest.
    expect(rollUpConfidence(krs, history)).toEqual({ confidence: 5, colour: 'yellow', weakestKeyResultId: 'c' })
  })
  it('can look back to an earlier week', () => {
    const history = [
      { keyResultId: 'a', weekId: '2027-01-04', confidence: 2 },
      { keyResultId: 'a', weekId: '2027-01-11', confidence: 8 },
    ]
    expect(rollUpConfidence(krs.slice(0, 1), history, '2027-01-04').confidence).toBe(2)
  })
  it('has no colour without key results or known confidences', () => {
    expect(rollUpConfidence([], [])).toEqual({ confidence: null, colour: null, weakestKeyResultId: null })
    expect(rollUpConfidence([{ id: 'x', statement: 'X', confidence: 0 }], [])).toEqual({ confidence: null, colour: null, weakestKeyResultId: null })
  })
  it('is always the minimum of the key results’ confidences, and one of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }), (confidences) => {
        const list = confidences.map((confidence, i) => ({ id: `k${i}`, statement: '', confidence }))
        const r = rollUpConfidence(list, [])
        expect(r.confidence).toBe(Math.min(...confidences))
        expect(list.find((k) => k.id === r.weakestKeyResultId)?.confidence).toBe(r.confidence)
      }),
    )
  })
})
