import { checkCanSupport, withSupport } from '../../../shared/submissions/submissionRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { publishSubmission } from './publishSubmission.ts'

/** "Support this one instead": the supporter becomes a co-author instead of adding a duplicate card. */
export const supportSubmission: CommandHandler<'supportSubmission'> = (ctx, command) => {
  const record = ctx.vault.submissions.get(command.submissionId)
  const allowed = checkCanSupport(ctx.actor, ctx.stage, record)
  if (!allowed.ok || !record || ctx.actor.role === 'anonymous') {
    return refuse(allowed.ok ? 'not_joined' : allowed.code, allowed.ok ? 'Join the meeting first.' : allowed.reason)
  }
  const me = ctx.actor.participantId
  // A private proposal is not found through hints any more; an id learnt some other way must not open it either
  // (supporting it used to put its private "why" in the supporter's feed).
  const isPrivateToMe = !ctx.settings.isOpenSubmissions && ctx.actor.role !== 'facilitator' && !record.supporterIds.includes(me)
  if (command.support && isPrivateToMe) return refuse('not_found', 'That proposal is private until the Group stage.')
  publishSubmission(ctx, { ...record, supporterIds: withSupport(record, me, command.support), updatedAt: ctx.now })
  // The supporter's feed changes even when they leave the list.
  ctx.refreshFeedOf(me)
  return { ok: true, result: { supporting: command.support } }
}
