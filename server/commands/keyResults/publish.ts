import { assemblePublishedSet } from '../../../shared/exports/assemblePublishedSet.ts'
import { assembleMission } from '../../../shared/meeting/mission.ts'
import type { MeetingRecord } from '../../../shared/meeting/meetingDoc.ts'
import { readStatement } from '../../../shared/keyResults/keyResultDoc.ts'
import type { KeyResult, ObjectiveDetails } from '../../../shared/keyResults/keyResultTypes.ts'
import type { CommandContext } from '../../meeting/commandTypes.ts'
import { readField, readObjectives } from '../../../shared/meeting/meetingFields.ts'
import { countVoters } from '../../../shared/voting/countVoters.ts'

/** Freezes the reviewed set as the published OKRs: what the public page and every export show from now on. */
export function publish(ctx: CommandContext): void {
  const record = readField(ctx.maps.meeting, 'record') as MeetingRecord
  const objectives = readObjectives(ctx.maps.meeting)
  const keyResults: KeyResult[] = [...ctx.maps.keyResults.values()].map((k) => ({
    ...k,
    statement: ctx.keyResultDoc(k.objectiveId) ? readStatement(ctx.keyResultDoc(k.objectiveId)!.doc, k.id) : '',
  }))
  let submissions = 0
  for (const s of ctx.vault.submissions.values()) if (s.status !== 'withdrawn') submissions++
  let merges = 0
  for (const card of ctx.maps.cards.values()) merges += Math.max(0, card.submissionIds.length - 1)
  let participants = 0
  for (const p of ctx.vault.participants.values()) if (p.role === 'participant') participants++
  const set = assemblePublishedSet({
    meetingId: record.id,
    title: record.title,
    quarter: record.quarter,
    mission: assembleMission(record.mission),
    objectives,
    details: ctx.maps.objectiveDetails.toJSON() as Record<string, ObjectiveDetails>,
    keyResults,
    stageHistory: readField(ctx.maps.meeting, 'stageHistory') ?? [],
    counts: { participants, submissions, merges, ballots: ctx.vault.ballots.size, ...countVoters(ctx.vault.ballots.keys()) },
    now: ctx.now,
  })
  ctx.maps.meeting.set('published', set)
  ctx.audit('published the OKRs', `${set.objectives.length} objectives`)
}
