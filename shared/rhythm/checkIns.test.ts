import { describe, expect, it } from 'vitest'
import { checkInsFromFourSquares, latestCheckIn } from './checkIns.ts'
import { fourSquare } from './testFixtures.ts'

const history = [
  { keyResultId: 'kr1', weekId: '2027-01-11', confidence: 6 },
  { keyResultId: 'kr1', weekId: '2027-01-04', confidence: 5 },
  { keyResultId: 'kr2', weekId: '2027-01-18', confidence: 3 },
  { keyResultId: 'kr1', weekId: '2027-01-25', confidence: 8 },
]

describe('checkInsFromFourSquares', () => {
  it('turns each valid status into a check-in for its week and leaves invalid ones out', () => {
    const weeks = [
      fourSquare({ weekId: '2027-01-04', statuses: [{ keyResultId: 'kr1', confidence: 5, reason: '' }] }),
      fourSquare({
        weekId: '2027-01-11',
        statuses: [
          { keyResultId: 'kr1', confidence: 6, reason: 'x' },
          { keyResultId: 'kr2', confidence: 0, reason: '' },
        ],
      }),
    ]
    expect(checkInsFromFourSquares(weeks)).toEqual([
      { keyResultId: 'kr1', weekId: '2027-01-04', confidence: 5 },
      { keyResultId: 'kr1', weekId: '2027-01-11', confidence: 6 },
    ])
  })
})

describe('latestCheckIn', () => {
  it('finds the most recent check-in whatever the order of the history', () => {
    expect(latestCheckIn(history, 'kr1')).toEqual({ keyResultId: 'kr1', weekId: '2027-01-25', confidence: 8 })
  })
  it('looks no later than the week asked for', () => {
    expect(latestCheckIn(history, 'kr1', '2027-01-18')?.confidence).toBe(6)
    expect(latestCheckIn(history, 'kr1', '2027-01-04')?.confidence).toBe(5)
    expect(latestCheckIn(history, 'kr1', '2026-12-28')).toBeNull()
  })
  it('lets the later record win within a week, and ignores invalid confidences', () => {
    const h = [
      { keyResultId: 'k', weekId: '2027-01-04', confidence: 4 },
      { keyResultId: 'k', weekId: '2027-01-04', confidence: 7 },
      { keyResultId: 'k', weekId: '2027-01-11', confidence: 42 },
    ]
    expect(latestCheckIn(h, 'k')?.confidence).toBe(7)
  })
  it('is null for a key result never checked in', () => {
    expect(latestCheckIn(history, 'kr3')).toBeNull()
  })
})
