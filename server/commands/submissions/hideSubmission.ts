import { checkCanModerate } from '../../../shared/submissions/submissionRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { publishSubmission } from './publishSubmission.ts'

/** Hides an abusive proposal from everyone; its text stays in the server-only audit trail. */
export const hideSubmission: CommandHandler<'hideSubmission'> = (ctx, command) => {
  const allowed = checkCanModerate(ctx.actor)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const record = ctx.vault.submissions.get(command.submissionId)
  if (!record || record.status !== 'active') return refuse('not_found', 'That proposal no longer exists.')
  publishSubmission(ctx, { ...record, status: 'hidden', updatedAt: ctx.now })
  ctx.audit('hid a proposal', record.title)
  return { ok: true, result: { submissionId: record.id } }
}
