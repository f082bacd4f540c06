import { checkCanSubmit } from '../../../shared/submissions/submissionRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { activeSubmissionsBy } from './activeSubmissionCounts.ts'
import { publishSubmission } from './publishSubmission.ts'

export const submitObjective: CommandHandler<'submitObjective'> = (ctx, command) => {
  const own = ctx.actor.role === 'anonymous' ? 0 : activeSubmissionsBy(ctx.vault.submissions, ctx.actor.participantId)
  const allowed = checkCanSubmit(ctx.actor, ctx.stage, own, ctx.settings)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const id = ctx.newId()
  publishSubmission(ctx, {
    id,
    title: command.title,
    why: command.why,
    authorId: ctx.actor.participantId,
    supporterIds: [],
    status: 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    cardId: null,
  })
  return { ok: true, result: { submissionId: id } }
}
