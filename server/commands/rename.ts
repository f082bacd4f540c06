import { checkPermission } from '../../shared/stages/permissions.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'

export const rename: CommandHandler<'rename'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'rename', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const record = ctx.vault.participants.get(ctx.actor.participantId)
  if (!record) return refuse('not_found', 'Your participant record is missing.')
  ctx.vault.participants.set(ctx.actor.participantId, { ...record, name: command.name })
  return { ok: true, result: { name: command.name } }
}
