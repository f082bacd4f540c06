import * as Y from 'yjs'
import { meetingMaps, type MeetingRecord, type StageRecord } from '../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingRequest } from '../../shared/protocol/messages.ts'
import type { PublishedSet } from '../../shared/exports/publishedSet.ts'

/** The first state of a meeting's doc: its record, the Mission stage and the facilitator. */
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
    maps.meeting.set('stageHistory', [{ stage: 'mission', startedAt: now }])
    if (previous) maps.meeting.set('previous', previous)
    maps.participants.set(ids.facilitatorId, { name: 'Facilitator', role: 'facilitator', joinedAt: now })
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
