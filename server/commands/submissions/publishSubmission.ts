import type { SubmissionRecord } from '../../../shared/submissions/submissionTypes.ts'
import type { CommandContext } from '../../meeting/commandTypes.ts'

/**
 * Keeps everything derived from one proposal in step with it, inside the command's transaction: the public
 * count, the open-mode mirror, its board card (if the Group stage already made one), and the private feeds.
 */
export function publishSubmission(ctx: CommandContext, record: SubmissionRecord): void {
  ctx.vault.submissions.set(record.id, record)
  const isVisible = record.status === 'active'
  if (ctx.settings.isOpenSubmissions && isVisible) {
    ctx.maps.openSubmissions.set(record.id, {
      id: record.id,
      title: record.title,
      why: record.why,
      supporterCount: record.supporterIds.length,
      createdAt: record.createdAt,
    })
  } else if (ctx.maps.openSubmissions.has(record.id)) {
    ctx.maps.openSubmissions.delete(record.id)
  }
  syncCard(ctx, record)
  // The public count is the room's to publish (once per tick, or per interval in a big room): see MeetingRoom.
  ctx.refreshCounts()
  ctx.refreshFeedOf(record.authorId)
  for (const id of record.supporterIds) ctx.refreshFeedOf(id)
  ctx.refreshModeration()
}

/** A card that is still just this proposal follows its edits; a card merged with others keeps the room's wording. */
function syncCard(ctx: CommandContext, record: SubmissionRecord): void {
  if (!record.cardId) return
  const card = ctx.maps.cards.get(record.cardId)
  if (!card || card.submissionIds.length !== 1 || card.merged.length > 0) return
  if (record.status !== 'active') {
    ctx.maps.cards.delete(card.id)
    return
  }
  ctx.maps.cards.set(card.id, { ...card, title: record.title, why: record.why, supporterIds: record.supporterIds })
}

/** Mirrors every active proposal into the shared doc (open mode switched on), or removes them all (off). */
export function republishAll(ctx: CommandContext): void {
  for (const record of ctx.vault.submissions.values()) publishSubmission(ctx, record)
}
