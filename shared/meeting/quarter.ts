/** A quarter label such as "2027 Q1". */
export const QUARTER_PATTERN = /^(\d{4}) Q([1-4])$/

/** The quarter a meeting usually plans: the one after `now`'s quarter. */
export function suggestQuarter(now: Date): string {
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1
  return quarter === 4 ? `${now.getUTCFullYear() + 1} Q1` : `${now.getUTCFullYear()} Q${quarter + 1}`
}
