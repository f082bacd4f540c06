import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetingMaps as sharedMaps, type ParticipantRecord } from '../../shared/meeting/meetingDoc.ts'
import type { Stage } from '../../shared/stages/stages.ts'

/** The guard is generic over the doc's content: these maps are just some server-written data to test it on. */
function meetingMaps(doc: Y.Doc) {
  return {
    ...sharedMaps(doc),
    participants: doc.getMap<ParticipantRecord>('people'),
    online: doc.getMap<boolean>('online'),
    done: doc.getMap<Stage>('done'),
  }
}
import { createMeetingDoc } from '../meeting/createMeetingDoc.ts'
import { checkUpdateAddsNothing } from './updateGuard.ts'

const REQUEST = {
  title: 'Company OKRs',
  quarter: '2027 Q1',
  mission: { value: 'help teams decide', field: 'software', impact: '' },
  objectiveCount: 3 as const,
}

/** A server doc as MeetingRoom holds it: the stored initial state, then some server-side writes. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.applyUpdate(doc, createMeetingDoc(REQUEST, { meetingId: 'meeting-1', facilitatorId: 'fac' }, 1000))
  const maps = meetingMaps(doc)
  doc.transact(() => {
    maps.participants.set('ana', { name: 'Ana', role: 'participant', joinedAt: 2000 })
    maps.participants.set('ben', { name: 'Ben', role: 'participant', joinedAt: 2001 })
    maps.online.set('ana', true)
  })
  return doc
}

/** A client doc that synced everything the server has. */
function syncedClient(server: Y.Doc): Y.Doc {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return client
}

/** What `client` has that `server` lacks, as y-websocket would send it. */
function diff(client: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
}

