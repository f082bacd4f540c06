import type { VoteState } from '../voting/voteState.ts'
import { nextStage, type Stage } from './stages.ts'

/**
 * The one thing the facilitator should do next, so the stage bar never offers "Advance" while the stage's own work
 * is unfinished (a vote not yet opened, closed or revealed, or a tie not yet settled).
 */
export type FacilitatorNextStep =
  | { kind: 'advance'; to: Stage }
  | { kind: 'openVoting' }
  | { kind: 'closeVoting' }
  | { kind: 'revealVotes' }
  | { kind: 'settleTie' }
  | { kind: 'startFinalRound' }
  | { kind: 'preparing' }
  | { kind: 'none' }

export function facilitatorNextStep(stage: Stage, vote: VoteState | null): FacilitatorNextStep {
  if (stage === 'vote') {
    if (!vote) return { kind: 'preparing' }
    if (vote.chosenIds && vote.chosenIds.length > 0) return { kind: 'advance', to: 'keyResults' }
    switch (vote.phase) {
      case 'setup':
        return { kind: 'openVoting' }
      case 'open':
        return { kind: 'closeVoting' }
      case 'closed':
        return { kind: 'revealVotes' }
      case 'revealed':
        if (vote.result && vote.result.tiedAtCut.length > 0) return { kind: 'settleTie' }
        return vote.kind === 'shortlist' ? { kind: 'startFinalRound' } : { kind: 'settleTie' }
    }
  }
  const to = nextStage(stage)
  return to ? { kind: 'advance', to } : { kind: 'none' }
}
