import type { VoteState } from '../../../shared/voting/voteState.ts'
import type { CommandContext, Outcome } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { readVote, writeVote } from '../../../shared/voting/voteDoc.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'

export function currentVote(ctx: CommandContext): VoteState | null {
  return readVote(ctx.maps)
}

export function saveVote(ctx: CommandContext, vote: VoteState | null): void {
  writeVote(ctx.maps, vote)
}

/** The facilitator, in the Vote stage, with a vote to act on; or the refusal saying which is missing. */
export function facilitatorVote(ctx: CommandContext): { vote: VoteState } | { refusal: Outcome<never> } {
  const allowed = checkPermission(ctx.actor, 'runVote', ctx.stage)
  if (!allowed.ok) return { refusal: refuse(allowed.code, allowed.reason) }
  const vote = currentVote(ctx)
  if (!vote) return { refusal: refuse('not_found', 'There is no vote yet.') }
  return { vote }
}
