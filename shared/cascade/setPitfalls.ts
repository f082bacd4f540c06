import { quarterDeadline } from '../keyResults/quarterDeadline.ts'
import type { KeyResult } from '../keyResults/keyResultTypes.ts'
import { QUARTER_PATTERN } from '../meeting/quarter.ts'
import { pitfallWarnings, type PitfallWarning } from '../rhythm/pitfallWarnings.ts'
import type { ConfidenceCheckIn } from '../rhythm/rhythmTypes.ts'
import { dayNumber, isoDateOfDay, weekIdOf } from '../rhythm/weekId.ts'

export interface PitfallSetObjective {
  id: string
  title: string
  deadline: string
  /** Dots from the vote: objectives with the same number of dots have no priority between them. */
  dots: number | null
  keyResults: readonly Pick<KeyResult, 'id' | 'statement' | 'metric' | 'confidence'>[]
}

/** The first day of a quarter ("2027 Q1" → "2027-01-01"), or '' for a malformed one. */
export function quarterStart(quarter: string): string {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) return ''
  return `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`
}

/** Competition ranking by dots, most first; equal dots share a rank (and so are not prioritised). */
export function ranksFromDots(dots: readonly (number | null)[]): (number | null)[] {
  return dots.map((d) => (d === null ? null : 1 + dots.filter((other) => other !== null && other > d).length))
}

/**
 * The pitfall warnings for one set (company or department), as the review screen and the alignment view show them.
 * The cycle starts on the quarter's first day, or today when the quarter is already under way (a set agreed in
 * week 8 of its quarter has less than a quarter left).
 */
export function setPitfalls(input: {
  quarter: string
  objectives: readonly PitfallSetObjective[]
  /** Epoch ms: when the set was (or is being) agreed. */
  agreedAt: number
  /** Epoch ms: now. */
  now: number
  history?: readonly ConfidenceCheckIn[]
}): PitfallWarning[] {
  const start = quarterStart(input.quarter)
  const agreed = new Date(input.agreedAt).toISOString().slice(0, 10)
  const startDay = dayNumber(start)
  const agreedDay = dayNumber(agreed) as number
  const cycleStart = startDay === null ? agreed : isoDateOfDay(Math.max(startDay, agreedDay))
  const ranks = ranksFromDots(input.objectives.map((o) => o.dots))
  return pitfallWarnings({
    objectives: input.objectives.map((o, i) => ({
      id: o.id,
      title: o.title,
      rank: ranks[i] ?? null,
      deadline: o.deadline || quarterDeadline(input.quarter),
      keyResults: o.keyResults,
    })),
    cycleStart,
    history: input.history ?? [],
    currentWeek: weekIdOf(new Date(input.now).toISOString().slice(0, 10)) as string,
  })
}
