import { broadcastOne } from './broadcastOne.ts'
import type { Scenario } from './types.ts'

/**
 * (3) Board open. The facilitator advances the stage (`changeStage`, Mission → Submit) and we time how long
 * until every client has received the resulting update. On peers: one small write by one client.
 * (Once the board commands exist, this is where "advance to Group" with a full board goes.)
 */
export const boardOpen: Scenario = {
  id: 'board',
  number: 3,
  title: 'board open',
  unavailable: () => null,
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator
        ? () => {
            const expected = ctx.observers?.facilitator.stage || 'mission'
            return facilitator.send({ type: 'changeStage', move: 'advance', expected: expected as 'mission' })
          }
        : undefined,
      peer: { map: 'meeting', valueBytes: 60 },
    })
  },
}
