import { checkPermission } from '../../shared/stages/permissions.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { newParticipantId, newToken } from '../security/tokens.ts'

export const join: CommandHandler<'join'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'join', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role !== 'anonymous') return refuse('forbidden', 'You have already joined this meeting.')
  if (ctx.settings.isJoinLocked) return refuse('meeting_locked', 'The facilitator has locked this meeting: nobody new can join now. Ask them to unlock it.')
  if (ctx.participantCount >= ctx.maxParticipants) return refuse('meeting_full', `This meeting is full (${ctx.maxParticipants} people).`)
  const participantId = newParticipantId()
  const { token, tokenHash } = newToken(participantId)
  ctx.vault.participants.set(participantId, { name: command.name, role: 'participant', joinedAt: ctx.now })
  ctx.saveCredential({ participantId, role: 'participant', tokenHash })
  ctx.becomeParticipant({ role: 'participant', participantId })
  // The log keeps who joined, never the token: a replay gets a fresh token instead (see MeetingRoom).
  return {
    ok: true,
    result: { participantId, role: 'participant', name: command.name, token, serverNow: ctx.now },
    logged: { participantId, role: 'participant', name: command.name },
  }
}
