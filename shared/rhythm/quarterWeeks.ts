import { QUARTER_PATTERN } from '../meeting/quarter.ts'
import { dayNumber, isoDateOfDay, type WeekId } from './weekId.ts'

/**
 * The weeks of a quarter ("2027 Q1"), as their Mondays, in order; [] for a label that is not a quarter.
 *
 * A week belongs to the quarter that holds its Thursday, i.e. most of its days: the ISO 8601 rule for years, applied
 * to quarters. So every week belongs to exactly one quarter, a quarter has 12 to 14 weeks, and the four quarters of
 * a year are exactly the ISO weeks of that ISO year (W01 is always in Q1).
 */
export function quarterWeeks(quarter: string): WeekId[] {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) return []
  const year = Number(match[1])
  const firstMonth = (Number(match[2]) - 1) * 3 + 1
  const first = dayNumber(`${year}-${String(firstMonth).padStart(2, '0')}-01`) as number
  const last = Date.UTC(year, firstMonth + 2, 0) / 86_400_000
  const toThursday = (((3 - ((first + 3) % 7)) % 7) + 7) % 7
  const weeks: WeekId[] = []
  for (let thursday = first + toThursday; thursday <= last; thursday += 7) weeks.push(isoDateOfDay(thursday - 3))
  return weeks
}
