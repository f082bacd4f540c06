import { describe, expect, it } from 'vitest'
import type { VoteState } from '../voting/voteState.ts'
import { facilitatorNextStep } from './facilitatorNextStep.ts'

const vote = (over: Partial<VoteState>): VoteState => ({
  round: 1,
  kind: 'final',
  phase: 'setup',
  candidates: [],
  allCandidates: [],
  settings: { budget: 3, perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: true },
  seats: 3,
  shortlistSize: null,
  carriedWinnerIds: [],
  result: null,
  chosenIds: null,
  ...over,
})
const tally = (tiedAtCut: string[]) =>
  ({ ranking: [], winners: [], tiedAtCut, seatsLeftForTied: tiedAtCut.length ? 1 : 0, ballotCount: 4, totalDots: 12 }) as unknown as VoteState['result']

describe('facilitatorNextStep', () => {
  it('advances through the stages that have no inner steps', () => {
    expect(facilitatorNextStep('mission', null)).toEqual({ kind: 'advance', to: 'submit' })
    expect(facilitatorNextStep('group', null)).toEqual({ kind: 'advance', to: 'vote' })
    expect(facilitatorNextStep('review', null)).toEqual({ kind: 'advance', to: 'published' })
    expect(facilitatorNextStep('published', null)).toEqual({ kind: 'none' })
  })

  it('never offers Key results before the vote has decided the objectives', () => {
    expect(facilitatorNextStep('vote', null)).toEqual({ kind: 'preparing' })
    expect(facilitatorNextStep('vote', vote({ phase: 'setup' }))).toEqual({ kind: 'openVoting' })
    expect(facilitatorNextStep('vote', vote({ phase: 'open' }))).toEqual({ kind: 'closeVoting' })
    expect(facilitatorNextStep('vote', vote({ phase: 'closed' }))).toEqual({ kind: 'revealVotes' })
    expect(facilitatorNextStep('vote', vote({ phase: 'revealed', result: tally(['a', 'b']) }))).toEqual({ kind: 'settleTie' })
    expect(facilitatorNextStep('vote', vote({ phase: 'revealed', kind: 'shortlist', result: tally([]) }))).toEqual({ kind: 'startFinalRound' })
    expect(facilitatorNextStep('vote', vote({ phase: 'revealed', result: tally([]), chosenIds: ['a'] }))).toEqual({ kind: 'advance', to: 'keyResults' })
  })
})
