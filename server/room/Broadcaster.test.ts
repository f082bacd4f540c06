import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { RoomConnection } from '../sync/RoomConnection.ts'
import { Broadcaster } from './Broadcaster.ts'

function fakeConnection(): RoomConnection & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = []
  return { actor: { role: 'anonymous' }, frames, send: (frame) => frames.push(frame), close: () => {} }
}

function anUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('meeting').set('stage', 'submit')
  return Y.encodeStateAsUpdate(doc)
}

describe('Broadcaster', () => {
  it('sends updates only to sockets that were sent their sync step 2', () => {
    const synced = fakeConnection()
    const connecting = fakeConnection()
    const connections = new Set([synced, connecting])
    const broadcaster = new Broadcaster(connections)
    broadcaster.listen(synced)

    broadcaster.committed(anUpdate(), new Set())

    expect(synced.frames).toHaveLength(1)
    expect(connecting.frames).toHaveLength(0)
  })

  it('does not send an actor the update before its sync step 2, and does once it listens', () => {
    const actor = fakeConnection()
    const broadcaster = new Broadcaster(new Set([actor]))

    broadcaster.committed(anUpdate(), new Set([actor]))
    expect(actor.frames).toHaveLength(0)

    broadcaster.listen(actor)
    broadcaster.committed(anUpdate(), new Set([actor]))
    expect(actor.frames).toHaveLength(1)
  })

  it('stops sending to a socket it was told to forget, and never listens to one outside the room', () => {
    const gone = fakeConnection()
    const stranger = fakeConnection()
    const connections = new Set([gone])
    const broadcaster = new Broadcaster(connections)
    broadcaster.listen(gone)
    broadcaster.listen(stranger)
    broadcaster.forget(gone)

    broadcaster.committed(anUpdate(), new Set())

    expect(gone.frames).toHaveLength(0)
    expect(stranger.frames).toHaveLength(0)
  })

  it('still sends app frames to every socket, synced or not', () => {
    const connecting = fakeConnection()
    const broadcaster = new Broadcaster(new Set([connecting]))
    broadcaster.toEveryone(new Uint8Array([1, 2, 3]))
    expect(connecting.frames).toHaveLength(1)
  })
})

describe('Broadcaster.catchUp (a cluster follower about to pass on an ack)', () => {
  it('sends one socket the updates still waiting in a big room, then skips it when they go to everyone', async () => {
    const sockets = Array.from({ length: 250 }, () => fakeConnection())
    const broadcaster = new Broadcaster(new Set(sockets))
    for (const s of sockets) broadcaster.listen(s)
    broadcaster.committed(anUpdate(), new Set())
    broadcaster.committed(anUpdate(), new Set())
    const [acked, other] = sockets as [ReturnType<typeof fakeConnection>, ReturnType<typeof fakeConnection>]
    expect(other.frames).toHaveLength(1)
    broadcaster.catchUp(acked)
    broadcaster.catchUp(acked)
    expect(acked.frames).toHaveLength(2)
    await vi.waitFor(() => expect(other.frames).toHaveLength(2), { timeout: 5_000 })
    expect(acked.frames).toHaveLength(2)
    broadcaster.stop()
  })
})
