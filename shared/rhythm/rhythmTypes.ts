import type { ConfidenceBand } from '../keyResults/confidenceBand.ts'
import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import type { WeekId } from './weekId.ts'

/** Monday commitments: at most four priorities a week (DOMAIN.md). */
export const MAX_PRIORITIES = 4
/** The plans quadrant looks this many weeks ahead. */
export const PLAN_HORIZON_WEEKS = 4
/** The team names exactly two health indicators. */
export const HEALTH_INDICATOR_COUNT = 2
/** A reason (“why it moved”, “why not done”) is one line: no line breaks and at most this long. */
export const MAX_REASON_CHARS = 140
/** The weekly report lists next week's three priorities. */
export const NEXT_WEEK_PRIORITY_COUNT = 3
export const MIN_CONFIDENCE = 1
export const MAX_CONFIDENCE = 10

/** P3 can be written down so it can be pointed out: weekly priorities are P1 or P2 only. */
export type PriorityRank = 'P1' | 'P2' | 'P3'

/** Quadrant 1: one of this week's priorities. */
export interface Priority {
  id: string
  title: string
  rank: PriorityRank
  owner: string
  /** The key result it moves, when it moves one. */
  keyResultId: string | null
}

/** Quadrant 2: something in the next four weeks that needs others to prepare or help. */
export interface Plan {
  id: string
  title: string
  /** The week it happens or is due. */
  weekId: WeekId
  /** Who must prepare or help (people or teams, free text). */
  needsFrom: string
  owner: string
}

/** Quadrant 3: one key result's confidence this week. The change is derived (see confidenceChange). */
export interface KrStatus {
  keyResultId: string
  /** 1–10. */
  confidence: number
  /** Why it moved: required when the confidence changed since last week. */
  reason: string
}

/** Health indicators use the confidence colours. */
export type HealthColour = ConfidenceBand

/** Quadrant 4: one of the two indicators the team names (“team morale”, “release pipeline”…). */
export interface HealthIndicator {
  id: string
  name: string
  colour: HealthColour
  note: string
}

/** A team's Monday commitments for one week. */
export interface FourSquare {
  team: string
  weekId: WeekId
  priorities: Priority[]
  plans: Plan[]
  statuses: KrStatus[]
  health: HealthIndicator[]
}

/** What the weekly rules need to know about a key result the team tracks (a published KeyResult fits). */
export type TrackedKeyResult = Pick<KeyResult, 'id' | 'statement' | 'confidence'>

/** Friday: something the team achieved this week. */
export interface Win {
  id: string
  text: string
  by: string
}

/** Friday: one of this week's priorities, marked done or not done. */
export interface PriorityOutcome {
  priorityId: string
  isDone: boolean
  /** A short why: required when not done. */
  why: string
}

/** A team's Friday post: its wins, and this week's priorities marked. */
export interface FridayReview {
  team: string
  weekId: WeekId
  wins: Win[]
  outcomes: PriorityOutcome[]
}

/** One key result's confidence in one week: what trends and roll-ups are computed from. */
export interface ConfidenceCheckIn {
  keyResultId: string
  weekId: WeekId
  confidence: number
}
