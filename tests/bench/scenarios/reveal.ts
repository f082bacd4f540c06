import { broadcastOne } from './broadcastOne.ts'
import type { Scenario } from './types.ts'

/**
 * (6) Reveal: the facilitator closes voting (setup, not measured) and reveals the results — one
 * larger change that everyone must receive. Peers: one ~8 KB write (a tally of a few hundred candidates).
 */
const IS_READY_ON_QUARTERDECK = true
const TALLY_BYTES = 8_000

export const reveal: Scenario = {
  id: 'reveal',
  number: 6,
  title: 'reveal',
  needs: (target) => (target === 'quarterdeck' ? ['submit', 'board', 'vote'] : []),
  unavailable: (target) => (target === 'quarterdeck' && !IS_READY_ON_QUARTERDECK ? 'needs submit/vote commands' : null),
  async prepare(ctx) {
    await ctx.observers?.facilitator.client.send({ type: 'closeVoting' })
    return {}
  },
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator ? () => facilitator.send({ type: 'revealVotes' }) : undefined,
      peer: { map: 'results', valueBytes: TALLY_BYTES },
    })
  },
}