describe('checkUpdateAddsNothing', () => {
  it('accepts a synced client sending its full state back', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    expect(checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(client))).toEqual({ ok: true })
  })

  it('accepts the empty sync step 2 of a client that has nothing new', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    const update = diff(client, server)
    expect(Y.decodeUpdate(update).structs).toHaveLength(0)
    expect(checkUpdateAddsNothing(server, update)).toEqual({ ok: true })
  })

  it('accepts the state of a client that is behind the server', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    meetingMaps(server).meeting.set('stage', { stage: 'submit', startedAt: 3000 })
    expect(checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(client))).toEqual({ ok: true })
  })

  it('accepts deletions the server made itself (overwritten and removed keys)', () => {
    const server = serverDoc()
    const maps = meetingMaps(server)
    server.transact(() => {
      maps.meeting.set('stage', { stage: 'submit', startedAt: 3000 })
      maps.online.delete('ana')
      maps.participants.delete('ben')
    })
    const client = syncedClient(server)
    const update = Y.encodeStateAsUpdate(client)
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0)
    expect(checkUpdateAddsNothing(server, update)).toEqual({ ok: true })
  })

  it('refuses an update that writes to the meeting doc', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    meetingMaps(client).meeting.set('stage', { stage: 'published', startedAt: 0 })
    const verdict = checkUpdateAddsNothing(server, diff(client, server))
    expect(verdict).toEqual({ ok: false, reason: 'The meeting document is read-only: changes go through commands.' })
  })

  it('refuses the full state of a client that made a change of its own', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    meetingMaps(client).participants.set('mallory', { name: 'Mallory', role: 'facilitator', joinedAt: 0 } satisfies ParticipantRecord)
    expect(checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(client)).ok).toBe(false)
  })

  it('refuses an update from a client that never synced', () => {
    const server = serverDoc()
    const stranger = new Y.Doc()
    meetingMaps(stranger).done.set('ana', 'vote')
    expect(checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(stranger)).ok).toBe(false)
  })

  it('refuses a struct forged under the server’s own client id beyond its clock', () => {
    const server = serverDoc()
    const forger = syncedClient(server)
    forger.clientID = server.clientID
    meetingMaps(forger).meeting.set('stage', { stage: 'vote', startedAt: 0 })
    const update = diff(forger, server)
    expect(Y.decodeUpdate(update).structs.map((s) => s.id.client)).toContain(server.clientID)
    expect(checkUpdateAddsNothing(server, update).ok).toBe(false)
  })

  it('refuses a deletion the server has not made', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    meetingMaps(client).participants.delete('ana')
    const update = diff(client, server)
    // Deleting a map key adds no struct: only the delete set says what happened.
    expect(Y.decodeUpdate(update).structs).toHaveLength(0)
    expect(checkUpdateAddsNothing(server, update)).toEqual({
      ok: false,
      reason: 'The meeting document is read-only: deletions go through commands.',
    })
  })

  it('refuses a deletion range that only partly overlaps one the server made', () => {
    const server = serverDoc()
    // The server replaces Ana's record (deleting the old one); the client also deletes Ben's, right next to it.
    meetingMaps(server).participants.set('ana', { name: 'Ana Lee', role: 'participant', joinedAt: 2000 })
    const client = syncedClient(server)
    meetingMaps(client).participants.delete('ben')
    expect(checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(client)).ok).toBe(false)
  })

  it.each([
    ['empty bytes', new Uint8Array([])],
    ['a few random bytes', new Uint8Array([1, 2, 3])],
    ['all ones', new Uint8Array(32).fill(0xff)],
    ['text', new TextEncoder().encode('{"stage":"published"}')],
  ])('refuses garbage: %s', (_label, bytes) => {
    const server = serverDoc()
    expect(checkUpdateAddsNothing(server, bytes)).toEqual({ ok: false, reason: 'The update is not a valid Yjs update.' })
  })

  it('refuses a truncated update', () => {
    const server = serverDoc()
    const client = syncedClient(server)
    meetingMaps(client).meeting.set('title', 'Hacked')
    const update = diff(client, server)
    expect(checkUpdateAddsNothing(server, update.slice(0, update.length - 3)).ok).toBe(false)
  })

  it('never changes the server doc, whatever it is asked', () => {
    const server = serverDoc()
    const before = Y.encodeStateAsUpdate(server)
    const client = syncedClient(server)
    meetingMaps(client).meeting.set('stage', { stage: 'published', startedAt: 0 })
    meetingMaps(client).participants.delete('ana')
    checkUpdateAddsNothing(server, Y.encodeStateAsUpdate(client))
    checkUpdateAddsNothing(server, new Uint8Array([1, 2, 3]))
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
    expect(meetingMaps(server).participants.has('ana')).toBe(true)
  })
})

describe('a delete set built to make the server scan', () => {
  it('is refused when it lists far more ranges than the server has, even if each is a real deletion', async () => {
    const encoding = await import('lib0/encoding')
    const server = new Y.Doc()
    const map = server.getMap('participants')
    server.transact(() => {
      for (let i = 0; i < 50; i++) map.set(`p${i}`, { name: `n${i}` })
    })
    server.transact(() => {
      for (let i = 0; i < 50; i++) map.set(`p${i}`, { name: `m${i}` })
    })
    const ds = Y.createDeleteSetFromStructStore(server.store)
    const [client, items] = [...ds.clients.entries()][0] as [number, { clock: number; len: number }[]]
    const real = items[0] as { clock: number; len: number }
    const encode = (copies: number) => {
      const enc = new Y.UpdateEncoderV1()
      encoding.writeVarUint(enc.restEncoder, 0)
      encoding.writeVarUint(enc.restEncoder, 1)
      encoding.writeVarUint(enc.restEncoder, client)
      encoding.writeVarUint(enc.restEncoder, copies)
      for (let i = 0; i < copies; i++) {
        enc.writeDsClock(real.clock)
        enc.writeDsLen(real.len)
      }
      return enc.toUint8Array()
    }
    expect(checkUpdateAddsNothing(server, encode(1)).ok).toBe(true)
    expect(checkUpdateAddsNothing(server, encode(10_000)).ok).toBe(false)
  })
})
