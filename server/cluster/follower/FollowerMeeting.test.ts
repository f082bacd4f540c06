import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE_SYNC, encodeAppMessage } from '../../../shared/protocol/wire.ts'
import type { RoomConnection } from '../../sync/RoomConnection.ts'
import { FollowerMeeting, type OwnerLink } from './FollowerMeeting.ts'

function socket(address = '10.0.0.7') {
  const sent: Uint8Array[] = []
  const closed: number[] = []
  const conn: RoomConnection = { actor: { role: 'anonymous' }, address, send: (f) => void sent.push(f), close: (code) => void closed.push(code) }
  return { conn, sent, closed }
}

function setup(link: Partial<OwnerLink> = {}) {
  const forwarded: { socketId: string; frame: Uint8Array; opening: { address: string } | null }[] = []
  const left: string[] = []
  let next = 0
  const meeting = new FollowerMeeting(
    'm1',
    { nodeId: 'owner', epoch: 3 },
    {
      forward: async (socketId, frame, opening) => void forwarded.push({ socketId, frame, opening }),
      left: (socketId) => void left.push(socketId),
      ...link,
    },
    () => `s${++next}`,
    () => undefined,
  )
  return { meeting, forwarded, left }
}

/** The server doc as the owner writes it: one update per change. */
function ownerUpdates(...titles: string[]): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (const t of titles) doc.getMap('meeting').set(t, t)
  return updates
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

function clientUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('meeting').set('stage', 'vote')
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

/** Applies every sync frame a client received to its own doc, as y-websocket does. */
function clientDocFrom(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null)
  }
  return doc
}

describe('FollowerMeeting', () => {
  it('answers sync from the stored state plus the broadcasts that arrived while it loaded, then passes on every broadcast', () => {
    const { meeting } = setup()
    const [a, b, c] = ownerUpdates('a', 'b', 'c') as [Uint8Array, Uint8Array, Uint8Array]
    meeting.applyBroadcast(b)
    meeting.loaded([a])
    const s = socket()
    meeting.target.addConnection(s.conn)
    expect(meeting.target.handle(s.conn, syncStep1(new Y.Doc()))).toEqual({ kind: 'handled' })
    meeting.applyBroadcast(c)
    expect(clientDocFrom(s.sent).getMap('meeting').toJSON()).toEqual({ a: 'a', b: 'b', c: 'c' })
  })

  it('sends broadcasts only to sockets that hold the doc (were sent their sync step 2)', () => {
    const { meeting } = setup()
    meeting.loaded([])
    const s = socket()
    meeting.target.addConnection(s.conn)
    meeting.applyBroadcast(ownerUpdates('a')[0] as Uint8Array)
    expect(s.sent).toEqual([])
  })

  it('passes hello and commands to the owner, the first with the client address, and never applies them here', () => {
    const { meeting, forwarded } = setup()
    meeting.loaded([])
    const s = socket('10.0.0.9')
    meeting.target.addConnection(s.conn)
    const hello = encodeAppMessage({ kind: 'hello', token: 't' })
    const command = encodeAppMessage({ kind: 'command', id: 'c1' })
    meeting.target.handle(s.conn, hello)
    meeting.target.handle(s.conn, command)
    expect(forwarded).toEqual([
      { socketId: 's1', frame: hello, opening: { address: '10.0.0.9' } },
      { socketId: 's1', frame: command, opening: null },
    ])
    expect(meeting.doc.share.size).toBe(0)
  })

  it('refuses a client update that would change the server-written doc, without telling the owner', () => {
    const { meeting, forwarded } = setup()
    meeting.loaded([])
    const s = socket()
    meeting.target.addConnection(s.conn)
    expect(meeting.target.handle(s.conn, clientUpdate())).toEqual({ kind: 'refused', reason: 'update refused' })
    expect(meeting.doc.getMap('meeting').size).toBe(0)
    expect(forwarded).toEqual([])
  })

  it('tells the owner a socket left only when the owner knew it', () => {
    const { meeting, left } = setup()
    meeting.loaded([])
    const quiet = socket()
    const talker = socket()
    meeting.target.addConnection(quiet.conn)
    meeting.target.addConnection(talker.conn)
    meeting.target.handle(talker.conn, encodeAppMessage({ kind: 'hello' }))
    meeting.target.removeConnection(quiet.conn)
    meeting.target.removeConnection(talker.conn)
    expect(left).toEqual(['s2'])
  })

  it('closes the socket (1012) when its command cannot reach the owner, so the client resends it elsewhere', async () => {
    const { meeting } = setup({ forward: () => Promise.reject(new Error('redis down')) })
    meeting.loaded([])
    const s = socket()
    meeting.target.addConnection(s.conn)
    meeting.target.handle(s.conn, encodeAppMessage({ kind: 'command' }))
    await new Promise((resolve) => setImmediate(resolve))
    expect(s.closed).toEqual([1012])
  })

  it('after closeAll, every socket and every later one is sent away with 1012', () => {
    const { meeting } = setup()
    meeting.loaded([])
    const before = socket()
    meeting.target.addConnection(before.conn)
    meeting.closeAll(1012, 'resync')
    const after = socket()
    meeting.target.addConnection(after.conn)
    expect([before.closed, after.closed]).toEqual([[1012], [1012]])
  })
})
