/**
 * A week is named by its Monday as an ISO date ("2027-01-04"): it sorts as text, reads as a date, and is the day the
 * team meets. Calendar arithmetic only, in whole UTC days: no clock, no time zone.
 */
export type WeekId = string

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for an ISO date (yyyy-mm-dd), or null when it is not a real calendar date. */
export function dayNumber(isoDate: string): number | null {
  const m = ISO_DATE.exec(isoDate)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null
  return ms / MS_PER_DAY
}

export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** 0 for Monday … 6 for Sunday. Day 0 (1970-01-01) was a Thursday. */
function daysSinceMonday(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

/** The week (its Monday) that contains an ISO date; null for a date that does not exist. */
export function weekIdOf(isoDate: string): WeekId | null {
  const day = dayNumber(isoDate)
  return day === null ? null : isoDateOfDay(day - daysSinceMonday(day))
}

export function isWeekId(text: string): boolean {
  const day = dayNumber(text)
  return day !== null && daysSinceMonday(day) === 0
}

export function addWeeks(week: WeekId, weeks: number): WeekId | null {
  if (!isWeekId(week) || !Number.isInteger(weeks)) return null
  return isoDateOfDay((dayNumber(week) as number) + weeks * 7)
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier); null unless both are weeks. */
export function weeksBetween(from: WeekId, to: WeekId): number | null {
  if (!isWeekId(from) || !isWeekId(to)) return null
  return ((dayNumber(to) as number) - (dayNumber(from) as number)) / 7
}

/** ISO 8601 week label, "2027-W01": the year is the one holding the week's Thursday. '' for a non-week. */
export function isoWeekLabel(week: WeekId): string {
  if (!isWeekId(week)) return ''
  const thursday = new Date(((dayNumber(week) as number) + 3) * MS_PER_DAY)
  const year = thursday.getUTCFullYear()
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / MS_PER_DAY
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`
}
