import { describe, expect, it } from 'vitest'
import { candidateById } from './candidateIndex.ts'
import type { VoteCandidate } from './voteState.ts'

const candidate = (id: string, title = id): VoteCandidate => ({ id, title, authorIds: [], cardIds: [] })

describe('candidateById', () => {
  it('finds what find would, and nothing for an unknown id', () => {
    const list = [candidate('a'), candidate('b'), candidate('a', 'second a')]
    expect(candidateById(list, 'b')).toBe(list[1])
    expect(candidateById(list, 'a')).toBe(list.find((c) => c.id === 'a'))
    expect(candidateById(list, 'zz')).toBeUndefined()
  })

  it('indexes each list on its own: a new list is not answered from the old one', () => {
    const first = [candidate('a')]
    const second = [candidate('b')]
    expect(candidateById(first, 'a')).toBe(first[0])
    expect(candidateById(second, 'a')).toBeUndefined()
    expect(candidateById(second, 'b')).toBe(second[0])
  })
})
