import { checkPermission } from '../../shared/stages/permissions.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'

export const markDone: CommandHandler<'markDone'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'markDone', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  if (command.stage !== ctx.stage) return refuse('stale_stage', `The meeting has moved on to another stage (${ctx.stage}).`)
  const id = ctx.actor.participantId
  const isDone = ctx.vault.done.get(id) === ctx.stage
  if (command.done && !isDone) ctx.vault.done.set(id, ctx.stage)
  if (!command.done && isDone) ctx.vault.done.delete(id)
  return { ok: true, result: { done: command.done } }
}
