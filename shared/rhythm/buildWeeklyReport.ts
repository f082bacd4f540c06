import { confidenceBand, type ConfidenceBand } from '../keyResults/confidenceBand.ts'
import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import { confidenceChange, isValidConfidence, previousConfidence, type ConfidenceChange } from './confidenceChange.ts'
import { nextWeekPriorities, type ReportPriority } from './nextWeekPriorities.ts'
import type { FourSquare, FridayReview, Priority, PriorityRank } from './rhythmTypes.ts'
import { isoWeekLabel, type WeekId } from './weekId.ts'

/** An objective as the report needs it (a PublishedObjective fits). */
export interface ReportableObjective {
  id: string
  title: string
  keyResults: readonly Pick<KeyResult, 'id' | 'statement' | 'owner' | 'confidence'>[]
}

export interface WeeklyReportInput {
  /** The team's objectives in the published set. */
  objectives: readonly ReportableObjective[]
  /** The Monday four-square of the week reported on. */
  fourSquare: FourSquare
  /** The team's four-square before that one (null in the first week): for up / down / same. */
  previousWeek: FourSquare | null
  /** The Friday post of the week reported on; null when none was posted (every priority then shows as unmarked). */
  review: FridayReview | null
  /** Candidates for next week (next Monday's draft, or what the team lists on Friday): the top 3 are kept. */
  nextWeekCandidates: readonly Priority[]
  /** Risks and blockers in the team's words. */
  risks: readonly string[]
  remarks: string
}

export interface ReportKeyResult {
  id: string
  statement: string
  owner: string
  /** This week's confidence; null when the four-square has no valid status for it. */
  confidence: number | null
  colour: ConfidenceBand | null
  change: ConfidenceChange | null
  reason: string
}

export interface ReportObjective {
  id: string
  title: string
  keyResults: ReportKeyResult[]
}

export type OutcomeStatus = 'done' | 'not_done' | 'unmarked'

export interface ReportOutcome {
  priorityId: string
  title: string
  owner: string
  rank: PriorityRank
  status: OutcomeStatus
  why: string
}

export type RiskSource = 'team' | 'red_key_result' | 'red_health'

export interface ReportRisk {
  text: string
  source: RiskSource
}

/** The weekly report as plain data; weeklyReportMarkdown renders it. */
export interface WeeklyReport {
  team: string
  weekId: WeekId
  /** "2027-W03". */
  weekLabel: string
  okrs: ReportObjective[]
  /** The week's priorities, done / not done and why. */
  priorities: ReportOutcome[]
  /** What the team celebrated on Friday (its wall of wins). */
  wins: { text: string; by: string }[]
  /** At most three, P1 before P2. */
  nextWeek: ReportPriority[]
  risks: ReportRisk[]
  remarks: string
}

/**
 * The weekly report (DOMAIN.md): OKRs with confidence and colour, the week's priorities done / not done and why,
 * next week's three priorities, risks and blockers, remarks. Besides the risks the team names, a red key result
 * and a red health indicator are listed as risks: the report should not need someone to remember to copy them.
 */
export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { fourSquare, previousWeek, review } = input
  const tracked = input.objectives.flatMap((o) => o.keyResults)

  const okrs = input.objectives.map((o) => ({
    id: o.id,
    title: o.title,
    keyResults: o.keyResults.map((kr): ReportKeyResult => {
      const status = fourSquare.statuses.find((s) => s.keyResultId === kr.id && isValidConfidence(s.confidence))
      if (!status) return { id: kr.id, statement: kr.statement, owner: kr.owner, confidence: null, colour: null, change: null, reason: '' }
      return {
        id: kr.id,
        statement: kr.statement,
        owner: kr.owner,
        confidence: status.confidence,
        colour: confidenceBand(status.confidence),
        change: confidenceChange(previousConfidence(kr.id, previousWeek, tracked), status.confidence),
        reason: status.reason.trim(),
      }
    }),
  }))

  const outcomes = new Map((review?.outcomes ?? []).map((o) => [o.priorityId, o]))
  const priorities = fourSquare.priorities.map((p): ReportOutcome => {
    const o = outcomes.get(p.id)
    const status: OutcomeStatus = o === undefined ? 'unmarked' : o.isDone ? 'done' : 'not_done'
    return { priorityId: p.id, title: p.title.trim(), owner: p.owner.trim(), rank: p.rank, status, why: o?.why.trim() ?? '' }
  })

  const risks: ReportRisk[] = input.risks
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => ({ text, source: 'team' }))
  for (const o of okrs)
    for (const kr of o.keyResults) if (kr.colour === 'red') risks.push({ text: `${kr.statement.trim()} is at ${kr.confidence}/10`, source: 'red_key_result' })
  for (const h of fourSquare.health)
    if (h.colour === 'red') risks.push({ text: `${h.name.trim()} is red${h.note.trim() ? `: ${h.note.trim()}` : ''}`, source: 'red_health' })

  return {
    team: fourSquare.team,
    weekId: fourSquare.weekId,
    weekLabel: isoWeekLabel(fourSquare.weekId),
    okrs,
    priorities,
    wins: (review?.wins ?? []).filter((w) => w.text.trim()).map((w) => ({ text: w.text.trim(), by: w.by.trim() })),
    nextWeek: nextWeekPriorities(input.nextWeekCandidates),
    risks,
    remarks: input.remarks.trim(),
  }
}
