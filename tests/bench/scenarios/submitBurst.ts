import { CARD_BYTES } from './joinStorm.ts'
import { peerBurstTooLarge, runBurst } from './burst.ts'
import type { Scenario } from './types.ts'

/**
 * (2) Submit burst: everyone submits one objective within --burst-seconds (private-submission mode: others see the
 * count). Runs after `board`, which advances Mission → Submit.
 */
const IS_READY_ON_QUARTERDECK = true

export const submitBurst: Scenario = {
  id: 'submit',
  number: 2,
  title: 'submit burst',
  needs: (target) => (target === 'quarterdeck' ? ['board'] : []),
  unavailable(target, n, options) {
    if (target === 'quarterdeck') return IS_READY_ON_QUARTERDECK ? null : 'needs submit/vote commands'
    return peerBurstTooLarge(n, 1, options.maxDeliveries)
  },
  run(ctx) {
    return runBurst(ctx, {
      perClient: 1,
      ours: { command: { type: 'submitObjective', title: 'Grow adoption in new market {i}', why: 'Because person {i} thinks it matters now.' } },
      peer: { map: 'cards', valueBytes: CARD_BYTES },
    })
  },
}
