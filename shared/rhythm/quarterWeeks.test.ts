import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { quarterWeeks } from './quarterWeeks.ts'
import { addWeeks, dayNumber, isoWeekLabel } from './weekId.ts'

describe('quarterWeeks', () => {
  it('lists the Mondays of the weeks whose Thursday is in the quarter', () => {
    const q1 = quarterWeeks('2027 Q1')
    expect(q1).toHaveLength(12)
    expect(q1[0]).toBe('2027-01-04')
    expect(q1[1]).toBe('2027-01-11')
    expect(q1.at(-1)).toBe('2027-03-22')
    expect(quarterWeeks('2027 Q2')[0]).toBe('2027-03-29')
  })
  it('gives a week that straddles the year end to the quarter holding most of its days', () => {
    expect(quarterWeeks('2026 Q4').at(-1)).toBe('2026-12-28')
    expect(quarterWeeks('2026 Q4')).toHaveLength(14)
    expect(quarterWeeks('2025 Q1')[0]).toBe('2024-12-30')
  })
  it('gives nothing for a label that is not a quarter', () => {
    expect(quarterWeeks('2027 Q5')).toEqual([])
    expect(quarterWeeks('Q1 2027')).toEqual([])
  })
  it('splits each ISO year into four runs of 12 to 14 consecutive weeks, W01 first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2200 }), (year) => {
        const quarters = [1, 2, 3, 4].map((q) => quarterWeeks(`${year} Q${q}`))
        for (const weeks of quarters) {
          expect(weeks.length).toBeGreaterThanOrEqual(12)
          expect(weeks.length).toBeLessThanOrEqual(14)
        }
        const all = quarters.flat()
        all.forEach((w, i) => {
          if (i > 0) expect(addWeeks(all[i - 1] as string, 1)).toBe(w)
          expect(isoWeekLabel(w)).toBe(`${year}-W${String(i + 1).padStart(2, '0')}`)
        })
        expect(isoWeekLabel(addWeeks(all.at(-1) as string, 1) as string)).toBe(`${year + 1}-W01`)
        // Each week's Thursday is inside its quarter's months.
        quarters.forEach((weeks, q) =>
          weeks.forEach((w) => {
            const month = new Date(((dayNumber(w) as number) + 3) * 86_400_000).getUTCMonth()
            expect(Math.floor(month / 3)).toBe(q)
          }),
        )
      }),
      { numRuns: 60 },
    )
  })
})
