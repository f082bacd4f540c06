import type { SemanticUse } from './semanticUse.ts'

/** The lowest threshold a facilitator may ask for: below it nearly everything matches something. */
export const MIN_SUGGESTION_THRESHOLD = 0.2
export const MAX_SUGGESTION_THRESHOLD = 0.9

/** The facilitator's answer to "Suggest clusters": what was done, honestly, including what fell short. */
export interface SuggestClustersResult {
  /** Suggestions now pending (rejected ones that came up again are not counted). */
  count: number
  /** Cards checked. */
  checked: number
  threshold: number
  /** Close pairs below the threshold, best first (at most MAX_NEAR_MISSES), with the titles as they are now. */
  nearMisses: Array<{ cardIds: [string, string]; titles: [string, string]; score: number }>
  nearMissCount: number
  semantic: SemanticUse
}
