import * as Y from 'yjs'
import { EMPTY_PRESENCE } from '../../shared/presence/presenceTypes.ts'
import { vaultMaps } from './vaultDoc.ts'
import { meetingMaps, type MeetingRecord, type StageRecord } from '../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingRequest } from '../../shared/protocol/messages.ts'
import type { MissionLanguage } from '../../shared/meeting/mission.ts'
import type { PublishedSet } from '../../shared/exports/publishedSet.ts'

/** The first state of a meeting's doc: its record and the Mission stage (the facilitator's record is the vault's, see MeetingRoom). */
export function createMeetingDoc(
  request: CreateMeetingRequest,
  ids: { meetingId: string; facilitatorId: string },
  now: number,
  previous: PublishedSet | null = null,
): Uint8Array {
  const doc = new Y.Doc()
  const maps = meetingMaps(doc)
  const record: MeetingRecord = {
    id: ids.meetingId,
    title: request.title,
    quarter: request.quarter,
    mission: request.mission,
    objectiveCount: request.objectiveCount,
    createdAt: now,
  }
  const stage: StageRecord = { stage: 'mission', startedAt: now }
  doc.transact(() => {
    maps.meeting.set('record', record)
    maps.meeting.set('stage', stage)
    maps.meeting.set('timer', null)
    maps.meeting.set('presence', EMPTY_PRESENCE)
    maps.meeting.set('stageHistory', [{ stage: 'mission', startedAt: now }])
    if (previous) maps.meeting.set('previous', previous)
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The facilitator's name until they change it, in the meeting's language (everyone reads it in the people list). */
const FACILITATOR_NAMES: Record<MissionLanguage, string> = { en: 'Facilitator', es: 'Facilitación' }

/** The first state of a meeting's server-only vault: the facilitator's person record. */
export function createMeetingVault(facilitatorId: string, now: number, language: MissionLanguage = 'en'): Uint8Array {
  const vault = new Y.Doc()
  vaultMaps(vault).participants.set(facilitatorId, { name: FACILITATOR_NAMES[language], role: 'facilitator', joinedAt: now })
  const update = Y.encodeStateAsUpdate(vault)
  vault.destroy()
  return update
}
