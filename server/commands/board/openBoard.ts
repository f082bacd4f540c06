import type { CardRecord } from '../../../shared/board/boardTypes.ts'
import type { CommandContext } from '../../meeting/commandTypes.ts'

/**
 * Entering the Group stage: every active proposal without a card becomes one. Runs again after a trip back to
 * Submit, adding only the new proposals, so the room's grouping work is kept.
 */
export function openBoard(ctx: CommandContext): number {
  let created = 0
  const submissions = [...ctx.vault.submissions.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  for (const s of submissions) {
    if (s.status !== 'active' || (s.cardId && ctx.maps.cards.has(s.cardId))) continue
    const card: CardRecord = {
      id: ctx.newId(),
      title: s.title,
      why: s.why,
      authorIds: [s.authorId],
      supporterIds: s.supporterIds.filter((id) => id !== s.authorId),
      merged: [],
      clusterId: null,
      submissionIds: [s.id],
      createdAt: s.createdAt,
    }
    ctx.maps.cards.set(card.id, card)
    ctx.vault.submissions.set(s.id, { ...s, cardId: card.id })
    created++
  }
  // Open-mode mirrors are not needed once the board shows every proposal.
  ctx.maps.openSubmissions.clear()
  return created
}
