import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mondayAgenda } from './mondayAgenda.ts'

describe('mondayAgenda', () => {
  it('spends a quarter of the time on status and the rest on the plan', () => {
    expect(mondayAgenda(60)).toEqual({ statusMinutes: 15, planMinutes: 45 })
    expect(mondayAgenda(40)).toEqual({ statusMinutes: 10, planMinutes: 30 })
  })
  it('rounds in favour of the plan', () => {
    expect(mondayAgenda(30)).toEqual({ statusMinutes: 7, planMinutes: 23 })
    expect(mondayAgenda(3)).toEqual({ statusMinutes: 0, planMinutes: 3 })
  })
  it('gives an empty agenda for no time or nonsense', () => {
    expect(mondayAgenda(0)).toEqual({ statusMinutes: 0, planMinutes: 0 })
    expect(mondayAgenda(-10)).toEqual({ statusMinutes: 0, planMinutes: 0 })
    expect(mondayAgenda(Number.NaN)).toEqual({ statusMinutes: 0, planMinutes: 0 })
  })
  it('always adds up to the whole meeting, with at least three times as long on the plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (total) => {
        const a = mondayAgenda(total)
        expect(a.statusMinutes + a.planMinutes).toBe(total)
        expect(a.planMinutes).toBeGreaterThanOrEqual(3 * a.statusMinutes)
        expect(a.statusMinutes).toBe(Math.floor(total / 4))
      }),
    )
  })
})
