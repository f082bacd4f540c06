import { isWorkingStage, type Stage } from './stages.ts'

export type Role = 'facilitator' | 'participant'
/** Someone connected with the meeting link who has not joined yet (or a published-page viewer). */
export type Actor = { role: Role; participantId: string } | { role: 'anonymous' }

export type Action =
  | 'join'
  | 'rename'
  | 'findPeople'
  | 'changeStage'
  | 'markDone'
  | 'controlTimer'
  | 'editMeeting'

export type Permission = { ok: true } | { ok: false; code: 'forbidden' | 'wrong_stage' | 'not_joined'; reason: string }

const ALLOWED: Permission = { ok: true }

/** One place that says who may do what in which stage. Pure: the server and the UI both ask it. */
export function checkPermission(actor: Actor, action: Action, stage: Stage): Permission {
  if (action === 'join') {
    if (stage === 'published') return { ok: false, code: 'wrong_stage', reason: 'This meeting is over; its OKRs are published.' }
    return ALLOWED
  }
  if (actor.role === 'anonymous') {
    return { ok: false, code: 'not_joined', reason: 'Join the meeting with a display name first.' }
  }
  switch (action) {
    case 'rename':
    case 'findPeople':
      return ALLOWED
    case 'markDone':
      if (actor.role !== 'participant')
        return { ok: false, code: 'forbidden', reason: 'Only participants mark themselves done.' }
      if (!isWorkingStage(stage))
        return { ok: false, code: 'wrong_stage', reason: 'There is nothing to finish in this stage.' }
      return ALLOWED
    case 'changeStage':
    case 'controlTimer':
    case 'editMeeting':
      return actor.role === 'facilitator'
        ? ALLOWED
        : { ok: false, code: 'forbidden', reason: 'Only the facilitator can do that.' }
  }
}
