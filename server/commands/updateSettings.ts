import { checkPermission } from '../../shared/stages/permissions.ts'
import type { MeetingSettings } from '../../shared/meeting/settings.ts'
import type { CommandHandler } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { republishAll } from './submissions/publishSubmission.ts'

export const updateSettings: CommandHandler<'updateSettings'> = (ctx, command) => {
  const allowed = checkPermission(ctx.actor, 'editMeeting', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  const { id: _id, type: _type, ...changes } = command
  const previous = ctx.settings
  const next: MeetingSettings = { ...previous, ...definedOnly(changes) }
  if (next.helperIds.some((id) => !ctx.vault.participants.has(id))) return refuse('not_found', 'A helper is not in this meeting.')
  ctx.maps.meeting.set('settings', next)
  // The context reads settings from the doc, so from here on it sees `next`.
  if (next.isOpenSubmissions !== previous.isOpenSubmissions) republishAll(ctx)
  return { ok: true, result: {} }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
