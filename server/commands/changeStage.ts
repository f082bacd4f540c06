import { checkPermission } from '../../shared/stages/permissions.ts'
import { transitionStage } from '../../shared/stages/stageMachine.ts'
import type { StageRecord } from '../../shared/meeting/meetingDoc.ts'
import { candidatesFromBoard, checkCanLeaveVote } from '../../shared/voting/candidatesFromBoard.ts'
import { newVote } from '../../shared/voting/voteFlow.ts'
import type { ChosenObjective } from '../../shared/voting/voteState.ts'
import type { CommandContext, CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { openBoard } from './board/openBoard.ts'
import { currentVote, saveVote } from './vote/voteAccess.ts'
import type { StageVisit } from '../../shared/meeting/meetingDoc.ts'
import { quarterDeadline } from '../../shared/keyResults/quarterDeadline.ts'
import { publish } from './keyResults/publish.ts'
import { refuseUnalignedPublish, submitToCompany } from '../cascade/cascadeCommands.ts'

export const changeStage: CommandHandler<'changeStage'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'changeStage', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const transition = transitionStage(ctx.stage, command.move, command.expected)
  if (!transition.ok) return refuse(transition.code, transition.reason)
  if (transition.from === 'vote' && transition.to === 'keyResults') {
    const leave = checkCanLeaveVote(currentVote(ctx)?.chosenIds)
    if (!leave.ok) return refuse('conflict', leave.reason)
  }
  if (transition.to === 'published') {
    const unaligned = refuseUnalignedPublish(ctx)
    if (unaligned) return unaligned
  }
  const record: StageRecord = { stage: transition.to, startedAt: ctx.now }
  ctx.maps.meeting.set('stage', record)
  const history = (ctx.maps.meeting.get('stageHistory') as StageVisit[] | undefined) ?? []
  ctx.maps.meeting.set('stageHistory', [...history, { stage: transition.to, startedAt: ctx.now }])
  // A timer belongs to the stage it was started in.
  if (ctx.maps.meeting.get('timer')) ctx.maps.meeting.set('timer', null)
  if (transition.to === 'group') openBoard(ctx)
  if (transition.from === 'group' && transition.to === 'vote' && !currentVote(ctx)) startVote(ctx)
  if (transition.from === 'vote' && transition.to === 'group') discardVote(ctx)
  if (transition.from === 'vote' && transition.to === 'keyResults') fixObjectives(ctx)
  if (transition.to === 'published') {
    publish(ctx)
    submitToCompany(ctx)
  }
  return { ok: true, result: { stage: transition.to } }
}

function startVote(ctx: CommandContext): void {
  const candidates = candidatesFromBoard([...ctx.maps.cards.values()], [...ctx.maps.clusters.values()])
  const objectiveCount = (ctx.maps.meeting.get('record') as { objectiveCount: number }).objectiveCount
  saveVote(ctx, newVote(candidates, objectiveCount))
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
  ctx.maps.meeting.set('objectives', objectives)
  const record = ctx.maps.meeting.get('record') as { quarter: string }
  for (const o of objectives) {
    if (ctx.maps.objectiveDetails.has(o.id)) continue
    const why = o.cardIds.map((id) => ctx.maps.cards.get(id)?.why ?? '').find((w) => w.trim()) ?? ''
    ctx.maps.objectiveDetails.set(o.id, { title: o.title, whyNow: why, team: '', deadline: quarterDeadline(record.quarter) })
  }
}
