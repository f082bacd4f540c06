import {
  configureVote as configureRule,
  pickTied as pickRule,
  revealRound,
  startFinalRound as finalRule,
  startRunoff as runoffRule,
} from '../../../shared/voting/voteFlow.ts'
import { candidateById } from '../../../shared/voting/candidateIndex.ts'
import { setDots as setDotsRule } from '../../../shared/voting/voteRules.ts'
import type { Ballot } from '../../../shared/voting/voteTypes.ts'
import type { CommandHandler } from '../../meeting/commandTypes.ts'
import { refuse } from '../../meeting/commandTypes.ts'
import { checkPermission } from '../../../shared/stages/permissions.ts'
import { ballotKey } from '../../meeting/vaultDoc.ts'
import { currentVote, facilitatorVote, saveVote } from './voteAccess.ts'
import { readField } from '../../../shared/meeting/meetingFields.ts'

export const configureVote: CommandHandler<'configureVote'> = (ctx, command) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  const { id: _id, type: _type, shortlistSize, ...settings } = command
  const next = configureRule(access.vote, settings, shortlistSize, readObjectiveCount(ctx))
  if (!next.ok) return refuse('conflict', next.reason)
  saveVote(ctx, next.vote)
  return { ok: true, result: {} }
}

export const openVoting: CommandHandler<'openVoting'> = (ctx) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  if (access.vote.phase !== 'setup') return refuse('conflict', 'Voting is already open or done.')
  if (access.vote.candidates.length === 0) return refuse('conflict', 'There is nothing to vote on: the board is empty.')
  saveVote(ctx, { ...access.vote, phase: 'open' })
  ctx.audit('opened voting', `${access.vote.candidates.length} candidates, ${access.vote.settings.budget} dots each`)
  return { ok: true, result: {} }
}

/** One candidate's dots on the sender's secret ballot: validated, stored server-side only, then acknowledged. */
export const setDots: CommandHandler<'setDots'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'vote', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const vote = currentVote(ctx)
  if (!vote || vote.phase !== 'open') return refuse('wrong_stage', 'Voting is closed.')
  if (command.round !== vote.round) return refuse('stale_stage', 'A new round has started; your screen is catching up.')
  const me = ctx.actor.participantId
  const key = ballotKey(vote.round, me)
  const ballot: Ballot = ctx.vault.ballots.get(key) ?? {}
  const candidate = candidateById(vote.candidates, command.candidateId)
  const checked = setDotsRule(ballot, candidate, command.dots, vote.settings, me)
  if (!checked.ok) return refuse(checked.code === 'unknown_candidate' ? 'not_found' : 'limit_reached', checked.reason)
  ctx.vault.ballots.set(key, checked.ballot)
  const hasDots = Object.keys(checked.ballot).length > 0
  if (hasDots && ctx.vault.voted.get(me) !== vote.round) ctx.vault.voted.set(me, vote.round)
  if (!hasDots && ctx.vault.voted.get(me) === vote.round) ctx.vault.voted.delete(me)
  ctx.refreshBallotOf(me)
  return { ok: true, result: { round: vote.round, ballot: checked.ballot } }
}

export const closeVoting: CommandHandler<'closeVoting'> = (ctx) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  if (access.vote.phase !== 'open') return refuse('conflict', 'Voting is not open.')
  saveVote(ctx, { ...access.vote, phase: 'closed' })
  return { ok: true, result: {} }
}

export const reopenVoting: CommandHandler<'reopenVoting'> = (ctx) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  if (access.vote.phase !== 'closed' && access.vote.phase !== 'revealed') return refuse('conflict', 'Voting is not closed.')
  saveVote(ctx, { ...access.vote, phase: 'open', result: null, chosenIds: null })
  ctx.audit('reopened voting', `round ${access.vote.round}`)
  return { ok: true, result: {} }
}

/** Counts the round's ballots; only totals reach the shared doc, never who voted for what. */
export const revealVotes: CommandHandler<'revealVotes'> = (ctx) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  if (access.vote.phase !== 'closed') return refuse('conflict', 'Close voting before revealing the results.')
  const prefix = `${access.vote.round}:`
  const ballots: Ballot[] = []
  for (const [key, ballot] of ctx.vault.ballots.entries()) if (key.startsWith(prefix)) ballots.push(ballot)
  const revealed = revealRound(access.vote, ballots)
  saveVote(ctx, revealed)
  ctx.audit('revealed the vote', `round ${access.vote.round}: ${revealed.result?.ballotCount ?? 0} ballots`)
  return { ok: true, result: { decided: revealed.chosenIds !== null } }
}

export const pickTied: CommandHandler<'pickTied'> = (ctx, command) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  const picked = pickRule(access.vote, command.candidateIds)
  if (!picked.ok) return refuse('conflict', picked.reason)
  saveVote(ctx, picked.vote)
  ctx.audit('settled a tie', command.candidateIds.join(', '))
  return { ok: true, result: {} }
}

export const startRunoff: CommandHandler<'startRunoff'> = (ctx, command) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  const next = runoffRule(access.vote, command.budget)
  if (!next.ok) return refuse('conflict', next.reason)
  saveVote(ctx, next.vote)
  ctx.audit('started a run-off', `round ${next.vote.round}`)
  return { ok: true, result: { round: next.vote.round } }
}

export const startFinalRound: CommandHandler<'startFinalRound'> = (ctx) => {
  const access = facilitatorVote(ctx)
  if ('refusal' in access) return access.refusal
  const next = finalRule(access.vote, readObjectiveCount(ctx))
  if (!next.ok) return refuse('conflict', next.reason)
  saveVote(ctx, next.vote)
  return { ok: true, result: { round: next.vote.round } }
}

function readObjectiveCount(ctx: Parameters<CommandHandler<'openVoting'>>[0]): number {
  const record = readField(ctx.maps.meeting, 'record')
  if (!record) throw new Error('meeting without a record')
  return record.objectiveCount
}
