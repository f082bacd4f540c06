import type { Candidate, Tally, VoteSettings } from './voteTypes.ts'

export type VotePhase = 'setup' | 'open' | 'closed' | 'revealed'
/** shortlist: round 1 of two; final: picks the objectives; runoff: settles a tie at the cut line. */
export type RoundKind = 'shortlist' | 'final' | 'runoff'

export interface VoteCandidate extends Candidate {
  /** The board cards behind this candidate (a cluster has several). */
  cardIds: string[]
}

/** The vote as everyone may see it. Ballots are never here; the result appears only at the reveal. */
export interface VoteState {
  round: number
  kind: RoundKind
  phase: VotePhase
  /** This round's candidates (a run-off has only the tied). */
  candidates: VoteCandidate[]
  /** Everything that entered the vote, for titles and the second round. */
  allCandidates: VoteCandidate[]
  settings: VoteSettings
  /** How many candidates this round selects. */
  seats: number
  /** For two rounds: how many the shortlist keeps (set up before round 1). */
  shortlistSize: number | null
  /** Winners carried from earlier rounds of a run-off chain. */
  carriedWinnerIds: string[]
  result: Tally | null
  /** Set when the objectives are decided (no tie left): carried into Key results. */
  chosenIds: string[] | null
}

/** The objectives decided by the vote, in rank order. */
export interface ChosenObjective {
  id: string
  title: string
  cardIds: string[]
  dots: number
}
