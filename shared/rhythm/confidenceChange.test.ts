import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CHANGE_SYMBOLS, confidenceChange, isValidConfidence, previousConfidence } from './confidenceChange.ts'
import { fourSquare, KEY_RESULTS } from './testFixtures.ts'

describe('confidenceChange', () => {
  it('says up, down or the same', () => {
    expect(confidenceChange(5, 7)).toBe('up')
    expect(confidenceChange(7, 4)).toBe('down')
    expect(confidenceChange(6, 6)).toBe('same')
    expect([CHANGE_SYMBOLS.up, CHANGE_SYMBOLS.down, CHANGE_SYMBOLS.same]).toEqual(['↑', '↓', '='])
  })
  it('says new when there is nothing to compare with', () => {
    expect(confidenceChange(null, 5)).toBe('new')
    expect(confidenceChange(undefined, 5)).toBe('new')
  })
  it('is the mirror image when the two weeks are swapped', () => {
    const mirror = { up: 'down', down: 'up', same: 'same', new: 'new' } as const
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (a, b) => {
        expect(confidenceChange(b, a)).toBe(mirror[confidenceChange(a, b)])
      }),
    )
  })
})

describe('isValidConfidence', () => {
  it('takes whole numbers from 1 to 10 only', () => {
    expect([1, 5, 10].every(isValidConfidence)).toBe(true)
    expect([0, 11, 5.5, Number.NaN, -3].some(isValidConfidence)).toBe(false)
  })
})

describe('previousConfidence', () => {
  it("takes last week's status when there is one", () => {
    const last = fourSquare({ statuses: [{ keyResultId: 'kr1', confidence: 8, reason: 'x' }] })
    expect(previousConfidence('kr1', last, KEY_RESULTS)).toBe(8)
  })
  it('falls back to the published confidence in the first week or when last week left it out', () => {
    expect(previousConfidence('kr1', null, [{ id: 'kr1', statement: 'Conversion', confidence: 4 }])).toBe(4)
    const last = fourSquare({ statuses: [{ keyResultId: 'kr1', confidence: 8, reason: 'x' }] })
    expect(previousConfidence('kr2', last, KEY_RESULTS)).toBe(5)
  })
  it('is null for a key result nobody knows', () => {
    expect(previousConfidence('ghost', null, KEY_RESULTS)).toBeNull()
  })
})
