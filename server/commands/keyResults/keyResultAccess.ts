import type { KeyResultRecord } from '../../../shared/keyResults/keyResultTypes.ts'
import type { CommandContext, Outcome } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'

/** Anyone joined may draft during Key results; refusal otherwise. */
export function refuseUnlessDrafting(ctx: CommandContext): Outcome<never> | null {
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  if (ctx.stage !== 'keyResults') return refuse('wrong_stage', 'Key results are drafted during the Key results stage.')
  return null
}

export function findKeyResult(ctx: CommandContext, id: string): KeyResultRecord | Outcome<never> {
  const kr = ctx.maps.keyResults.get(id)
  return kr ?? refuse('not_found', 'That key result no longer exists.')
}

export function isRecord(value: KeyResultRecord | Outcome<never>): value is KeyResultRecord {
  return 'objectiveId' in value
}

export function keyResultsOf(ctx: CommandContext, objectiveId: string): KeyResultRecord[] {
  return [...ctx.maps.keyResults.values()].filter((k) => k.objectiveId === objectiveId).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt)
}
