import { checkPermission } from '../../shared/stages/permissions.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'

/**
 * The facilitator removes people: their record goes, their token stops working (its stored hash is replaced by one no
 * secret matches) and their open tabs are closed. What they proposed stays on the board. Facilitators cannot be removed.
 */
export const removeParticipants: CommandHandler<'removeParticipants'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'editMeeting', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const ids = [...new Set(command.participantIds)].filter((id) => ctx.vault.participants.get(id)?.role === 'participant')
  if (ids.length === 0) return refuse('not_found', 'None of these people is a participant of this meeting.')
  for (const participantId of ids) {
    ctx.vault.participants.delete(participantId)
    ctx.saveCredential({ participantId, role: 'participant', tokenHash: '' })
    ctx.disconnect(participantId, 'The facilitator removed you from this meeting.')
  }
  ctx.audit('removeParticipants', `${ids.length} ${ids.length === 1 ? 'person' : 'people'}`)
  ctx.refreshCounts()
  return { ok: true, result: { removed: ids.length } }
}
