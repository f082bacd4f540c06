import { nowMs } from '../clock.ts'
import { peerBurstTooLarge, runBurst } from './burst.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { Scenario } from './types.ts'

/**
 * (5) Vote burst: everyone casts --votes (5) dots within --burst-seconds, one dot on each of five candidates
 * (secret ballots; everyone sees the live "voted" counter). Setup (`prepare`, outside the measured window): the
 * facilitator moves Submit → Group → Vote and opens voting with one dot per candidate and a budget of --votes.
 * The reveal's own setup closes voting.
 */
const IS_READY_ON_QUARTERDECK = true
const VOTE_BYTES = 24

export const voteBurst: Scenario = {
  id: 'vote',
  number: 5,
  title: 'vote burst',
  // Candidates come from the submit burst's proposals, on the board `board` opened; the setup moves Group → Vote.
  needs: (target) => (target === 'quarterdeck' ? ['submit', 'board', 'tovote'] : []),
  unavailable(target, n, options) {
    if (target === 'quarterdeck') return IS_READY_ON_QUARTERDECK ? null : 'needs submit/vote commands'
    return peerBurstTooLarge(n, options.votesPerClient, options.maxDeliveries)
  },
  async prepare(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    if (!facilitator) return { choices: [] }
    if (ctx.observers?.facilitator.stage === 'submit') await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    // Group → Vote is its own measured scenario (tovote); with --only it ran as setup.
    if (ctx.observers?.facilitator.stage === 'group') await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'group' })
    const budget = ctx.options.votesPerClient
    await facilitator.send({ type: 'configureVote', budget, perCandidateCap: 1, isOwnVoteForbidden: false, isSpendAllReminded: false, shortlistSize: null })
    await facilitator.send({ type: 'openVoting' })
    // The facilitator's reply comes after the update reached every socket, the facilitator's own included.
    return { choices: readMeetingView(facilitator.doc)?.vote?.candidates.map((c) => c.id) ?? [] }
  },
  async run(ctx, prepared) {
    // Every light client votes (the full participants do not): that is the count the live counter must reach.
    const voters = ctx.lightCount
    ctx.observers?.expectVoted(voters)
    const startedAt = nowMs()
    const outcome = await runBurst(ctx, {
      perClient: ctx.options.votesPerClient,
      ours: { command: { type: 'setDots', round: 1, candidateId: '{choice}', dots: 1 }, choices: (prepared.choices as string[] | undefined) ?? [] },
      peer: { map: 'votes', valueBytes: VOTE_BYTES },
    })
    if (ctx.observers && typeof outcome.completionMs === 'number') {
      // The live "N voted" counter: from the last acknowledged ballot until every full client shows the final count.
      const counter = await ctx.observers.votedCounterReached(startedAt + outcome.completionMs, ctx.timeoutMs(10_000, 1))
      outcome.extra = { ...outcome.extra, votedCounterLagMs: counter.lagMs, votedCount: counter.voted, voters }
    }
    return outcome
  },
}
