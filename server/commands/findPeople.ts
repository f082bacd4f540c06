import { checkPermission } from '../../shared/stages/permissions.ts'
import { searchPeople } from '../../shared/presence/roomCounts.ts'
import type { PersonMatch } from '../../shared/presence/presenceTypes.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'

/**
 * The people list's search: participants (not facilitators) whose name matches, names starting with the query
 * first, then in joining order. Names and online marks only; done marks and votes stay with the facilitator.
 */
export const findPeople: CommandHandler<'findPeople'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'findPeople', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const matches = searchPeople(ctx.searchablePeople(), command.query)
  const listed: PersonMatch[] = matches
    .slice(0, command.limit)
    .map((p) => ({ id: p.id, name: p.name, isOnline: ctx.isOnline(p.id) }))
  return { ok: true, result: { total: matches.length, people: listed }, persist: false }
}
