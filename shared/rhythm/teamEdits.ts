import { checkFourSquare, type FourSquareProblemCode } from './checkFourSquare.ts'
import { checkFridayReview, type FridayReviewProblemCode } from './checkFridayReview.ts'
import { quarterWeeks } from './quarterWeeks.ts'
import { HEALTH_INDICATOR_COUNT, type KrStatus } from './rhythmTypes.ts'
import { TEAM_LIMITS, type TeamCommand, type TeamCommandResults, type TeamCommandType } from './teamCommands.ts'
import { fourSquareOf, fridayReviewOf, previousFourSquare, trackedKeyResults, type TeamRecord, type TeamWeek } from './teamDoc.ts'
import { isWeekId } from './weekId.ts'

/** Refusals a team edit can get; they map onto the protocol's error codes. */
export type EditRefusal = { ok: false; code: 'bad_command' | 'not_found' | 'limit_reached' | 'forbidden'; message: string }
export type EditOutcome<T extends TeamCommandType> = { ok: true; week: TeamWeek; result: TeamCommandResults[T] } | EditRefusal

export interface EditContext {
  record: TeamRecord
  /** Every week the team recorded (for "last week"). */
  weeks: readonly TeamWeek[]
  newId(): string
  now: number
  /** The sender's anonymous reactor key, or null when it gave no viewer secret. */
  reactorKey: string | null
}

/** Edits of one week's record: everything but hello and the timer. */
export type WeekEdit = Exclude<TeamCommand, { type: 'hello' | 'startTimer' | 'stopTimer' }>

const PRIORITY_BLOCKERS = new Set<FourSquareProblemCode>(['too_many_priorities', 'p3_priority', 'untitled', 'missing_owner', 'unknown_key_result'])
const PLAN_BLOCKERS = new Set<FourSquareProblemCode>(['untitled', 'plan_out_of_range', 'plan_without_helpers'])
const STATUS_BLOCKERS = new Set<FourSquareProblemCode>(['unknown_key_result', 'confidence_out_of_range', 'missing_reason', 'reason_not_one_line'])
const HEALTH_BLOCKERS = new Set<FourSquareProblemCode>(['unnamed_health_indicator'])
const OUTCOME_BLOCKERS = new Set<FridayReviewProblemCode>(['missing_why', 'why_not_one_line', 'unknown_priority'])

const refuse = (code: EditRefusal['code'], message: string): EditRefusal => ({ ok: false, code, message })

/**
 * Applies one edit to a copy of its week and checks the result with the four-square and Friday rules: a problem
 * about what was edited refuses the edit (with the rule's own sentence); problems elsewhere (a key result not yet
 * checked in, a priority not yet marked) are hints for the page, never refusals, so a team can fill in its
 * four-square in any order during the meeting.
 */
