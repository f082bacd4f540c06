import { checkCanModerate } from '../../../shared/submissions/submissionRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { applyPatch, boardOf } from './boardWrites.ts'

/** Removes an abusive card for everyone; its text is kept in the server-only audit trail. */
export const hideCard: CommandHandler<'hideCard'> = (ctx, command) => {
  const allowed = checkCanModerate(ctx.actor)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const board = boardOf(ctx)
  const card = board.card(command.cardId)
  if (!card) return refuse('not_found', 'That card is no longer on the board.')
  const clusters: Record<string, null> = {}
  if (card.clusterId && board.cardsInCluster(card.clusterId) <= 1) clusters[card.clusterId] = null
  applyPatch(ctx, { cards: { [card.id]: null }, clusters })
  for (const id of card.submissionIds) {
    const s = ctx.vault.submissions.get(id)
    if (s) ctx.vault.submissions.set(id, { ...s, status: 'hidden', updatedAt: ctx.now })
  }
  ctx.audit('hid a card', [card.title, ...card.merged.map((m) => m.title)].join(' | '))
  return { ok: true, result: { cardId: card.id } }
}
