import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAppMessage } from '../../../shared/protocol/wire.ts'
import type { MeetingRoom } from '../../meeting/MeetingRoom.ts'
import type { RoomConnection } from '../../sync/RoomConnection.ts'
import { fromBase64, toBase64 } from '../relay/relayMessages.ts'
import type { PrivateItem } from './PrivateOutbox.ts'
import { PrivateOutbox } from './PrivateOutbox.ts'
import { RemoteSockets } from './RemoteSockets.ts'

/** What RemoteSockets uses of a room: its connections and its command handler (the real one is MeetingRoom). */
function fakeRoom() {
  const connections = new Set<RoomConnection>()
  const commands: unknown[] = []
  const room = {
    id: 'm1',
    doc: new Y.Doc(),
    connections,
    commands,
    addConnection: (conn: RoomConnection) => void connections.add(conn),
    removeConnection: (conn: RoomConnection) => void connections.delete(conn),
    answerSyncStep1: () => true,
    handleCommand: (conn: RoomConnection, raw: unknown) => {
      commands.push(raw)
      conn.send(encodeAppMessage({ kind: 'reply', of: raw }))
    },
  }
  return room
}

let clock = 0

function setup(admitted: unknown = fakeRoom()) {
  const sent: { nodeId: string; item: PrivateItem }[] = []
  const released: unknown[] = []
  const remote = new RemoteSockets({
    admit: async () => admitted as MeetingRoom | null | 'moved',
    release: (room) => void released.push(room),
    send: (nodeId, item) => void sent.push({ nodeId, item }),
    nodeSilenceMs: 5_000,
    now: () => clock,
  })
  return { remote, sent, released, room: admitted as ReturnType<typeof fakeRoom> }
}

const forward = (socketId: string, payload: unknown, open = false) => ({
  kind: 'forward' as const,
  meetingId: 'm1',
  from: 'b',
  socketId,
  frame: toBase64(encodeAppMessage(payload)),
  ...(open ? { open: true, address: '10.1.1.1' } : {}),
})
const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('RemoteSockets (the owner side of relaying)', () => {
  it("makes another node's socket a connection of the room: its frames in order, its replies back to that node", async () => {
    const { remote, sent, room } = setup()
    remote.onForward(forward('s1', { n: 1 }, true))
    remote.onForward(forward('s1', { n: 2 }))
    await settle()
    expect(room.commands).toEqual([{ n: 1 }, { n: 2 }])
    expect([...room.connections].map((c) => c.address)).toEqual(['10.1.1.1'])
    expect(sent.map((s) => s.nodeId)).toEqual(['b', 'b'])
    const frames = sent.map((s) => ('frame' in s.item ? new TextDecoder().decode(s.item.frame) : null))
    expect(frames.every((f) => f?.includes('"reply"'))).toBe(true)
    remote.close()
  })

  it('answers a frame for a socket it never opened with a close (1012): it must start over', () => {
    const { remote, sent } = setup()
    remote.onForward(forward('s9', { n: 1 }))
    expect(sent).toEqual([{ nodeId: 'b', item: { socketId: 's9', close: { code: 1012, reason: 'Reconnecting to the meeting.' } } }])
    remote.close()
  })

  it('closes the socket with 1012 when the meeting moved and 4404 when it does not exist', async () => {
    for (const [admitted, code] of [
      ['moved', 1012],
      [null, 4404],
    ] as const) {
      const { remote, sent } = setup(admitted)
      remote.onForward(forward('s1', { n: 1 }, true))
      await settle()
      expect(sent.map((s) => ('close' in s.item ? s.item.close.code : null))).toEqual([code])
      expect(remote.size).toBe(0)
      remote.close()
    }
  })

  it('a socket that left the other node leaves the room (presence) and the room may unload', async () => {
    const { remote, room, released } = setup()
    remote.onForward(forward('s1', { n: 1 }, true))
    await settle()
    remote.onPresence({ kind: 'presence', meetingId: 'm1', from: 'b', joined: [], left: ['s1'] })
    expect(room.connections.size).toBe(0)
    expect(released).toEqual([room])
    remote.close()
  })

  it('drops the sockets of a node that stopped saying it is alive, and keeps those of a node that does', async () => {
    const { remote, room } = setup()
    remote.onForward(forward('s1', { n: 1 }, true))
    remote.onForward({ ...forward('s2', { n: 1 }, true), from: 'c' })
    await settle()
    expect(room.connections.size).toBe(2)
    clock = 4_000
    remote.onAlive({ kind: 'alive', from: 'c' })
    remote.sweep(clock)
    expect(room.connections.size).toBe(2)
    clock = 5_500
    remote.sweep(clock)
    expect([...room.connections].length).toBe(1)
    remote.close()
  })

  it('the room closing a remote socket (kick, fence) sends the close to its node and forgets it', async () => {
    const { remote, room, sent } = setup()
    remote.onForward(forward('s1', { n: 1 }, true))
    await settle()
    const [conn] = [...room.connections] as [RoomConnection]
    conn.close(4403, 'removed')
    conn.send(new Uint8Array([1]))
    await settle()
    expect(sent.at(-1)).toEqual({ nodeId: 'b', item: { socketId: 's1', close: { code: 4403, reason: 'removed' } } })
    expect(room.connections.size).toBe(0)
    expect(remote.size).toBe(0)
    remote.close()
  })
})

