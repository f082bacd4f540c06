import { DEFAULT_CONFIDENCE, MAX_KRS_PER_OBJECTIVE, type KeyResultRecord } from '../../../shared/keyResults/keyResultTypes.ts'
import { readStatement } from '../../../shared/keyResults/keyResultDoc.ts'
import { checkAuthorOrFacilitator } from '../../../shared/stages/permissions.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'
import { findKeyResult, isRecord, keyResultsOf, refuseUnlessDrafting } from './keyResultAccess.ts'

export const updateObjective: CommandHandler<'updateObjective'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  if (!ctx.maps.objectiveDetails.has(command.objectiveId)) return refuse('not_found', 'That objective is not one the vote chose.')
  ctx.maps.objectiveDetails.set(command.objectiveId, {
    title: command.title,
    whyNow: command.whyNow,
    team: command.team,
    deadline: command.deadline,
  })
  return { ok: true, result: {} }
}

/** Anyone proposes a key result for any objective; its statement becomes co-editable text at once. */
export const proposeKeyResult: CommandHandler<'proposeKeyResult'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const doc = ctx.keyResultDoc(command.objectiveId)
  if (!doc) return refuse('not_found', 'That objective is not one the vote chose.')
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const siblings = keyResultsOf(ctx, command.objectiveId)
  const record: KeyResultRecord = {
    id: ctx.newId(),
    objectiveId: command.objectiveId,
    metric: '',
    baseline: '',
    target: '',
    unit: '',
    owner: '',
    confidence: DEFAULT_CONFIDENCE,
    isAccepted: false,
    order: (siblings[siblings.length - 1]?.order ?? 0) + 1,
    createdAt: ctx.now,
    createdBy: ctx.actor.participantId,
  }
  ctx.maps.keyResults.set(record.id, record)
  doc.setStatement(record.id, command.statement)
  return { ok: true, result: { keyResultId: record.id } }
}

export const updateKeyResult: CommandHandler<'updateKeyResult'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const found = findKeyResult(ctx, command.keyResultId)
  if (!isRecord(found)) return found
  const { id: _id, type: _type, keyResultId: _k, ...fields } = command
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  ctx.maps.keyResults.set(found.id, { ...found, ...changes })
  return { ok: true, result: {} }
}

/** The facilitator picks the final 3–4 per objective. */
export const acceptKeyResult: CommandHandler<'acceptKeyResult'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const mayDecide = checkPermission(ctx.actor, 'decideKeyResults', ctx.stage)
  if (!mayDecide.ok) return refuse(mayDecide.code, mayDecide.reason)
  const found = findKeyResult(ctx, command.keyResultId)
  if (!isRecord(found)) return found
  if (command.accepted && !found.isAccepted) {
    const accepted = keyResultsOf(ctx, found.objectiveId).filter((k) => k.isAccepted).length
    if (accepted >= MAX_KRS_PER_OBJECTIVE) {
      return refuse('limit_reached', `This objective already has ${MAX_KRS_PER_OBJECTIVE} accepted key results; un-accept one first.`)
    }
  }
  ctx.maps.keyResults.set(found.id, { ...found, isAccepted: command.accepted })
  return { ok: true, result: { accepted: command.accepted } }
}

/** Two proposals saying the same: the target keeps its wording and fills its blanks from the source. */
export const mergeKeyResults: CommandHandler<'mergeKeyResults'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const mayDecide = checkPermission(ctx.actor, 'decideKeyResults', ctx.stage)
  if (!mayDecide.ok) return refuse(mayDecide.code, mayDecide.reason)
  if (command.sourceId === command.targetId) return refuse('bad_command', 'A key result cannot be merged into itself.')
  const source = findKeyResult(ctx, command.sourceId)
  if (!isRecord(source)) return source
  const target = findKeyResult(ctx, command.targetId)
  if (!isRecord(target)) return target
  if (source.objectiveId !== target.objectiveId) return refuse('conflict', 'Only key results of the same objective can be merged.')
  const doc = ctx.keyResultDoc(target.objectiveId)
  if (!doc) return refuse('not_found', 'That objective is not one the vote chose.')
  const fill = (a: string, b: string) => a || b
  ctx.maps.keyResults.set(target.id, {
    ...target,
    metric: fill(target.metric, source.metric),
    baseline: fill(target.baseline, source.baseline),
    target: fill(target.target, source.target),
    unit: fill(target.unit, source.unit),
    owner: fill(target.owner, source.owner),
    isAccepted: target.isAccepted || source.isAccepted,
  })
  if (!readStatement(doc.doc, target.id).trim()) doc.setStatement(target.id, readStatement(doc.doc, source.id))
  ctx.maps.keyResults.delete(source.id)
  doc.setStatement(source.id, null)
  ctx.audit('merged key results', `${readStatement(doc.doc, target.id)}`)
  return { ok: true, result: { keyResultId: target.id } }
}

/** Its proposer or the facilitator removes a key result. */
export const deleteKeyResult: CommandHandler<'deleteKeyResult'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const found = findKeyResult(ctx, command.keyResultId)
  if (!isRecord(found)) return found
  const allowed = checkAuthorOrFacilitator(ctx.actor, found.createdBy, 'Only its proposer or the facilitator can delete a key result.')
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  ctx.maps.keyResults.delete(found.id)
  ctx.keyResultDoc(found.objectiveId)?.setStatement(found.id, null)
  return { ok: true, result: {} }
}

export const moveKeyResult: CommandHandler<'moveKeyResult'> = (ctx, command) => {
  const refusal = refuseUnlessDrafting(ctx)
  if (refusal) return refusal
  const found = findKeyResult(ctx, command.keyResultId)
  if (!isRecord(found)) return found
  const siblings = keyResultsOf(ctx, found.objectiveId)
  const i = siblings.findIndex((k) => k.id === found.id)
  const j = command.direction === 'up' ? i - 1 : i + 1
  const other = siblings[j]
  if (!other) return refuse('conflict', command.direction === 'up' ? 'It is already first.' : 'It is already last.')
  // Renumber all so equal orders (from concurrent proposals) cannot make a swap a no-op.
  siblings.forEach((k, n) => {
    const order = n === i ? j + 1 : n === j ? i + 1 : n + 1
    if (k.order !== order) ctx.maps.keyResults.set(k.id, { ...k, order })
  })
  return { ok: true, result: {} }
}
