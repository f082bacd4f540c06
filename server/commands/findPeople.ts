import { checkPermission } from '../../shared/stages/permissions.ts'
import { searchPeople } from '../../shared/presence/roomCounts.ts'
import type { PersonMatch } from '../../shared/presence/presenceTypes.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { personAlias } from './personAlias.ts'
import type { MeetingRecord } from '../../shared/meeting/meetingDoc.ts'

/**
 * The people list's search: participants (not facilitators) whose name matches, names starting with the query
 * first, then in joining order. Names and online marks only; done marks and votes stay with the facilitator.
 */
export const findPeople: CommandHandler<'findPeople'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'findPeople', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const matches = searchPeople(ctx.searchablePeople(), command.query)
  // Anonymous authorship: the ids on cards are participant ids, so participants get aliases here, never those ids.
  const isAliased = ctx.settings.authorship === 'anonymous' && ctx.actor.role !== 'facilitator'
  const scope = (ctx.maps.meeting.get('record') as MeetingRecord | undefined)?.id ?? ''
  const listed: PersonMatch[] = matches
    .slice(0, command.limit)
    .map((p) => ({ id: isAliased ? personAlias(scope, p.id) : p.id, name: p.name, isOnline: ctx.isOnline(p.id) }))
  return { ok: true, result: { total: matches.length, people: listed }, persist: false }
}
