import {
  createCluster as createClusterRule,
  mergeCards as mergeRule,
  moveCard as moveRule,
  renameCluster as renameRule,
  retitleCard as retitleRule,
  undoChange,
} from '../../../shared/board/boardRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { applyPatch, boardOf, commitMove, refuseUnlessGrouper } from './boardWrites.ts'

export const mergeCards: CommandHandler<'mergeCards'> = (ctx, command) =>
  refuseUnlessGrouper(ctx) ?? commitMove(ctx, mergeRule(boardOf(ctx), command.sourceId, command.targetId, command.title), { cardId: command.targetId })

export const moveCard: CommandHandler<'moveCard'> = (ctx, command) =>
  refuseUnlessGrouper(ctx) ?? commitMove(ctx, moveRule(boardOf(ctx), command.cardId, command.clusterId), { cardId: command.cardId })

export const createCluster: CommandHandler<'createCluster'> = (ctx, command) => {
  const refusal = refuseUnlessGrouper(ctx)
  if (refusal) return refusal
  const clusterId = ctx.newId()
  return commitMove(ctx, createClusterRule(boardOf(ctx), command.cardId, { id: clusterId, name: command.name ?? '', createdAt: ctx.now }), { clusterId })
}

export const renameCluster: CommandHandler<'renameCluster'> = (ctx, command) =>
  refuseUnlessGrouper(ctx) ?? commitMove(ctx, renameRule(boardOf(ctx), command.clusterId, command.name), { clusterId: command.clusterId })

export const retitleCard: CommandHandler<'retitleCard'> = (ctx, command) =>
  refuseUnlessGrouper(ctx) ?? commitMove(ctx, retitleRule(boardOf(ctx), command.cardId, command.title), { cardId: command.cardId })

/** Undoes the sender's own last move, exactly, or says why it cannot. */
export const undoMove: CommandHandler<'undoMove'> = (ctx) => {
  const refusal = refuseUnlessGrouper(ctx)
  if (refusal) return refusal
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const stack = ctx.vault.undo.get(ctx.actor.participantId) ?? []
  const last = stack[stack.length - 1]
  if (!last) return refuse('not_found', 'You have no move to undo.')
  // Popped either way: a move others have built on can never be undone exactly, so it must not block older ones.
  ctx.vault.undo.set(ctx.actor.participantId, stack.slice(0, -1))
  const result = undoChange(boardOf(ctx), last)
  if (!result.ok) return { ok: true, result: { undone: null, reason: result.reason } }
  applyPatch(ctx, result.change.after)
  ctx.audit('undid', last.label)
  return { ok: true, result: { undone: last.label, reason: null } }
}
