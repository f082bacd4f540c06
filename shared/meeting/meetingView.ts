import type { Stage } from '../stages/stages.ts'
import type { PresenceSummary } from '../presence/presenceTypes.ts'
import type { Mission } from './mission.ts'
import type { MeetingSettings } from './settings.ts'
import type { CardRecord, ClusterRecord } from '../board/boardTypes.ts'
import type { BoardSuggestion } from '../board/suggestClusters.ts'
import type { PublicSubmission } from '../submissions/submissionTypes.ts'
import type { ChosenObjective, VoteState } from '../voting/voteState.ts'
import type { KeyResultRecord, ObjectiveDetails } from '../keyResults/keyResultTypes.ts'
import type { PublishedSet } from '../exports/publishedSet.ts'

export type ObjectiveCount = 1 | 3

export interface StageTimer {
  startedAt: number
  durationMs: number
}

/** Everything a client may know about a meeting: a plain snapshot of the shared Y.Doc. */
export interface MeetingView {
  id: string
  title: string
  quarter: string
  mission: Mission
  objectiveCount: ObjectiveCount
  createdAt: number
  stage: Stage
  stageStartedAt: number
  timer: StageTimer | null
  /** Counts only; names reach facilitators by the roster feed and others by `findPeople`. */
  presence: PresenceSummary
  settings: MeetingSettings
  /** Active proposals; the only thing participants learn about others' proposals while they are private. */
  submissionCount: number
  openSubmissions: PublicSubmission[]
  cards: CardRecord[]
  clusters: ClusterRecord[]
  /** Pending suggestions only. */
  suggestions: BoardSuggestion[]
  vote: VoteState | null
  /** The objectives the vote chose, carried into Key results. */
  objectives: ChosenObjective[]
  /** Key-result fields, in order (statements are in each objective's co-edited doc). */
  keyResults: KeyResultRecord[]
  objectiveDetails: Record<string, ObjectiveDetails>
  published: PublishedSet | null
  /** The earlier quarter's published OKRs, for a follow-up meeting's Mission stage. */
  previous: PublishedSet | null
}
