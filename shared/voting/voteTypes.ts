export interface VoteSettings {
  /** Dots per person. */
  budget: number
  /** Most dots one person may put on one candidate; null: no cap (stacking allowed freely). */
  perCandidateCap: number | null
  /** When on, nobody may vote for a candidate they wrote or support. */
  isOwnVoteForbidden: boolean
  /** When on, people are reminded (never forced) to spend all their dots. */
  isSpendAllReminded: boolean
}

/** One person's dots: candidateId → dots (absent or 0: none). */
export type Ballot = Readonly<Record<string, number>>

export interface Candidate {
  id: string
  title: string
  /** Who wrote or supports it (for "no votes on your own submission"). */
  authorIds: readonly string[]
}

export interface RankedCandidate {
  id: string
  dots: number
  /** 1-based, shared by equal totals ("competition ranking": 1, 2, 2, 4). */
  rank: number
}

export interface Tally {
  ranking: RankedCandidate[]
  /** Candidates certainly in: ranked above the cut line. */
  winners: string[]
  /** Candidates tied across the cut line: someone must pick among them or run a run-off. Empty when clear. */
  tiedAtCut: string[]
  /** How many of the tied still fit under the cut line. */
  seatsLeftForTied: number
  totalDots: number
  ballotCount: number
}
