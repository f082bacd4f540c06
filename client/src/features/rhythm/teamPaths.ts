import { isWeekId, weekIdOf, type WeekId } from '../../../../shared/rhythm/weekId.ts'
import { quarterWeeks } from '../../../../shared/rhythm/quarterWeeks.ts'
import { currentLocale } from '../../i18n/i18n.ts'

export type TeamRoute =
  | { view: 'week'; teamId: string; weekId: WeekId | null }
  | { view: 'report'; teamId: string; weekId: WeekId | null }
  | { view: 'trends'; teamId: string }
  | { view: 'edit'; teamId: string }

const TEAM = /^\/t\/([A-Za-z0-9_-]{10,64})(?:\/(edit|trends|week\/(\d{4}-\d{2}-\d{2})|report\/(\d{4}-\d{2}-\d{2})))?\/?$/

/** Paths of a team space: /t/<id>, /t/<id>/edit (editor link), /t/<id>/week/<monday>, /t/<id>/report/<monday>, /t/<id>/trends. */
export function parseTeamPath(pathname: string): TeamRoute | null {
  const m = TEAM.exec(pathname)
  if (!m) return null
  const teamId = m[1] as string
  const week = (w: string | undefined) => (w && isWeekId(w) ? w : null)
  if (m[2] === 'edit') return { view: 'edit', teamId }
  if (m[2] === 'trends') return { view: 'trends', teamId }
  if (m[4]) return { view: 'report', teamId, weekId: week(m[4]) }
  return { view: 'week', teamId, weekId: week(m[3]) }
}

export const teamPaths = {
  week: (teamId: string, weekId: WeekId) => `/t/${teamId}/week/${weekId}`,
  report: (teamId: string, weekId: WeekId) => `/t/${teamId}/report/${weekId}`,
  trends: (teamId: string) => `/t/${teamId}/trends`,
}

/** The week to open: this week when it is in the quarter, else the quarter's nearest end. */
export function defaultWeek(quarter: string, today: Date = new Date()): WeekId {
  const weeks = quarterWeeks(quarter)
  const current = weekIdOf(today.toISOString().slice(0, 10)) ?? ''
  if (weeks.includes(current)) return current
  return (current < (weeks[0] ?? '') ? weeks[0] : weeks[weeks.length - 1]) ?? current
}

/** "11 Jan" for a week's Monday. */
export function shortDate(weekId: WeekId): string {
  return new Date(`${weekId}T00:00:00Z`).toLocaleDateString(currentLocale() === 'en' ? 'en-GB' : currentLocale(), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
}
