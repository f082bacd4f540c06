import { CARD_BYTES } from './joinStorm.ts'
import { peerBurstTooLarge, runBurst } from './burst.ts'
import type { Scenario } from './types.ts'

/**
 * (2) Submit burst: everyone submits one objective within --burst-seconds (private-submission mode: others see the
 * count). Its setup advances Mission → Submit; the board it fills is what `board` then opens.
 */
const IS_READY_ON_QUARTERDECK = true

export const submitBurst: Scenario = {
  id: 'submit',
  number: 2,
  title: 'submit burst',
  unavailable(target, n, options) {
    if (target === 'quarterdeck') return IS_READY_ON_QUARTERDECK ? null : 'needs submit/vote commands'
    return peerBurstTooLarge(n, 1, options.maxDeliveries)
  },
  async prepare(ctx) {
    const facilitator = ctx.observers?.facilitator.client
    if (facilitator && ctx.observers?.facilitator.stage !== 'submit') await facilitator.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    return {}
  },
  run(ctx) {
    return runBurst(ctx, {
      perClient: 1,
      ours: { command: { type: 'submitObjective', title: 'Grow adoption in new market {i}', why: 'Because person {i} thinks it matters now.' } },
      peer: { map: 'cards', valueBytes: CARD_BYTES },
    })
  },
}
