import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dotsSpent, isBallotValid, setDots, suggestBudget } from './voteRules.ts'
import type { Ballot, Candidate, VoteSettings } from './voteTypes.ts'

const candidates: Candidate[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase(), authorIds: id === 'a' ? ['me'] : [] }))
const byId = new Map(candidates.map((c) => [c.id, c]))
const settings: VoteSettings = { budget: 5, perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: false }

describe('suggestBudget', () => {
  it('follows candidates / 3 + 1, kept within 3 to 5', () => {
    expect(suggestBudget(2)).toBe(3)
    expect(suggestBudget(9)).toBe(4)
    expect(suggestBudget(12)).toBe(5)
    expect(suggestBudget(400)).toBe(5)
  })
})

describe('setDots', () => {
  it('counts stacked dots on one card', () => {
    const r = setDots({}, byId.get('b'), 3, settings, 'me')
    expect(r).toEqual({ ok: true, ballot: { b: 3 } })
  })
  it('refuses going over the budget and leaves the ballot as it was', () => {
    const ballot: Ballot = { b: 4 }
    const r = setDots(ballot, byId.get('c'), 2, settings, 'me')
    expect(r).toMatchObject({ ok: false, code: 'over_budget' })
    expect(ballot).toEqual({ b: 4 })
  })
  it('refuses more than the per-candidate cap', () => {
    expect(setDots({}, byId.get('b'), 3, { ...settings, perCandidateCap: 2 }, 'me')).toMatchObject({ ok: false, code: 'over_cap' })
  })
  it('refuses dots on your own proposal only when the setting forbids it, but allows taking them off', () => {
    expect(setDots({}, byId.get('a'), 1, settings, 'me').ok).toBe(true)
    const strict = { ...settings, isOwnVoteForbidden: true }
    expect(setDots({}, byId.get('a'), 1, strict, 'me')).toMatchObject({ ok: false, code: 'own_candidate' })
    expect(setDots({ a: 1 }, byId.get('a'), 0, strict, 'me')).toEqual({ ok: true, ballot: {} })
  })
  it('refuses an unknown candidate and negative or fractional dots', () => {
    expect(setDots({}, undefined, 1, settings, 'me')).toMatchObject({ code: 'unknown_candidate' })
    expect(setDots({}, byId.get('b'), -1, settings, 'me')).toMatchObject({ code: 'bad_dots' })
    expect(setDots({}, byId.get('b'), 1.5, settings, 'me')).toMatchObject({ code: 'bad_dots' })
  })
})

describe('ballot properties', () => {
  const settingsArb = fc.record({
    budget: fc.integer({ min: 1, max: 20 }),
    perCandidateCap: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    isOwnVoteForbidden: fc.boolean(),
    isSpendAllReminded: fc.boolean(),
  })
  const stepsArb = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'zz'), dots: fc.integer({ min: -2, max: 25 }) }), { maxLength: 40 })

  it('no sequence of changes ever yields a ballot over the budget or a cap', () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (s, steps) => {
        let ballot: Ballot = {}
        for (const step of steps) {
          const r = setDots(ballot, byId.get(step.id), step.dots, s, 'me')
          if (r.ok) ballot = r.ballot
          expect(dotsSpent(ballot)).toBeLessThanOrEqual(s.budget)
          if (s.perCandidateCap !== null) for (const n of Object.values(ballot)) expect(n).toBeLessThanOrEqual(s.perCandidateCap)
          expect(isBallotValid(ballot, byId, s, 'me')).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})
