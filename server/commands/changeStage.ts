import { checkPermission } from '../../shared/stages/permissions.ts'
import { transitionStage } from '../../shared/stages/stageMachine.ts'
import { readField, writeField } from '../../shared/meeting/meetingFields.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { refuseStageMove, runStageEffects } from './stageEffects.ts'

/** The facilitator moves the meeting on (or back); what each stage does on the way is in stageEffects.ts. */
export const changeStage: CommandHandler<'changeStage'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'changeStage', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const transition = transitionStage(ctx.stage, command.move, command.expected)
  if (!transition.ok) return refuse(transition.code, transition.reason)
  const refusal = refuseStageMove(ctx, transition.from, transition.to)
  if (refusal) return refusal
  writeField(ctx.maps.meeting, 'stage', { stage: transition.to, startedAt: ctx.now })
  const history = readField(ctx.maps.meeting, 'stageHistory') ?? []
  writeField(ctx.maps.meeting, 'stageHistory', [...history, { stage: transition.to, startedAt: ctx.now }])
  // A timer belongs to the stage it was started in.
  if (readField(ctx.maps.meeting, 'timer')) writeField(ctx.maps.meeting, 'timer', null)
  runStageEffects(ctx, transition.from, transition.to)
  return { ok: true, result: { stage: transition.to } }
}
