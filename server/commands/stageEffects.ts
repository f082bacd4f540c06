import type { Stage } from '../../shared/stages/stages.ts'
import { candidatesFromBoard, checkCanLeaveVote } from '../../shared/voting/candidatesFromBoard.ts'
import { newVote } from '../../shared/voting/voteFlow.ts'
import type { ChosenObjective } from '../../shared/voting/voteState.ts'
import { quarterDeadline } from '../../shared/keyResults/quarterDeadline.ts'
import { readField, writeField } from '../../shared/meeting/meetingFields.ts'
import { refuseUnalignedPublish, submitToCompany } from '../cascade/cascadeCommands.ts'
import type { CommandContext, Outcome } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { openBoard } from './board/openBoard.ts'
import { publish } from './keyResults/publish.ts'
import { currentVote, saveVote } from './vote/voteAccess.ts'

/**
 * What moving between stages does, per stage. Guards run before anything changes and may refuse the move; then
 * the stage left runs `leave`, the stage entered runs `enter`, inside the same command (one transaction).
 * A stage without an entry has no effects.
 */
export interface StageEffects {
  canLeave?(ctx: CommandContext, to: Stage): Outcome<never> | null
  canEnter?(ctx: CommandContext, from: Stage): Outcome<never> | null
  leave?(ctx: CommandContext, to: Stage): void
  enter?(ctx: CommandContext, from: Stage): void
}

export const STAGE_EFFECTS: Partial<Record<Stage, StageEffects>> = {
  group: {
    enter: (ctx) => openBoard(ctx),
  },
  vote: {
    // Forward from Group: the candidates are the board as it stands (a vote already set up is kept).
    enter: (ctx, from) => {
      if (from === 'group' && !currentVote(ctx)) startVote(ctx)
    },
    canLeave: (ctx, to) => {
      if (to !== 'keyResults') return null
      const leave = checkCanLeaveVote(currentVote(ctx)?.chosenIds)
      return leave.ok ? null : refuse('conflict', leave.reason)
    },
    leave: (ctx, to) => {
      if (to === 'group') discardVote(ctx)
      if (to === 'keyResults') fixObjectives(ctx)
    },
  },
  published: {
    canEnter: (ctx) => refuseUnalignedPublish(ctx),
    enter: (ctx) => {
      publish(ctx)
      submitToCompany(ctx)
    },
  },
}

/** The guards of a move from `from` to `to`: the first refusal, or null when the move may go ahead. */
export function refuseStageMove(ctx: CommandContext, from: Stage, to: Stage): Outcome<never> | null {
  return STAGE_EFFECTS[from]?.canLeave?.(ctx, to) ?? STAGE_EFFECTS[to]?.canEnter?.(ctx, from) ?? null
}

/** The effects of a move that passed its guards. */
export function runStageEffects(ctx: CommandContext, from: Stage, to: Stage): void {
  STAGE_EFFECTS[from]?.leave?.(ctx, to)
  STAGE_EFFECTS[to]?.enter?.(ctx, from)
}

function startVote(ctx: CommandContext): void {
  const candidates = candidatesFromBoard([...ctx.maps.cards.values()], [...ctx.maps.clusters.values()])
  const record = readField(ctx.maps.meeting, 'record')
  if (!record) throw new Error('meeting without a record')
  saveVote(ctx, newVote(candidates, record.objectiveCount))
}

/** Back to Group: the board may change, so the ballots cast on the old candidates are discarded (the UI confirms). */
function discardVote(ctx: CommandContext): void {
  saveVote(ctx, null)
  ctx.vault.voted.clear()
  for (const key of [...ctx.vault.ballots.keys()]) ctx.vault.ballots.delete(key)
  ctx.audit('discarded the vote', 'went back to Group')
}

/** The chosen objectives, fixed in rank order, are what Key results works on. */
function fixObjectives(ctx: CommandContext): void {
  const vote = currentVote(ctx)
  if (!vote?.chosenIds) return
  const dots = new Map((vote.result?.ranking ?? []).map((r) => [r.id, r.dots]))
  const objectives: ChosenObjective[] = vote.chosenIds.map((id) => {
    const candidate = vote.allCandidates.find((c) => c.id === id)
    return { id, title: candidate?.title ?? id, cardIds: candidate?.cardIds ?? [], dots: dots.get(id) ?? 0 }
  })
  writeField(ctx.maps.meeting, 'objectives', objectives)
  const quarter = readField(ctx.maps.meeting, 'record')?.quarter ?? ''
  for (const o of objectives) {
    if (ctx.maps.objectiveDetails.has(o.id)) continue
    const why = o.cardIds.map((id) => ctx.maps.cards.get(id)?.why ?? '').find((w) => w.trim()) ?? ''
    ctx.maps.objectiveDetails.set(o.id, { title: o.title, whyNow: why, team: '', deadline: quarterDeadline(quarter) })
  }
}
