import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import { latestCheckIn } from './checkIns.ts'
import { isValidConfidence } from './confidenceChange.ts'
import { isAppraisalMetric } from './isAppraisalMetric.ts'
import { quoted, type Problem } from './problem.ts'
import type { ConfidenceCheckIn } from './rhythmTypes.ts'
import { dayNumber, weekIdOf, weeksBetween, type WeekId } from './weekId.ts'

/** A quarter is 90–92 days; 12 weeks leaves room for a cycle that starts in the quarter's first days. */
export const MIN_CYCLE_DAYS = 84
/** Default: a key result with no check-in in the last two weeks (this one included) is going stale. */
export const STALE_AFTER_WEEKS = 2

export type PitfallCode = 'objectives_not_ranked' | 'cycle_too_short' | 'appraisal_metric' | 'no_confidence' | 'confidence_never_updated' | 'confidence_stale'

export type PitfallWarning = Problem<PitfallCode>

export interface PitfallObjective {
  id: string
  title: string
  /** 1 = most important. Missing or shared ranks mean there is no priority between objectives. */
  rank?: number | null
  /** ISO date the objective is due. */
  deadline: string
  keyResults: readonly Pick<KeyResult, 'id' | 'statement' | 'metric' | 'confidence'>[]
}

export interface PitfallInput {
  /** The company's objectives (a PublishedObjective plus a rank fits). */
  objectives: readonly PitfallObjective[]
  /** ISO date the cycle began: the quarter's first day, or the day the set was published. */
  cycleStart: string
  history: readonly ConfidenceCheckIn[]
  currentWeek: WeekId
  /** A check-in in the last this-many weeks (the current one included) counts as fresh. */
  staleAfterWeeks?: number
}

/**
 * Gentle warnings against the pitfalls DOMAIN.md names: several objectives without priorities, a cycle shorter than
 * a quarter, performance-appraisal metrics dressed as OKRs, a key result without a confidence, or one never tracked.
 */
export function pitfallWarnings(input: PitfallInput): PitfallWarning[] {
  const warnings: PitfallWarning[] = []
  const add = (code: PitfallCode, message: string, subjectId: string | null) => warnings.push({ code, message, subjectId })
  const { objectives } = input

  const ranks = objectives.map((o) => o.rank)
  const isRanked = ranks.every((r) => typeof r === 'number' && Number.isFinite(r)) && new Set(ranks).size === ranks.length
  if (objectives.length > 1 && !isRanked) {
    add(
      'objectives_not_ranked',
      `${objectives.length} objectives with no order between them: rank them, so everyone knows which one wins when time is short.`,
      null,
    )
  }

  const start = dayNumber(input.cycleStart)
  for (const o of objectives) {
    const end = dayNumber(o.deadline)
    if (start !== null && end !== null && end - start + 1 < MIN_CYCLE_DAYS) {
      const days = Math.max(0, end - start + 1)
      add(
        'cycle_too_short',
        `${quoted(o.title, 'An objective')} runs ${days} days: an OKR needs about a quarter to move. Weekly and monthly goals belong in the priorities.`,
        o.id,
      )
    }
    if (isAppraisalMetric(o.title)) {
      add(
        'appraisal_metric',
        `${quoted(o.title, 'An objective')} reads like a performance appraisal. OKRs set the company's direction; keep ratings of people out of them.`,
        o.id,
      )
    }
  }

  const staleAfter = Math.max(1, Math.floor(input.staleAfterWeeks ?? STALE_AFTER_WEEKS))
  const cycleWeek = weekIdOf(input.cycleStart)
  for (const kr of objectives.flatMap((o) => o.keyResults)) {
    const name = quoted(kr.statement, 'A key result')
    if (isAppraisalMetric(kr.statement, kr.metric)) {
      add('appraisal_metric', `${name} reads like a performance-appraisal metric. OKRs measure the company's outcomes, not individuals' ratings.`, kr.id)
    }
    const last = latestCheckIn(input.history, kr.id, input.currentWeek)
    if (!last && !isValidConfidence(kr.confidence)) {
      add('no_confidence', `${name} has no confidence score: how likely is it, from 1 to 10? Start at 5.`, kr.id)
      continue
    }
    const since = last?.weekId ?? cycleWeek
    const idle = since === null ? null : weeksBetween(since, input.currentWeek)
    if (idle === null || idle < staleAfter) continue
    if (last) add('confidence_stale', `${name} has had no check-in for ${idle} weeks (last: week of ${last.weekId}). Is it still ${last.confidence}/10?`, kr.id)
    else add('confidence_never_updated', `${name} has not been checked in since it was set, ${idle} weeks ago. Track its confidence every week.`, kr.id)
  }
  return warnings
}
