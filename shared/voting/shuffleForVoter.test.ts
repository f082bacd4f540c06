import { describe, expect, it } from 'vitest'
import { shuffleForVoter } from './shuffleForVoter.ts'

const items = Array.from({ length: 20 }, (_, i) => `c${i}`)

describe('shuffleForVoter', () => {
  it('gives one voter the same order every time', () => {
    expect(shuffleForVoter(items, 'ada')).toEqual(shuffleForVoter(items, 'ada'))
  })
  it('gives different voters different orders of the same candidates', () => {
    const a = shuffleForVoter(items, 'ada')
    const b = shuffleForVoter(items, 'grace')
    expect(a).not.toEqual(b)
    expect([...a].sort()).toEqual([...items].sort())
  })
  it('spreads the first place across voters', () => {
    const firsts = new Set(Array.from({ length: 200 }, (_, i) => shuffleForVoter(items, `voter-${i}`)[0]))
    expect(firsts.size).toBeGreaterThan(12)
  })
})
