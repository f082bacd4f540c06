import { isValidConfidence } from './confidenceChange.ts'
import type { ConfidenceCheckIn, FourSquare } from './rhythmTypes.ts'
import type { WeekId } from './weekId.ts'

/** The confidence history held in four-squares: one check-in per valid status (invalid ones are not history). */
export function checkInsFromFourSquares(fourSquares: readonly FourSquare[]): ConfidenceCheckIn[] {
  return fourSquares.flatMap((fs) =>
    fs.statuses.filter((s) => isValidConfidence(s.confidence)).map((s) => ({ keyResultId: s.keyResultId, weekId: fs.weekId, confidence: s.confidence })),
  )
}

/**
 * A key result's most recent check-in, in or before `asOf` when given; null when it has none. Two check-ins in the
 * same week: the later one in `history` wins (history is kept in the order it was recorded).
 */
export function latestCheckIn(history: readonly ConfidenceCheckIn[], keyResultId: string, asOf: WeekId | null = null): ConfidenceCheckIn | null {
  let latest: ConfidenceCheckIn | null = null
  for (const c of history) {
    if (c.keyResultId !== keyResultId || !isValidConfidence(c.confidence)) continue
    if (asOf !== null && c.weekId > asOf) continue
    if (latest === null || c.weekId >= latest.weekId) latest = c
  }
  return latest
}
