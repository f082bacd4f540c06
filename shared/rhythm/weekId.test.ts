import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addWeeks, dayNumber, isoDateOfDay, isoWeekLabel, isWeekId, weekIdOf, weeksBetween } from './weekId.ts'

describe('weekIdOf', () => {
  it('names a week by its Monday, from any day in it', () => {
    expect(weekIdOf('2027-01-04')).toBe('2027-01-04')
    expect(weekIdOf('2027-01-07')).toBe('2027-01-04')
    expect(weekIdOf('2027-01-10')).toBe('2027-01-04')
    expect(weekIdOf('2027-01-11')).toBe('2027-01-11')
  })
  it('crosses month and year ends, and works before 1970', () => {
    expect(weekIdOf('2027-01-01')).toBe('2026-12-28')
    expect(weekIdOf('1969-12-31')).toBe('1969-12-29')
  })
  it('refuses dates that do not exist', () => {
    expect(weekIdOf('2027-02-30')).toBeNull()
    expect(weekIdOf('2027-1-4')).toBeNull()
    expect(weekIdOf('next monday')).toBeNull()
  })
  it('always lands on the Monday on or before the date, at most six days back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), (day) => {
        const date = isoDateOfDay(day)
        const monday = weekIdOf(date) as string
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1)
        const back = day - (dayNumber(monday) as number)
        expect(back).toBeGreaterThanOrEqual(0)
        expect(back).toBeLessThanOrEqual(6)
      }),
    )
  })
})

describe('isWeekId', () => {
  it('accepts a Monday and nothing else', () => {
    expect(isWeekId('2027-01-04')).toBe(true)
    expect(isWeekId('2027-01-05')).toBe(false)
    expect(isWeekId('2027-W01')).toBe(false)
  })
})

describe('addWeeks and weeksBetween', () => {
  it('step across a year end and back', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04')
    expect(addWeeks('2027-01-04', -1)).toBe('2026-12-28')
    expect(addWeeks('2027-01-04', 4)).toBe('2027-02-01')
    expect(weeksBetween('2026-12-28', '2027-02-01')).toBe(5)
    expect(weeksBetween('2027-02-01', '2026-12-28')).toBe(-5)
  })
  it('give null for a day that is not a Monday or a fractional step', () => {
    expect(addWeeks('2027-01-05', 1)).toBeNull()
    expect(addWeeks('2027-01-04', 0.5)).toBeNull()
    expect(weeksBetween('2027-01-04', '2027-01-06')).toBeNull()
  })
})

describe('isoWeekLabel', () => {
  it('follows ISO 8601: the week belongs to the year of its Thursday', () => {
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01')
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53')
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01')
    expect(isoWeekLabel('2027-03-22')).toBe('2027-W12')
    expect(isoWeekLabel('2027-01-05')).toBe('')
  })
})
