import { querySimilarityIndex, DEFAULT_SUGGESTION_LIMIT } from '../../../shared/similarity.ts'
import type { SimilarSubmission } from '../../../shared/submissions/submissionTypes.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { semanticQueryOptions } from '../../similarity/semanticQuery.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'

/** Below this, a match is not worth interrupting someone who is typing. */
const HINT_MIN_SCORE = 0.35

/**
 * The duplicate check as you type. It shows up to three similar proposals' titles even while proposals are
 * private: that is the point of "support this one instead", and it reveals only near-matches to what you wrote.
 */
export const findSimilar: CommandHandler<'findSimilar'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'findSimilar', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const me = ctx.actor.participantId
  const { index, ids } = ctx.submissionIndex()
  const matches: SimilarSubmission[] = []
  for (const hit of querySimilarityIndex(index, command.text, { limit: DEFAULT_SUGGESTION_LIMIT + 2, minScore: HINT_MIN_SCORE, ...semanticQueryOptions(ctx, ids, command.text) })) {
    const record = ctx.vault.submissions.get(ids[hit.index] as string)
    if (!record || record.status !== 'active') continue
    matches.push({
      submissionId: record.id,
      title: record.title,
      score: Math.round(hit.score * 100) / 100,
      isMine: record.authorId === me,
      isSupported: record.supporterIds.includes(me),
    })
    if (matches.length === DEFAULT_SUGGESTION_LIMIT) break
  }
  return { ok: true, result: { matches }, persist: false }
}
