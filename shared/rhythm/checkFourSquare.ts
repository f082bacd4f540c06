import { confidenceChange, isValidConfidence, previousConfidence } from './confidenceChange.ts'
import { isOneLine } from './isOneLine.ts'
import { quoted, type Problem } from './problem.ts'
import { HEALTH_INDICATOR_COUNT, MAX_PRIORITIES, MAX_REASON_CHARS, PLAN_HORIZON_WEEKS, type FourSquare, type TrackedKeyResult } from './rhythmTypes.ts'
import { isWeekId, weeksBetween } from './weekId.ts'

export type FourSquareProblemCode =
  | 'not_a_week'
  | 'too_many_priorities'
  | 'p3_priority'
  | 'untitled'
  | 'missing_owner'
  | 'unknown_key_result'
  | 'plan_out_of_range'
  | 'plan_without_helpers'
  | 'confidence_out_of_range'
  | 'duplicate_status'
  | 'missing_reason'
  | 'reason_not_one_line'
  | 'missing_status'
  | 'health_indicator_count'
  | 'unnamed_health_indicator'

export type FourSquareProblem = Problem<FourSquareProblemCode>

/**
 * Everything worth fixing in a team's Monday four-square, quadrant by quadrant, as specific friendly sentences.
 *
 * `previousWeek` is the team's most recent earlier four-square (null in the first week); `keyResults` are the key
 * results the team tracks (those of its objectives in the published set). A confidence that moved since last week
 * (or, without a last week, since publication) needs a one-line reason.
 */
export function checkFourSquare(fourSquare: FourSquare, previousWeek: FourSquare | null, keyResults: readonly TrackedKeyResult[]): FourSquareProblem[] {
  const problems: FourSquareProblem[] = []
  const add = (code: FourSquareProblemCode, message: string, subjectId: string | null = null) => problems.push({ code, message, subjectId })
  const knownKrs = new Map(keyResults.map((kr) => [kr.id, kr]))

  if (!isWeekId(fourSquare.weekId)) add('not_a_week', `“${fourSquare.weekId}” is not a week: name it by its Monday (yyyy-mm-dd).`)

  // 1. This week's priorities
  const { priorities } = fourSquare
  if (priorities.length > MAX_PRIORITIES) {
    add('too_many_priorities', `${priorities.length} priorities: keep the ${MAX_PRIORITIES} that matter most this week.`)
  }
  for (const p of priorities) {
    const name = quoted(p.title, 'A priority')
    if (!p.title.trim()) add('untitled', 'A priority has no title: what will be done this week?', p.id)
    if (p.rank === 'P3') add('p3_priority', `${name} is P3: weekly priorities are P1 or P2. Raise it or leave it out.`, p.id)
    if (!p.owner.trim()) add('missing_owner', `${name} has no owner: who will see it through?`, p.id)
    if (p.keyResultId !== null && !knownKrs.has(p.keyResultId)) {
      add('unknown_key_result', `${name} is linked to a key result that is not in this quarter's set.`, p.id)
    }
  }

  // 2. Plans for the next four weeks
  for (const plan of fourSquare.plans) {
    const name = quoted(plan.title, 'A plan')
    if (!plan.title.trim()) add('untitled', 'A plan has no title: what is coming up?', plan.id)
    const ahead = weeksBetween(fourSquare.weekId, plan.weekId)
    if (isWeekId(fourSquare.weekId) && (ahead === null || ahead < 1 || ahead > PLAN_HORIZON_WEEKS)) {
      add('plan_out_of_range', `${name} is not in the next ${PLAN_HORIZON_WEEKS} weeks: plans look 1 to ${PLAN_HORIZON_WEEKS} weeks ahead.`, plan.id)
    }
    if (!plan.needsFrom.trim()) add('plan_without_helpers', `${name}: who needs to prepare or help?`, plan.id)
  }

  // 3. OKR status
  const seen = new Set<string>()
  for (const s of fourSquare.statuses) {
    const kr = knownKrs.get(s.keyResultId)
    const name = kr ? quoted(kr.statement, 'A key result') : 'A key result'
    if (!kr) {
      add('unknown_key_result', "A status is given for a key result that is not in this quarter's set.", s.keyResultId)
      continue
    }
    if (seen.has(s.keyResultId)) {
      add('duplicate_status', `${name} has two statuses this week: keep one.`, s.keyResultId)
      continue
    }
    seen.add(s.keyResultId)
    if (!isValidConfidence(s.confidence)) {
      add('confidence_out_of_range', `${name}: confidence is a whole number from 1 to 10 (got ${s.confidence}).`, s.keyResultId)
      continue
    }
    const last = previousConfidence(s.keyResultId, previousWeek, keyResults)
    const change = confidenceChange(last, s.confidence)
    if ((change === 'up' || change === 'down') && !s.reason.trim()) {
      add('missing_reason', `${name} went ${change} from ${last} to ${s.confidence}: say why in one line.`, s.keyResultId)
    } else if (s.reason.trim() && !isOneLine(s.reason)) {
      add('reason_not_one_line', `${name}: keep the reason to one line (at most ${MAX_REASON_CHARS} characters).`, s.keyResultId)
    }
  }
  for (const kr of keyResults) {
    if (!seen.has(kr.id)) {
      add('missing_status', `${quoted(kr.statement, 'A key result')} has no confidence this week.`, kr.id)
    }
  }

  // 4. Health indicators
  if (fourSquare.health.length !== HEALTH_INDICATOR_COUNT) {
    add(
      'health_indicator_count',
      `Name exactly ${HEALTH_INDICATOR_COUNT} health indicators (there ${fourSquare.health.length === 1 ? 'is 1' : `are ${fourSquare.health.length}`}).`,
    )
  }
  for (const h of fourSquare.health) {
    if (!h.name.trim()) add('unnamed_health_indicator', 'A health indicator has no name: what does its colour describe?', h.id)
  }
  return problems
}
