import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { meetingMaps } from '../../../shared/meeting/meetingDoc.ts'
import { MESSAGE_SYNC } from '../../../shared/protocol/wire.ts'
import type { RawSocket } from '../helpers/rawSocket.ts'
import { closeArena, closedOrAlive, expectUnharmed, isNotice, openArena, snapshot, type Arena } from './arena.ts'

let arena: Arena

beforeAll(async () => {
  arena = await openArena()
})

afterAll(async () => {
  await closeArena(arena)
})

/** A copy of the meeting as a synced client holds it, and the updates its local changes produce. */
async function syncedCopy(socket: RawSocket): Promise<{ doc: Y.Doc; updates: Uint8Array[] }> {
  await socket.sync()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(socket.doc))
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return { doc, updates }
}

function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep2(encoder, docOf(update))
  return encoding.toUint8Array(encoder)
}

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('a hostile client writing to the read-only meeting doc', () => {
  it('refuses a valid update that deletes the meeting record, sent as an update and as a sync step 2', async () => {
    for (const as of ['update', 'syncStep2'] as const) {
      const socket = await arena.open()
      const { doc, updates } = await syncedCopy(socket)
      expect(meetingMaps(doc).meeting.has('record')).toBe(true)
      const before = await snapshot(arena)

      meetingMaps(doc).meeting.delete('record')
      expect(updates).toHaveLength(1)
      const update = updates[0] as Uint8Array
      // The update is well-formed: a fresh copy of the meeting accepts it and loses the meeting record.
      expect(meetingMaps(docOf(Y.mergeUpdates([Y.encodeStateAsUpdate(socket.doc), update]))).meeting.has('record')).toBe(false)

      if (as === 'update') socket.sendUpdate(update)
      else socket.send(syncStep2Frame(Y.encodeStateAsUpdate(doc)))
      expect(await socket.nextApp(isNotice('update_refused'))).toMatchObject({
        error: { message: 'The meeting document is read-only: deletions go through commands.' },
      })
      expect(await closedOrAlive(socket)).toBeNull()
      await expectUnharmed(arena, before)
      expect(arena.observer.client.status).toBe('connected')
    }
  })

  it('refuses a valid update that promotes its sender and rewrites the stage', async () => {
    const socket = await arena.open()
    const { doc, updates } = await syncedCopy(socket)
    const before = await snapshot(arena)
    doc.transact(() => {
      meetingMaps(doc).meeting.set('presence', { joined: 9999, online: 9999, doneStage: 'published', done: 9999, votedRound: 0, voted: 0 })
      meetingMaps(doc).meeting.set('stage', { stage: 'published', startedAt: 0 })
    })
    socket.sendUpdate(updates[0] as Uint8Array)
    expect(await socket.nextApp(isNotice('update_refused'))).toMatchObject({ kind: 'notice' })
    await expectUnharmed(arena, before)
  })

  it('ignores a forged update that reuses the server’s own client ids and clocks with other content', async () => {
    const socket = await arena.open()
    const { doc } = await syncedCopy(socket)
    const before = await snapshot(arena)
    // Same (client, clock) ids as structs the server already has, different content: "adds nothing" by id,
    // and the server never applies client updates anyway.
    const serverClients = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    for (const [client] of serverClients) {
      const forger = new Y.Doc()
      forger.clientID = client
      const updates: Uint8Array[] = []
      forger.on('update', (u: Uint8Array) => updates.push(u))
      meetingMaps(forger).meeting.set('stage', { stage: 'published', startedAt: 0 })
      socket.sendUpdate(updates[0] as Uint8Array)
    }
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('refuses an invalid Yjs update', async () => {
    const socket = await arena.open()
    const before = await snapshot(arena)
    for (const payload of [Uint8Array.of(1, 2, 3, 4, 5, 6, 7), Uint8Array.of(255, 255, 255, 255, 15), new Uint8Array(1000).fill(0xaa)]) {
      socket.sendUpdate(payload)
      expect(await socket.nextApp(isNotice('update_refused'))).toMatchObject({ kind: 'notice' })
    }
    expect(await closedOrAlive(socket)).toBeNull()
    await expectUnharmed(arena, before)
  })

  it('accepts, silently and without effect, a client echoing exactly what the server sent it', async () => {
    const socket = await arena.open()
    await socket.sync()
    const before = await snapshot(arena)
    socket.sendSyncStep2(socket.doc)
    socket.sendUpdate(Y.encodeStateAsUpdate(socket.doc))
    expect(await closedOrAlive(socket)).toBeNull()
    expect(socket.frames.some((f) => f.kind === 'app' && f.message.kind === 'notice')).toBe(false)
    await expectUnharmed(arena, before)
  })
})
