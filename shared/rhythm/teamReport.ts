import { buildWeeklyReport, type WeeklyReport } from './buildWeeklyReport.ts'
import { checkInsFromFourSquares } from './checkIns.ts'
import { confidenceTrend, type TrendPoint } from './confidenceTrend.ts'
import { quarterWeeks } from './quarterWeeks.ts'
import { fourSquareOf, fridayReviewOf, previousFourSquare, weekOf, type TeamView } from './teamDoc.ts'
import { addWeeks, type WeekId } from './weekId.ts'

/**
 * The weekly report of one team week. Next week's priorities come from next week's four-square when the team has
 * started it; before that (a Friday report), this week's priorities not marked done carry over as candidates.
 */
export function teamWeeklyReport(view: TeamView, weekId: WeekId): WeeklyReport {
  const team = view.record.name
  const week = weekOf(view, weekId)
  const nextWeekId = addWeeks(weekId, 1)
  const next = view.weeks.find((w) => w.weekId === nextWeekId)
  const done = new Set(week.outcomes.filter((o) => o.isDone).map((o) => o.priorityId))
  const candidates = next && next.priorities.length > 0 ? next.priorities : week.priorities.filter((p) => !done.has(p.id))
  const hasReview = week.wins.length > 0 || week.outcomes.length > 0
  return buildWeeklyReport({
    objectives: view.record.objectives,
    fourSquare: fourSquareOf(team, week),
    previousWeek: previousFourSquare(team, view.weeks, weekId),
    review: hasReview ? fridayReviewOf(team, week) : null,
    nextWeekCandidates: candidates,
    risks: week.risks,
    remarks: week.remarks,
  })
}

export interface KeyResultTrend {
  keyResultId: string
  statement: string
  /** The confidence it was published with: where the line starts. */
  published: number
  points: TrendPoint[]
}

export interface ObjectiveTrends {
  objectiveId: string
  title: string
  keyResults: KeyResultTrend[]
}

/** Every key result's confidence over the quarter's weeks, grouped by objective (gaps where nobody checked in). */
export function teamTrends(view: TeamView): ObjectiveTrends[] {
  const weeks = quarterWeeks(view.record.quarter)
  const history = checkInsFromFourSquares(view.weeks.map((w) => fourSquareOf(view.record.name, w)))
  return view.record.objectives.map((o) => ({
    objectiveId: o.id,
    title: o.title,
    keyResults: o.keyResults.map((kr) => ({
      keyResultId: kr.id,
      statement: kr.statement,
      published: kr.confidence,
      points: confidenceTrend(history, kr.id, weeks),
    })),
  }))
}
