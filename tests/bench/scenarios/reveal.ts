import { broadcastOne } from './broadcastOne.ts'
import type { Scenario } from './types.ts'

/**
 * (5) Reveal: the facilitator reveals the vote results — one larger change that everyone must receive.
 * Quarterdeck: NOT YET AVAILABLE (no reveal command). When there is one, send it in `ours` and set
 * IS_READY_ON_QUARTERDECK. Peers: one ~8 KB write (a tally of a few hundred candidates) by one client.
 */
const IS_READY_ON_QUARTERDECK = false
const TALLY_BYTES = 8_000

export const reveal: Scenario = {
  id: 'reveal',
  number: 5,
  title: 'reveal',
  unavailable: (target) => (target === 'quarterdeck' && !IS_READY_ON_QUARTERDECK ? 'needs submit/vote commands' : null),
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator ? () => Promise.reject(new Error('no reveal command yet')) : undefined,
      peer: { map: 'results', valueBytes: TALLY_BYTES },
    })
  },
}