describe('PrivateOutbox', () => {
  it('sends what one turn gathered as one message per node, in order', async () => {
    const published: { nodeId: string; items: unknown[] }[] = []
    const outbox = new PrivateOutbox('a', async (nodeId, message) => void published.push({ nodeId, items: message.items }))
    outbox.push('b', { socketId: 's1', frame: new Uint8Array([1]) })
    outbox.push('c', { socketId: 's7', frame: new Uint8Array([7]) })
    outbox.push('b', { socketId: 's2', close: { code: 1012, reason: 'moved' } })
    outbox.push('b', { socketId: 's1', frame: new Uint8Array([2]) })
    expect(published).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(published.map((p) => p.nodeId)).toEqual(['b', 'c'])
    const b = published[0]?.items as { socketId: string; frame?: string }[]
    expect(b.map((i) => [i.socketId, i.frame ? [...fromBase64(i.frame)] : 'close'])).toEqual([
      ['s1', [1]],
      ['s2', 'close'],
      ['s1', [2]],
    ])
  })

  it('splits a large turn into several messages, keeping the order', () => {
    const published: number[] = []
    const outbox = new PrivateOutbox('a', async (_nodeId, message) => void published.push(message.items.length))
    for (let i = 0; i < 12_000; i++) outbox.push('b', { socketId: `s${i}`, frame: new Uint8Array([i % 256]) })
    outbox.flush()
    expect(published).toEqual([5_000, 5_000, 2_000])
  })
})

describe('RemoteSockets and meetings a follower watches without a word', () => {
  it('loads (then releases) a followed meeting it does not announce yet, so its heartbeats start', async () => {
    const room = fakeRoom()
    const admitted: string[] = []
    const released: unknown[] = []
    const remote = new RemoteSockets({
      admit: async (meetingId) => {
        admitted.push(meetingId)
        return room as unknown as MeetingRoom
      },
      release: (r) => void released.push(r),
      send: () => undefined,
      isAnnounced: (meetingId) => meetingId === 'loaded',
    })
    remote.onAlive({ kind: 'alive', from: 'b', meetingIds: ['loaded', 'quiet'] })
    await settle()
    expect(admitted).toEqual(['quiet'])
    expect(released).toEqual([room])
    remote.close()
  })
})

describe('RemoteSockets and the per-person message budget', () => {
  it("refuses a relayed command over its person's budget (rate_limited, by command id) and lets one hello through", async () => {
    const room = fakeRoom()
    const sent: PrivateItem[] = []
    const remote = new RemoteSockets({
      admit: async () => room as unknown as MeetingRoom,
      release: () => undefined,
      send: (_nodeId, item) => void sent.push(item),
      participantBudget: (key) => key !== 'm1\u0000p1',
    })
    remote.onForward({ ...forward('s1', { id: 'c0', type: 'hello', token: 't' }, true), meetingId: 'm1' })
    await settle()
    const [conn] = [...room.connections] as [RoomConnection]
    conn.actor = { role: 'participant', participantId: 'p1' }
    remote.onForward(forward('s1', { id: 'c1', type: 'submitObjective' }))
    remote.onForward(forward('s1', { id: 'c2', type: 'hello', token: 't' }))
    remote.onForward(forward('s1', { id: 'c3', type: 'hello', token: 't' }))
    await settle()
    expect(room.commands.map((c) => (c as { id: string }).id)).toEqual(['c0', 'c2'])
    const refusal = sent.map((i) => ('frame' in i ? new TextDecoder().decode(i.frame) : '')).find((f) => f.includes('rate_limited'))
    expect(refusal).toContain('"c1"')
    remote.close()
  })
})
