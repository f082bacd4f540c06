import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import type { Stage } from '../stages/stages.ts'

export interface PublishedObjective {
  id: string
  title: string
  whyNow: string
  team: string
  deadline: string
  keyResults: KeyResult[]
}

export interface MeetingSummary {
  participants: number
  submissions: number
  merges: number
  /** Ballots stored, one per person per round. */
  ballots: number
  /** People who voted, and in how many rounds (absent in sets published before they were counted). */
  voters?: number
  votingRounds?: number
  /** Time spent in each stage the meeting went through, in order. */
  stageDurations: { stage: Stage; ms: number }[]
}

/** The quarter's OKRs as published: what the public page shows and every export contains. */
export interface PublishedSet {
  meetingId: string
  title: string
  quarter: string
  mission: string
  publishedAt: number
  objectives: PublishedObjective[]
  summary: MeetingSummary
}
