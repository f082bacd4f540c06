import { clusterCards, combineChanges, mergeCards } from '../../../shared/board/boardRules.ts'
import type { BoardChange, CardRecord } from '../../../shared/board/boardTypes.ts'
import { suggestClustersWithReport as suggestRule } from '../../../shared/board/suggestClusters.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { wordVectorBoost } from '../../similarity/wordVectorTable.ts'
import { applyPatch, boardOf, rememberForUndo } from './boardWrites.ts'

/**
 * Above this many cards "Suggest clusters" stays lexical: word vectors cost about 1.6× the lexical
 * grouping (tests/bench), and a board this big is rare; 2,000 cards group well under a second.
 */
const MAX_WORD_VECTOR_CARDS = 2000

/** Runs groupSimilar over the board and lists suggestions for the facilitator to accept or reject one by one. */
export const suggestClusters: CommandHandler<'suggestClusters'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'suggestClusters', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  for (const [id, s] of ctx.maps.suggestions.entries()) if (s.status === 'pending') ctx.maps.suggestions.delete(id)
  const cards = [...ctx.maps.cards.values()]
  const titles = cards.map((c) => c.title)
  const model = ctx.semantic
  const wordVectors = cards.length <= MAX_WORD_VECTOR_CARDS ? wordVectorBoost() : undefined
  const report = suggestRule(cards, {
    ...(command.threshold !== undefined ? { threshold: command.threshold } : {}),
    ...(model ? { semantic: { vectors: titles.map((t) => model.vectorOf(t)), blend: model.blend } } : {}),
    ...(wordVectors ? { wordVectors } : {}),
  })
  let count = 0
  for (const s of report.suggestions) {
    const previous = ctx.maps.suggestions.get(s.id)
    // A suggestion the facilitator already rejected stays rejected when the same cards come up again.
    if (previous?.status === 'rejected') continue
    ctx.maps.suggestions.set(s.id, s)
    count++
  }
  const titleOf = (id: string) => ctx.maps.cards.get(id)?.title ?? ''
  return {
    ok: true,
    result: {
      count,
      checked: report.checked,
      threshold: report.threshold,
      nearMisses: report.nearMisses.map((n) => ({ ...n, titles: [titleOf(n.cardIds[0]), titleOf(n.cardIds[1])] as [string, string] })),
      nearMissCount: report.nearMissCount,
      semantic: model ? model.reportFor(titles) : { state: 'off' },
    },
  }
}

export const resolveSuggestion: CommandHandler<'resolveSuggestion'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'resolveSuggestion', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const suggestion = ctx.maps.suggestions.get(command.suggestionId)
  if (!suggestion || suggestion.status !== 'pending') return refuse('not_found', 'That suggestion is no longer open.')
  if (!command.accept) {
    ctx.maps.suggestions.set(suggestion.id, { ...suggestion, status: 'rejected' })
    return { ok: true, result: { applied: false } }
  }
  const board = boardOf(ctx)
  const cards = suggestion.cardIds.map((id) => board.card(id)).filter((c): c is CardRecord => c !== undefined)
  if (cards.length < 2) return refuse('conflict', 'These cards have changed since the suggestion was made; ask for new suggestions.')
  const changes: BoardChange[] = []
  if (suggestion.kind === 'merge') {
    const target = cards.find((c) => c.title === suggestion.name) ?? (cards[0] as CardRecord)
    for (const source of cards) {
      if (source.id === target.id) continue
      const result = mergeCards(board, source.id, target.id, suggestion.name)
      if (!result.ok) return refuse(result.code, result.reason)
      applyPatch(ctx, result.change.after)
      changes.push(result.change)
    }
  } else {
    const result = clusterCards(
      board,
      cards.map((c) => c.id),
      { id: ctx.newId(), name: suggestion.name, createdAt: ctx.now },
    )
    if (!result.ok) return refuse(result.code, result.reason)
    applyPatch(ctx, result.change.after)
    changes.push(result.change)
  }
  const label = suggestion.kind === 'merge' ? `Accepted merge as “${suggestion.name}”` : `Accepted cluster “${suggestion.name}”`
  rememberForUndo(ctx, combineChanges(label, changes))
  ctx.audit('accepted a suggestion', label)
  ctx.maps.suggestions.set(suggestion.id, { ...suggestion, status: 'accepted' })
  return { ok: true, result: { applied: true } }
}

export const readAudit: CommandHandler<'readAudit'> = (ctx) => {
  const allowed = checkPermission(ctx.actor, 'readAudit', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const all = ctx.vault.audit.toArray()
  return { ok: true, result: { entries: all.slice(-500) }, persist: false }
}
