import { checkPermission } from '../../shared/stages/permissions.ts'
import { transitionStage } from '../../shared/stages/stageMachine.ts'
import type { StageRecord } from '../../shared/meeting/meetingDoc.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { openBoard } from './board/openBoard.ts'

export const changeStage: CommandHandler<'changeStage'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'changeStage', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const transition = transitionStage(ctx.stage, command.move, command.expected)
  if (!transition.ok) return refuse(transition.code, transition.reason)
  const record: StageRecord = { stage: transition.to, startedAt: ctx.now }
  ctx.maps.meeting.set('stage', record)
  // A timer belongs to the stage it was started in.
  if (ctx.maps.meeting.get('timer')) ctx.maps.meeting.set('timer', null)
  if (transition.to === 'group') openBoard(ctx)
  return { ok: true, result: { stage: transition.to } }
}
