import { broadcastOne } from './broadcastOne.ts'
import { CARD_BYTES } from './joinStorm.ts'
import type { Scenario } from './types.ts'

/**
 * (3) Board open. After the submit burst (N proposals), the facilitator advances Submit → Group: the server turns
 * every proposal into a card and every client receives the whole board, the O(N²)-bytes case. We time how long
 * until every client has it. On peers: one client writes a board of N × 120 bytes as one value.
 */
export const boardOpen: Scenario = {
  id: 'board',
  number: 3,
  title: 'board open',
  unavailable: () => null,
  needs: (target) => (target === 'quarterdeck' ? ['submit'] : []),
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator
        ? () => {
            const expected = ctx.observers?.facilitator.stage || 'submit'
            return facilitator.send({ type: 'changeStage', move: 'advance', expected: expected as 'submit' })
          }
        : undefined,
      peer: { map: 'meeting', valueBytes: ctx.n * CARD_BYTES },
    })
  },
}
