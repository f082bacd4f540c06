import { peerBurstTooLarge, runBurst } from './burst.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { Scenario } from './types.ts'

/**
 * (4) Vote burst: everyone casts --votes (5) dots within --burst-seconds, one dot on each of five candidates
 * (secret ballots; everyone sees the live "voted" counter). Setup, not timed: the facilitator moves Submit → Group
 * → Vote and opens voting with one dot per candidate and a budget of --votes. Voting is closed afterwards, so the
 * reveal can follow.
 */
const IS_READY_ON_QUARTERDECK = true
const VOTE_BYTES = 24

export const voteBurst: Scenario = {
  id: 'vote',
  number: 4,
  title: 'vote burst',
  unavailable(target, n, options) {
    if (target === 'quarterdeck') return IS_READY_ON_QUARTERDECK ? null : 'needs submit/vote commands'
    return peerBurstTooLarge(n, options.votesPerClient, options.maxDeliveries)
  },
  async run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    let choices: string[] = []
    if (facilitator) {
      await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
      await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'group' })
      const budget = ctx.options.votesPerClient
      await facilitator.send({ type: 'configureVote', budget, perCandidateCap: 1, isOwnVoteForbidden: false, isSpendAllReminded: false, shortlistSize: null })
      await facilitator.send({ type: 'openVoting' })
      choices = readMeetingView(facilitator.doc)?.vote?.candidates.map((c) => c.id) ?? []
    }
    const outcome = await runBurst(ctx, {
      perClient: ctx.options.votesPerClient,
      ours: { command: { type: 'setDots', round: 1, candidateId: '{choice}', dots: 1 }, choices },
      peer: { map: 'votes', valueBytes: VOTE_BYTES },
    })
    if (facilitator) await facilitator.send({ type: 'closeVoting' })
    return outcome
  },
}
