import { broadcastOne } from './broadcastOne.ts'
import type { Scenario } from './types.ts'

/**
 * (5) Reveal: the facilitator reveals the vote results (voting was closed at the end of the vote burst) — one
 * larger change that everyone must receive. Peers: one ~8 KB write (a tally of a few hundred candidates).
 */
const IS_READY_ON_QUARTERDECK = true
const TALLY_BYTES = 8_000

export const reveal: Scenario = {
  id: 'reveal',
  number: 5,
  title: 'reveal',
  unavailable: (target) => (target === 'quarterdeck' && !IS_READY_ON_QUARTERDECK ? 'needs submit/vote commands' : null),
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator ? () => facilitator.send({ type: 'revealVotes' }) : undefined,
      peer: { map: 'results', valueBytes: TALLY_BYTES },
    })
  },
}
