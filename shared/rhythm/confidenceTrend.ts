import { confidenceBand, type ConfidenceBand } from '../keyResults/confidenceBand.ts'
import { isValidConfidence } from './confidenceChange.ts'
import type { ConfidenceCheckIn } from './rhythmTypes.ts'
import type { WeekId } from './weekId.ts'

export interface TrendPoint {
  weekId: WeekId
  /** null: no check-in that week (shown as a gap, never guessed). */
  confidence: number | null
  colour: ConfidenceBand | null
}

/**
 * One point per week asked for (usually quarterWeeks(quarter)), in that order. Check-ins outside those weeks are
 * ignored; two in the same week: the later one in `history` wins.
 */
export function confidenceTrend(history: readonly ConfidenceCheckIn[], keyResultId: string, weeks: readonly WeekId[]): TrendPoint[] {
  const byWeek = new Map<WeekId, number>()
  for (const c of history) {
    if (c.keyResultId === keyResultId && isValidConfidence(c.confidence)) byWeek.set(c.weekId, c.confidence)
  }
  return weeks.map((weekId) => {
    const confidence = byWeek.get(weekId) ?? null
    return { weekId, confidence, colour: confidence === null ? null : confidenceBand(confidence) }
  })
}
