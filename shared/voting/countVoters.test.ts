import { describe, expect, it } from 'vitest'
import { countVoters, describeVoting } from './countVoters.ts'

describe('countVoters', () => {
  it('counts each person once across rounds', () => {
    const keys = ['1:ada', '1:bo', '1:cy', '1:dee', '2:ada', '2:bo', '2:cy', '2:dee']
    expect(countVoters(keys)).toEqual({ voters: 4, votingRounds: 2 })
    expect(countVoters([])).toEqual({ voters: 0, votingRounds: 0 })
  })
  it('says who voted, not how many ballots', () => {
    expect(describeVoting({ ballots: 8, voters: 4, votingRounds: 2 })).toBe('4 people voted (over 2 rounds)')
    expect(describeVoting({ ballots: 1, voters: 1, votingRounds: 1 })).toBe('1 person voted')
    expect(describeVoting({ ballots: 8 })).toBe('8 ballots')
  })
})
