import type { KeyResultRecord } from '../../../shared/keyResults/keyResultTypes.ts'
import type { CommandContext, Outcome } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'

/** Anyone joined may draft during Key results; refusal otherwise. */
export function refuseUnlessDrafting(ctx: CommandContext): Outcome<never> | null {
  const allowed = checkPermission(ctx.actor, 'draftKeyResults', ctx.stage)
  return allowed.ok ? null : refuse(allowed.code, allowed.reason)
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
