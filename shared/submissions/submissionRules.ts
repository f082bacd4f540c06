import type { Actor } from '../stages/permissions.ts'
import type { Stage } from '../stages/stages.ts'
import type { MeetingSettings } from '../meeting/settings.ts'
import type { SubmissionRecord } from './submissionTypes.ts'

export type RuleResult = { ok: true } | { ok: false; code: 'forbidden' | 'wrong_stage' | 'not_found' | 'limit_reached' | 'not_joined'; reason: string }

const OK: RuleResult = { ok: true }

function inSubmitStage(stage: Stage): RuleResult {
  return stage === 'submit' ? OK : { ok: false, code: 'wrong_stage', reason: 'Proposals can be changed only during the Submit stage.' }
}

export function countActiveBy(submissions: Iterable<SubmissionRecord>, authorId: string): number {
  let n = 0
  for (const s of submissions) if (s.authorId === authorId && s.status === 'active') n++
  return n
}

export function checkCanSubmit(actor: Actor, stage: Stage, activeByActor: number, settings: MeetingSettings): RuleResult {
  if (actor.role === 'anonymous') return { ok: false, code: 'not_joined', reason: 'Join the meeting first.' }
  const staged = inSubmitStage(stage)
  if (!staged.ok) return staged
  if (activeByActor >= settings.maxSubmissionsPerPerson) {
    return {
      ok: false,
      code: 'limit_reached',
      reason: `You can propose up to ${settings.maxSubmissionsPerPerson} objectives. Edit or withdraw one, or support someone else’s.`,
    }
  }
  return OK
}

/** Only the author changes their proposal, only while it is active and the stage is Submit. */
export function checkCanChangeOwn(actor: Actor, stage: Stage, submission: SubmissionRecord | undefined): RuleResult {
  if (actor.role === 'anonymous') return { ok: false, code: 'not_joined', reason: 'Join the meeting first.' }
  if (!submission || submission.status !== 'active') return { ok: false, code: 'not_found', reason: 'That proposal no longer exists.' }
  if (submission.authorId !== actor.participantId) return { ok: false, code: 'forbidden', reason: 'You can change only your own proposals.' }
  return inSubmitStage(stage)
}

export function checkCanSupport(actor: Actor, stage: Stage, submission: SubmissionRecord | undefined): RuleResult {
  if (actor.role === 'anonymous') return { ok: false, code: 'not_joined', reason: 'Join the meeting first.' }
  if (!submission || submission.status !== 'active') return { ok: false, code: 'not_found', reason: 'That proposal no longer exists.' }
  if (submission.authorId === actor.participantId) return { ok: false, code: 'forbidden', reason: 'This is your own proposal.' }
  return inSubmitStage(stage)
}

export function checkCanModerate(actor: Actor): RuleResult {
  return actor.role === 'facilitator' ? OK : { ok: false, code: 'forbidden', reason: 'Only the facilitator can hide proposals.' }
}

/** Adds or removes a supporter, keeping the list free of duplicates and in join order. */
export function withSupport(submission: SubmissionRecord, participantId: string, isSupporting: boolean): string[] {
  const without = submission.supporterIds.filter((id) => id !== participantId)
  return isSupporting ? [...without, participantId] : without
}
