import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { nextWeekPriorities } from './nextWeekPriorities.ts'
import type { Priority } from './rhythmTypes.ts'
import { priority } from './testFixtures.ts'

describe('nextWeekPriorities', () => {
  it('keeps the top three, P1 before P2, in the team’s order within a rank', () => {
    const picked = nextWeekPriorities([
      priority('a', { rank: 'P2' }),
      priority('b', { rank: 'P1' }),
      priority('c', { rank: 'P2' }),
      priority('d', { rank: 'P1' }),
    ])
    expect(picked.map((p) => p.id)).toEqual(['b', 'd', 'a'])
  })
  it('leaves out P3 and untitled items', () => {
    expect(nextWeekPriorities([priority('a', { rank: 'P3' }), priority('b', { title: ' ' }), priority('c', { rank: 'P2' })]).map((p) => p.id)).toEqual(['c'])
  })
  it('keeps fewer when there are fewer', () => {
    expect(nextWeekPriorities([])).toEqual([])
    expect(nextWeekPriorities([priority('a')]).map((p) => p.id)).toEqual(['a'])
  })
  it('never gives more than three, only eligible P1/P2 items, all P1s ahead of all P2s', () => {
    const arb = fc.array(fc.record({ rank: fc.constantFrom('P1', 'P2', 'P3'), title: fc.constantFrom('Ship it', '', 'Call Acme') }), { maxLength: 10 })
    fc.assert(
      fc.property(arb, (rows) => {
        const candidates: Priority[] = rows.map((r, i) => priority(`p${i}`, { rank: r.rank as Priority['rank'], title: r.title }))
        const picked = nextWeekPriorities(candidates)
        const eligible = candidates.filter((p) => p.rank !== 'P3' && p.title !== '')
        expect(picked.length).toBe(Math.min(3, eligible.length))
        expect(picked.every((p) => eligible.includes(p))).toBe(true)
        const ranks = picked.map((p) => p.rank).join('')
        expect(ranks).toMatch(/^(P1)*(P2)*$/)
        const p1Count = eligible.filter((p) => p.rank === 'P1').length
        expect(picked.filter((p) => p.rank === 'P1').length).toBe(Math.min(3, p1Count))
      }),
    )
  })
})
