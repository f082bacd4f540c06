import type * as Y from 'yjs'
import type { PublishedObjective } from '../exports/publishedSet.ts'
import { checkInsFromFourSquares, latestCheckIn } from './checkIns.ts'
import type { FourSquare, FridayReview, HealthIndicator, KrStatus, Plan, Priority, PriorityOutcome, TrackedKeyResult, Win } from './rhythmTypes.ts'
import type { WeekId } from './weekId.ts'

/**
 * A team space's shared doc (weekly rhythm). Written only by the server; every client syncs it read-only.
 *
 * | Y.Map  | key → value |
 * |---|---|
 * | `team` | `record` → TeamRecord; `timer` → MondayTimer \| null |
 * | `weeks` | weekId (its Monday) → TeamWeek |
 */
export const TEAM_MAP = 'team'
export const WEEKS_MAP = 'weeks'

export interface TeamRecord {
  id: string
  meetingId: string
  name: string
  meetingTitle: string
  quarter: string
  mission: string
  /** The team's objectives as published (frozen with the set): their key results are what the team tracks. */
  objectives: PublishedObjective[]
  createdAt: number
}

/** The Monday meeting's facilitator timer: ¼ of the time on status, ¾ on the plan (see mondayAgenda). */
export interface MondayTimer {
  startedAt: number
  totalMinutes: number
}

export const REACTIONS = ['party', 'clap', 'heart', 'rocket'] as const
export type Reaction = (typeof REACTIONS)[number]
export const REACTION_LABELS: Record<Reaction, { emoji: string; label: string }> = {
  party: { emoji: '🎉', label: 'Celebrate' },
  clap: { emoji: '👏', label: 'Applaud' },
  heart: { emoji: '❤️', label: 'Love it' },
  rocket: { emoji: '🚀', label: 'Ship it' },
}

/** A win on the wall: who reacted is kept as anonymous reactor keys (one reaction of each kind per viewer). */
export interface WallWin extends Win {
  postedAt: number
  reactions: Partial<Record<Reaction, string[]>>
}

/** Everything a team recorded for one week: Monday's four-square, Friday's review, the report's own notes. */
export interface TeamWeek {
  weekId: WeekId
  priorities: Priority[]
  plans: Plan[]
  statuses: KrStatus[]
  health: HealthIndicator[]
  outcomes: PriorityOutcome[]
  wins: WallWin[]
  risks: string[]
  remarks: string
}

export interface TeamView {
  record: TeamRecord
  timer: MondayTimer | null
  /** Sorted by week. */
  weeks: TeamWeek[]
}

export function emptyWeek(weekId: WeekId): TeamWeek {
  return { weekId, priorities: [], plans: [], statuses: [], health: [], outcomes: [], wins: [], risks: [], remarks: '' }
}

export function teamMaps(doc: Y.Doc) {
  return { team: doc.getMap<unknown>(TEAM_MAP), weeks: doc.getMap<TeamWeek>(WEEKS_MAP) }
}

/** The team space as plain data, or null before the doc has synced. */
export function readTeamView(doc: Y.Doc): TeamView | null {
  const { team, weeks } = teamMaps(doc)
  const record = team.get('record') as TeamRecord | undefined
  if (!record) return null
  const timer = (team.get('timer') as MondayTimer | null | undefined) ?? null
  return { record, timer, weeks: [...weeks.values()].sort((a, b) => a.weekId.localeCompare(b.weekId)) }
}

export function weekOf(view: TeamView, weekId: WeekId): TeamWeek {
  return view.weeks.find((w) => w.weekId === weekId) ?? emptyWeek(weekId)
}

/** The key results the team tracks: those of its objectives, in the published order. */
export function trackedKeyResults(record: TeamRecord): TrackedKeyResult[] {
  return record.objectives.flatMap((o) => o.keyResults.map((kr) => ({ id: kr.id, statement: kr.statement, confidence: kr.confidence })))
}

export function fourSquareOf(team: string, week: TeamWeek): FourSquare {
  return { team, weekId: week.weekId, priorities: week.priorities, plans: week.plans, statuses: week.statuses, health: week.health }
}

export function fridayReviewOf(team: string, week: TeamWeek): FridayReview {
  return { team, weekId: week.weekId, wins: week.wins, outcomes: week.outcomes }
}

/**
 * What "last week" means for `weekId`: the latest earlier check-in of every key result (a team that skipped a
 * week compares with the week before), as a four-square; null when nothing was recorded before. Key results
 * never checked in fall back to their published confidence (see previousConfidence).
 */
export function previousFourSquare(team: string, weeks: readonly TeamWeek[], weekId: WeekId): FourSquare | null {
  const earlier = weeks.filter((w) => w.weekId < weekId).sort((a, b) => a.weekId.localeCompare(b.weekId))
  if (earlier.length === 0) return null
  const history = checkInsFromFourSquares(earlier.map((w) => fourSquareOf(team, w)))
  const krIds = [...new Set(history.map((c) => c.keyResultId))]
  const statuses: KrStatus[] = []
  for (const id of krIds) {
    const last = latestCheckIn(history, id)
    if (last) statuses.push({ keyResultId: id, confidence: last.confidence, reason: '' })
  }
  const latest = earlier[earlier.length - 1] as TeamWeek
  return { ...fourSquareOf(team, latest), statuses }
}
