import { querySimilarityIndex, DEFAULT_SUGGESTION_LIMIT } from '../../../shared/similarity.ts'
import type { SimilarSubmission } from '../../../shared/submissions/submissionTypes.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { semanticQueryOptions } from '../../similarity/semanticQuery.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'

/** Below this, a match is not worth interrupting someone who is typing. */
const HINT_MIN_SCORE = 0.35
/** A private proposal is hinted at (without its text) only when it is this close: a near-duplicate, not a topic. */
const HIDDEN_HINT_MIN_SCORE = 0.6
/** …and only for a draft of a few words: one-word probes ("revenue") would map out the private topics. */
const HIDDEN_HINT_MIN_WORDS = 3
/** Looked at per query: enough to find the visible matches among private ones. */
const CANDIDATES_SCANNED = 50

/**
 * The duplicate check as you type. While proposals are private (open submissions off) it must not read them out:
 * dictionary queries recovered every private title when it did. So it lists only what this person may see anyway
 * (their own proposals and the ones they support; every proposal when submissions are open), and for someone else's
 * private near-duplicate it says only that one exists: "someone already proposed something close", to be merged at Group.
 */
export const findSimilar: CommandHandler<'findSimilar'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'findSimilar', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const me = ctx.actor.participantId
  const isEverythingVisible = ctx.settings.isOpenSubmissions || ctx.actor.role === 'facilitator'
  const { index, ids } = ctx.submissionIndex()
  const matches: SimilarSubmission[] = []
  let hasHiddenMatch = false
  const isDraft = command.text.trim().split(/\s+/).length >= HIDDEN_HINT_MIN_WORDS
  for (const hit of querySimilarityIndex(index, command.text, {
    limit: CANDIDATES_SCANNED,
    minScore: HINT_MIN_SCORE,
    ...semanticQueryOptions(ctx, ids, command.text),
  })) {
    const record = ctx.vault.submissions.get(ids[hit.index] as string)
    if (!record || record.status !== 'active') continue
    const isMine = record.authorId === me
    const isSupported = record.supporterIds.includes(me)
    if (!isEverythingVisible && !isMine && !isSupported) {
      if (isDraft && hit.score >= HIDDEN_HINT_MIN_SCORE) hasHiddenMatch = true
      continue
    }
    if (matches.length < DEFAULT_SUGGESTION_LIMIT) {
      matches.push({ submissionId: record.id, title: record.title, score: Math.round(hit.score * 100) / 100, isMine, isSupported })
    }
  }
  return { ok: true, result: { matches, hasHiddenMatch }, persist: false }
}
