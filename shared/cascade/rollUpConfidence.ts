import { confidenceBand, type ConfidenceBand } from '../keyResults/confidenceBand.ts'
import { latestCheckIn } from '../rhythm/checkIns.ts'
import { isValidConfidence } from '../rhythm/confidenceChange.ts'
import type { ConfidenceCheckIn, TrackedKeyResult } from '../rhythm/rhythmTypes.ts'
import type { WeekId } from '../rhythm/weekId.ts'

export interface RolledUpConfidence {
  /** The lowest current confidence among the key results; null when none has one. */
  confidence: number | null
  colour: ConfidenceBand | null
  /** The key result that sets it (the first in order among equals). */
  weakestKeyResultId: string | null
}

/**
 * An objective's confidence: the WORST of its key results' current confidence (latest check-in up to `asOf`, else
 * the confidence it was published with).
 *
 * Worst-of rather than the mean: the objective is reached only when its key results are (together they are how we
 * know), so its chance is bounded by the weakest one. A mean would let two green key results hide a red one, and
 * surfacing the red one is what the Monday status is for. It is also the easiest rule to explain: "as red as its
 * reddest key result".
 */
export function rollUpConfidence(
  keyResults: readonly TrackedKeyResult[],
  history: readonly ConfidenceCheckIn[],
  asOf: WeekId | null = null,
): RolledUpConfidence {
  let weakest: { id: string; confidence: number } | null = null
  for (const kr of keyResults) {
    const confidence = latestCheckIn(history, kr.id, asOf)?.confidence ?? (isValidConfidence(kr.confidence) ? kr.confidence : null)
    if (confidence === null) continue
    if (weakest === null || confidence < weakest.confidence) weakest = { id: kr.id, confidence }
  }
  if (weakest === null) return { confidence: null, colour: null, weakestKeyResultId: null }
  return { confidence: weakest.confidence, colour: confidenceBand(weakest.confidence), weakestKeyResultId: weakest.id }
}
