import { checkPermission } from '../../shared/stages/permissions.ts'
import type { StageTimer } from '../../shared/meeting/meetingView.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'

export const startTimer: CommandHandler<'startTimer'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'controlTimer', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const timer: StageTimer = { startedAt: ctx.now, durationMs: command.seconds * 1000 }
  ctx.maps.meeting.set('timer', timer)
  return { ok: true, result: timer }
}

export const stopTimer: CommandHandler<'stopTimer'> = (ctx) => {
  const allowed = checkPermission(ctx.actor, 'controlTimer', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  ctx.maps.meeting.set('timer', null)
  return { ok: true, result: {} }
}
