import type { Actor } from '../stages/permissions.ts'
import type { Stage } from '../stages/stages.ts'
import { effectiveGrouping, type MeetingSettings } from '../meeting/settings.ts'

export type GroupPermission = { ok: true } | { ok: false; code: 'not_joined' | 'wrong_stage' | 'forbidden'; reason: string }

/** Who may move cards: the facilitator always; participants when the setting lets everyone, or when named helpers. */
export function canGroup(actor: Actor, stage: Stage, settings: MeetingSettings, participantCount: number): GroupPermission {
  if (actor.role === 'anonymous') return { ok: false, code: 'not_joined', reason: 'Join the meeting first.' }
  if (stage !== 'group') return { ok: false, code: 'wrong_stage', reason: 'Cards can be moved only during the Group stage.' }
  if (actor.role === 'facilitator') return { ok: true }
  if (effectiveGrouping(settings, participantCount) === 'everyone') return { ok: true }
  if (settings.helperIds.includes(actor.participantId)) return { ok: true }
  return { ok: false, code: 'forbidden', reason: 'In this meeting the facilitator and named helpers arrange the board.' }
}
