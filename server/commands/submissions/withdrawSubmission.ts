import { checkCanChangeOwn } from '../../../shared/submissions/submissionRules.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { publishSubmission } from './publishSubmission.ts'

export const withdrawSubmission: CommandHandler<'withdrawSubmission'> = (ctx, command) => {
  const record = ctx.vault.submissions.get(command.submissionId)
  const allowed = checkCanChangeOwn(ctx.actor, ctx.stage, record)
  if (!allowed.ok || !record) return refuse(allowed.ok ? 'not_found' : allowed.code, allowed.ok ? 'Not found.' : allowed.reason)
  publishSubmission(ctx, { ...record, status: 'withdrawn', updatedAt: ctx.now })
  return { ok: true, result: { submissionId: record.id } }
}
