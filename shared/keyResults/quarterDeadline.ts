import { QUARTER_PATTERN } from '../meeting/quarter.ts'

/** The last day of a quarter ("2027 Q1" → "2027-03-31"): an objective's default deadline. */
export function quarterDeadline(quarter: string): string {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) return ''
  const year = Number(match[1])
  const q = Number(match[2])
  const lastMonth = q * 3
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`
}