export function applyWeekEdit<T extends WeekEdit['type']>(week: TeamWeek, edit: Extract<WeekEdit, { type: T }>, ctx: EditContext): EditOutcome<T> {
  const e = edit as WeekEdit
  if (!isWeekId(e.weekId) || !quarterWeeks(ctx.record.quarter).includes(e.weekId)) {
    return refuse('bad_command', `${e.weekId} is not a week of ${ctx.record.quarter}: weeks are named by their Monday.`)
  }
  const next: TeamWeek = structuredClone(week)
  const keyResults = trackedKeyResults(ctx.record)
  const previous = () => previousFourSquare(ctx.record.name, ctx.weeks, e.weekId)
  const blocked = (codes: ReadonlySet<FourSquareProblemCode>, subjectId: string | null): EditRefusal | null => {
    const problems = checkFourSquare(fourSquareOf(ctx.record.name, next), previous(), keyResults)
    const hit = problems.find((p) => codes.has(p.code) && (p.subjectId === subjectId || p.subjectId === null))
    return hit ? refuse(hit.code === 'too_many_priorities' ? 'limit_reached' : 'bad_command', hit.message) : null
  }
  const ok = (result: unknown) => ({ ok: true, week: next, result }) as EditOutcome<T>

  switch (e.type) {
    case 'addPriority':
    case 'updatePriority': {
      const fields = { title: e.title, rank: e.rank, owner: e.owner, keyResultId: e.keyResultId }
      let id: string
      if (e.type === 'addPriority') {
        id = ctx.newId()
        next.priorities.push({ id, ...fields })
      } else {
        id = e.priorityId
        const index = next.priorities.findIndex((p) => p.id === id)
        if (index < 0) return refuse('not_found', 'That priority is no longer on the list.')
        next.priorities[index] = { id, ...fields }
      }
      const refusal = blocked(PRIORITY_BLOCKERS, id)
      if (refusal) return refusal
      return ok(e.type === 'addPriority' ? { priorityId: id } : {})
    }
    case 'removePriority': {
      if (!next.priorities.some((p) => p.id === e.priorityId)) return refuse('not_found', 'That priority is no longer on the list.')
      next.priorities = next.priorities.filter((p) => p.id !== e.priorityId)
      next.outcomes = next.outcomes.filter((o) => o.priorityId !== e.priorityId)
      return ok({})
    }
    case 'addPlan':
    case 'updatePlan': {
      const fields = { title: e.title, weekId: e.planWeekId, needsFrom: e.needsFrom, owner: e.owner }
      let id: string
      if (e.type === 'addPlan') {
        if (next.plans.length >= TEAM_LIMITS.plans) return refuse('limit_reached', `At most ${TEAM_LIMITS.plans} plans: keep the ones others must prepare for.`)
        id = ctx.newId()
        next.plans.push({ id, ...fields })
      } else {
        id = e.planId
        const index = next.plans.findIndex((p) => p.id === id)
        if (index < 0) return refuse('not_found', 'That plan is no longer on the list.')
        next.plans[index] = { id, ...fields }
      }
      const refusal = blocked(PLAN_BLOCKERS, id)
      if (refusal) return refusal
      next.plans.sort((a, b) => a.weekId.localeCompare(b.weekId))
      return ok(e.type === 'addPlan' ? { planId: id } : {})
    }
    case 'removePlan': {
      if (!next.plans.some((p) => p.id === e.planId)) return refuse('not_found', 'That plan is no longer on the list.')
      next.plans = next.plans.filter((p) => p.id !== e.planId)
      return ok({})
    }
    case 'setConfidence': {
      if (!keyResults.some((kr) => kr.id === e.keyResultId)) return refuse('not_found', 'That key result is not one of this team’s.')
      const status: KrStatus = { keyResultId: e.keyResultId, confidence: e.confidence, reason: e.reason }
      const index = next.statuses.findIndex((s) => s.keyResultId === e.keyResultId)
      if (index < 0) next.statuses.push(status)
      else next.statuses[index] = status
      const refusal = blocked(STATUS_BLOCKERS, e.keyResultId)
      if (refusal) return refusal
      return ok({})
    }
    case 'setHealth': {
      if (e.slot > next.health.length) return refuse('bad_command', 'Name the first health indicator before the second.')
      const existing = next.health[e.slot]
      const indicator = { id: existing?.id ?? ctx.newId(), name: e.name, colour: e.colour, note: e.note }
      next.health[e.slot] = indicator
      next.health = next.health.slice(0, HEALTH_INDICATOR_COUNT)
      const refusal = blocked(HEALTH_BLOCKERS, indicator.id)
      if (refusal) return refusal
      return ok({})
    }
    case 'postWin': {
      if (next.wins.length >= TEAM_LIMITS.wins) return refuse('limit_reached', `At most ${TEAM_LIMITS.wins} wins a week.`)
      const winId = ctx.newId()
      next.wins.push({ id: winId, text: e.text, by: e.by, postedAt: ctx.now, reactions: {} })
      return ok({ winId })
    }
    case 'removeWin': {
      if (!next.wins.some((w) => w.id === e.winId)) return refuse('not_found', 'That win is no longer on the wall.')
      next.wins = next.wins.filter((w) => w.id !== e.winId)
      return ok({})
    }
    case 'react': {
      if (ctx.reactorKey === null) return refuse('forbidden', 'Reload the page to react (this browser has no viewer id yet).')
      const win = next.wins.find((w) => w.id === e.winId)
      if (!win) return refuse('not_found', 'That win is no longer on the wall.')
      const keys = new Set(win.reactions[e.reaction] ?? [])
      if (e.on) keys.add(ctx.reactorKey)
      else keys.delete(ctx.reactorKey)
      if (keys.size > 0) win.reactions[e.reaction] = [...keys]
      else delete win.reactions[e.reaction]
      return ok({ count: keys.size })
    }
    case 'markOutcome': {
      next.outcomes = next.outcomes.filter((o) => o.priorityId !== e.priorityId)
      if (!next.priorities.some((p) => p.id === e.priorityId)) return refuse('not_found', 'That priority is not on this week’s list.')
      if (e.isDone !== null) next.outcomes.push({ priorityId: e.priorityId, isDone: e.isDone, why: e.why })
      const review = fridayReviewOf(ctx.record.name, next)
      const hit = checkFridayReview(review, fourSquareOf(ctx.record.name, next)).find((p) => OUTCOME_BLOCKERS.has(p.code) && p.subjectId === e.priorityId)
      if (hit) return refuse('bad_command', hit.message)
      return ok({})
    }
    case 'setReportNotes': {
      next.risks = e.risks.filter((r) => r.trim() !== '')
      next.remarks = e.remarks
      return ok({})
    }
  }
}
