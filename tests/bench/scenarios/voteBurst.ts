import { peerBurstTooLarge, runBurst } from './burst.ts'
import type { Scenario } from './types.ts'

/**
 * (4) Vote burst: everyone casts --votes (5) dots within --burst-seconds.
 * Quarterdeck: NOT YET AVAILABLE — there is no vote command yet. When there is, fill in the command below
 * (`{choice}` takes candidate ids round-robin; read them from a full client's doc and pass them as
 * `choices`) and set IS_READY_ON_QUARTERDECK.
 */
const IS_READY_ON_QUARTERDECK = false
const VOTE_BYTES = 24

export const voteBurst: Scenario = {
  id: 'vote',
  number: 4,
  title: 'vote burst',
  unavailable(target, n, options) {
    if (target === 'quarterdeck') return IS_READY_ON_QUARTERDECK ? null : 'needs submit/vote commands'
    return peerBurstTooLarge(n, options.votesPerClient, options.maxDeliveries)
  },
  run(ctx) {
    return runBurst(ctx, {
      perClient: ctx.options.votesPerClient,
      ours: { command: { type: 'castVote', candidateId: '{choice}', dots: 1 }, choices: [] },
      peer: { map: 'votes', valueBytes: VOTE_BYTES },
    })
  },
}
