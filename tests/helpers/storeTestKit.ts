import * as Y from 'yjs'
import type { CardRecord } from '../../shared/board/boardTypes.ts'
import { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import { createMeetingDoc } from '../../server/meeting/createMeetingDoc.ts'
import type { Credential, MeetingBatch, StoredMeeting } from '../../server/persistence/MeetingStore.ts'

// What every MeetingStore's contract tests build on, so SQLite and Postgres are held to the same data.

export const CARD: CardRecord = {
  id: 'c1',
  title: 'Win Europe',
  why: '',
  authorIds: [],
  supporterIds: [],
  merged: [],
  clusterId: null,
  submissionIds: ['s1'],
  createdAt: 2001,
}

export const FACILITATOR: Credential = { participantId: 'fac', role: 'facilitator', tokenHash: 'a'.repeat(64) }

export const REQUEST = {
  title: 'Company OKRs',
  quarter: '2027 Q1',
  mission: { value: 'help teams decide', field: 'software', impact: '' },
  objectiveCount: 3 as const,
}

/** A new meeting's first update (created at t=1000 by `fac`) and the doc it builds. */
export function newMeeting(id: string): { initialUpdate: Uint8Array; doc: Y.Doc } {
  const initialUpdate = createMeetingDoc(REQUEST, { meetingId: id, facilitatorId: 'fac' }, 1000)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initialUpdate)
  return { initialUpdate, doc }
}

/** Runs `fn` on `doc` in one transaction and returns the update it produced. */
export function change(doc: Y.Doc, fn: (maps: ReturnType<typeof meetingMaps>) => void): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.transact(() => fn(meetingMaps(doc)))
  doc.off('update', capture)
  if (!update) throw new Error('change produced no update')
  return update
}

export function batch(meetingId: string, fields: Partial<MeetingBatch> = {}): MeetingBatch {
  return { meetingId, update: null, credentials: [], commands: [], snapshot: null, ...fields }
}

/** The shared doc as a store gives it back. */
export function docFrom(stored: StoredMeeting | null, meetingId: string): Y.Doc {
  if (!stored) throw new Error(`meeting ${meetingId} not stored`)
  const doc = new Y.Doc()
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}
