import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { tallyVotes } from './tallyVotes.ts'
import type { Ballot } from './voteTypes.ts'

const ids = ['a', 'b', 'c', 'd', 'e']

describe('tallyVotes', () => {
  it('ranks by total dots and picks the winners above the cut line', () => {
    const t = tallyVotes(
      [
        { a: 3, b: 1 },
        { a: 1, c: 2 },
        { d: 1, b: 1 },
      ],
      ids,
      2,
    )
    expect(t.ranking.map((r) => [r.id, r.dots])).toEqual([
      ['a', 4],
      ['b', 2],
      ['c', 2],
      ['d', 1],
      ['e', 0],
    ])
    expect(t.winners).toEqual(['a'])
    expect(t.tiedAtCut).toEqual(['b', 'c'])
    expect(t.seatsLeftForTied).toBe(1)
  })

  it('reports no tie when the last winner is clear of the next', () => {
    const t = tallyVotes([{ a: 3, b: 2, c: 1 }], ids, 2)
    expect(t.winners).toEqual(['a', 'b'])
    expect(t.tiedAtCut).toEqual([])
  })

  it('reports a tie when two cards share the last winning place', () => {
    const t = tallyVotes([{ a: 2, b: 2, c: 2 }], ids, 3)
    expect(t.winners).toEqual(['a', 'b', 'c'])
    const tied = tallyVotes([{ a: 2, b: 1, c: 1, d: 1 }], ids, 3)
    expect(tied.winners).toEqual(['a'])
    expect(tied.tiedAtCut).toEqual(['b', 'c', 'd'])
    expect(tied.seatsLeftForTied).toBe(2)
  })

  it('uses competition ranking: equal totals share a rank', () => {
    const t = tallyVotes([{ a: 2, b: 2, c: 1 }], ids, 1)
    expect(t.ranking.map((r) => r.rank)).toEqual([1, 1, 3, 4, 4])
  })

  it('ignores dots on unknown candidates', () => {
    expect(tallyVotes([{ zz: 5, a: 1 }], ids, 1).totalDots).toBe(1)
  })

  it('handles more seats than candidates and no ballots', () => {
    expect(tallyVotes([], ['a'], 3)).toMatchObject({ winners: ['a'], tiedAtCut: [], ballotCount: 0 })
    expect(tallyVotes([], ['a', 'b'], 1)).toMatchObject({ winners: [], tiedAtCut: ['a', 'b'], seatsLeftForTied: 1 })
  })

  const ballotArb = fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 5 }), { maxKeys: 5 })
  it('totals equal the sum of the ballots', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 50 }), (ballots) => {
        const t = tallyVotes(ballots, ids, 3)
        const sum = ballots.reduce((s, b) => s + Object.values(b).reduce((x, y) => x + y, 0), 0)
        expect(t.totalDots).toBe(sum)
        expect(t.ranking.reduce((s, r) => s + r.dots, 0)).toBe(sum)
      }),
    )
  })

  it('ranking and tie detection do not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (ballots: Ballot[], seats, seed) => {
        const shuffled = [...ballots].sort((x, y) => ((JSON.stringify(x).length * seed) % 7) - ((JSON.stringify(y).length * seed) % 7))
        expect(tallyVotes(shuffled, ids, seats)).toEqual(tallyVotes(ballots, ids, seats))
      }),
    )
  })

  it('winners plus the seats left for the tied always fill the seats exactly', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (ballots, seats) => {
        const t = tallyVotes(ballots, ids, seats)
        expect(t.winners.length + t.seatsLeftForTied).toBe(Math.min(seats, ids.length))
        for (const w of t.winners) expect(t.tiedAtCut).not.toContain(w)
      }),
    )
  })
})
