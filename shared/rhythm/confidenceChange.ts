import { MAX_CONFIDENCE, MIN_CONFIDENCE, type FourSquare, type TrackedKeyResult } from './rhythmTypes.ts'

export type ConfidenceChange = 'up' | 'down' | 'same' | 'new'

export const CHANGE_SYMBOLS: Record<ConfidenceChange, string> = { up: '↑', down: '↓', same: '=', new: '•' }

/** A confidence is a whole number from 1 to 10 (DOMAIN.md). */
export function isValidConfidence(confidence: number): boolean {
  return Number.isInteger(confidence) && confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE
}

/** Up, down or the same since last week; 'new' when there is nothing to compare with. */
export function confidenceChange(previous: number | null | undefined, current: number): ConfidenceChange {
  if (previous === null || previous === undefined || !Number.isFinite(previous)) return 'new'
  if (current > previous) return 'up'
  if (current < previous) return 'down'
  return 'same'
}

/**
 * Last week's confidence for a key result: its status in the previous four-square, else (first week, or a week it
 * was left out) the confidence it was published with, so a move away from the meeting's 5/10 needs a reason too.
 */
export function previousConfidence(keyResultId: string, previousWeek: FourSquare | null, keyResults: readonly TrackedKeyResult[]): number | null {
  const last = previousWeek?.statuses.find((s) => s.keyResultId === keyResultId)
  if (last && isValidConfidence(last.confidence)) return last.confidence
  const published = keyResults.find((kr) => kr.id === keyResultId)
  return published && isValidConfidence(published.confidence) ? published.confidence : null
}
