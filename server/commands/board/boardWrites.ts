import type { BoardChange, BoardPatch, BoardReader, BoardResult } from '../../../shared/board/boardTypes.ts'
import { canGroup } from '../../../shared/board/canGroup.ts'
import type { CommandContext, Outcome } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { UNDO_DEPTH } from '../../meeting/vaultDoc.ts'

/** The live board in the shared doc, read through the rules' interface. */
export function boardOf(ctx: CommandContext): BoardReader {
  return {
    card: (id) => ctx.maps.cards.get(id),
    cluster: (id) => ctx.maps.clusters.get(id),
    cardsInCluster: (clusterId) => {
      let n = 0
      for (const card of ctx.maps.cards.values()) if (card.clusterId === clusterId) n++
      return n
    },
  }
}

export function applyPatch(ctx: CommandContext, patch: BoardPatch): void {
  for (const [id, card] of Object.entries(patch.cards)) {
    if (card) ctx.maps.cards.set(id, card)
    else ctx.maps.cards.delete(id)
  }
  for (const [id, cluster] of Object.entries(patch.clusters)) {
    if (cluster) ctx.maps.clusters.set(id, cluster)
    else ctx.maps.clusters.delete(id)
  }
}

/** Refusal for anyone who may not arrange the board now, or null when they may. */
export function refuseUnlessGrouper(ctx: CommandContext): Outcome<never> | null {
  const allowed = canGroup(ctx.actor, ctx.stage, ctx.settings, ctx.participantCount)
  return allowed.ok ? null : refuse(allowed.code, allowed.reason)
}

/** Applies a rule's change, records it for the mover's undo and in the audit trail. */
export function commitMove<R>(ctx: CommandContext, result: BoardResult, reply: R): Outcome<R> {
  if (!result.ok) return refuse(result.code, result.reason)
  applyPatch(ctx, result.change.after)
  rememberForUndo(ctx, result.change)
  ctx.audit('moved', result.change.label)
  return { ok: true, result: reply }
}

export function rememberForUndo(ctx: CommandContext, change: BoardChange): void {
  if (ctx.actor.role === 'anonymous') return
  const id = ctx.actor.participantId
  const stack = ctx.vault.undo.get(id) ?? []
  ctx.vault.undo.set(id, [...stack, change].slice(-UNDO_DEPTH))
}
