import { broadcastOne } from './broadcastOne.ts'
import type { Scenario } from './types.ts'

/**
 * (4) Group → Vote: the facilitator advances from the board to the vote. The server turns the board's clusters and
 * loose cards into the vote's candidates, and every client must receive them (issue 16: < 0.5 s at N = 5,000).
 * Quarterdeck only: the peers have no stages.
 */
export const groupToVote: Scenario = {
  id: 'tovote',
  number: 4,
  title: 'group→vote',
  needs: (target) => (target === 'quarterdeck' ? ['submit', 'board'] : []),
  unavailable: (target) => (target === 'quarterdeck' ? null : 'no stages on a plain Yjs server'),
  run(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    return broadcastOne(ctx, {
      ours: facilitator ? () => facilitator.send({ type: 'changeStage', move: 'advance', expected: 'group' }) : undefined,
      peer: { map: 'meeting', valueBytes: 0 },
    })
  },
}
