import type { KeyResult, ObjectiveDetails } from '../keyResults/keyResultTypes.ts'
import type { ChosenObjective } from '../voting/voteState.ts'
import type { StageVisit } from '../meeting/meetingDoc.ts'
import type { MeetingSummary, PublishedSet } from './publishedSet.ts'

export interface PublishInput {
  meetingId: string
  title: string
  quarter: string
  mission: string
  objectives: readonly ChosenObjective[]
  details: Readonly<Record<string, ObjectiveDetails>>
  /** Every key result with its statement; only accepted ones are published. */
  keyResults: readonly KeyResult[]
  stageHistory: readonly StageVisit[]
  counts: Omit<MeetingSummary, 'stageDurations'>
  now: number
}

/** The published set: accepted key results in order under each objective, plus the meeting's summary. */
export function assemblePublishedSet(input: PublishInput): PublishedSet {
  const objectives = input.objectives.map((o) => {
    const d = input.details[o.id]
    return {
      id: o.id,
      title: d?.title || o.title,
      whyNow: d?.whyNow ?? '',
      team: d?.team ?? '',
      deadline: d?.deadline ?? '',
      keyResults: input.keyResults.filter((k) => k.objectiveId === o.id && k.isAccepted).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt),
    }
  })
  return {
    meetingId: input.meetingId,
    title: input.title,
    quarter: input.quarter,
    mission: input.mission,
    publishedAt: input.now,
    objectives,
    summary: { ...input.counts, stageDurations: stageDurations(input.stageHistory, input.now) },
  }
}

/** Time in each visited stage; a stage visited twice (after going back) adds up. */
export function stageDurations(history: readonly StageVisit[], now: number): MeetingSummary['stageDurations'] {
  const totals = new Map<StageVisit['stage'], number>()
  history.forEach((visit, i) => {
    const end = history[i + 1]?.startedAt ?? now
    totals.set(visit.stage, (totals.get(visit.stage) ?? 0) + Math.max(0, end - visit.startedAt))
  })
  // Published is where the meeting ends, not time spent working.
  return [...totals.entries()].filter(([stage]) => stage !== 'published').map(([stage, ms]) => ({ stage, ms }))
}
