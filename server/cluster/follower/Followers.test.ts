import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RoomConnection } from '../../sync/RoomConnection.ts'
import type { FeedEvent } from '../relay/RedisRelay.ts'
import { toBase64, type MeetingMessage, type NodeMessage } from '../relay/relayMessages.ts'
import { Followers, type FollowerRelay } from './Followers.ts'

const steps: string[] = []
const toNodes: { nodeId: string; message: NodeMessage }[] = []
const relay: FollowerRelay = {
  nodeId: 'b',
  follow: async (meetingId, epoch) => void steps.push(`follow ${meetingId}@${epoch}`),
  unfollow: async (meetingId) => void steps.push(`unfollow ${meetingId}`),
  sendToNode: async (nodeId, message) => void toNodes.push({ nodeId, message }),
}
let followers: Followers | null = null

function start(stored: Uint8Array[] = []): Followers {
  followers = new Followers({
    relay,
    loadDoc: async (meetingId) => {
      steps.push(`load ${meetingId}`)
      return stored
    },
  })
  return followers
}

afterEach(() => {
  followers?.close()
  steps.length = 0
  toNodes.length = 0
})

function socket() {
  const sent: Uint8Array[] = []
  const closed: number[] = []
  const conn: RoomConnection = { actor: { role: 'anonymous' }, send: (f) => void sent.push(f), close: (code) => void closed.push(code) }
  return { conn, sent, closed }
}

const update = (key: string) => {
  const doc = new Y.Doc()
  doc.getMap('meeting').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}
const feed = (message: MeetingMessage, decision: FeedEvent['decision']): FeedEvent => ({ meetingId: message.meetingId, decision, message }) as FeedEvent

describe('Followers (the follower side of a node)', () => {
  it('subscribes before reading Postgres, so no commit falls between the two', async () => {
    const meeting = await start([update('a')]).open('m1', { nodeId: 'a', epoch: 2 })
    expect(steps).toEqual(['follow m1@2', 'load m1'])
    expect(meeting.doc.getMap('meeting').get('a')).toBe('a')
  })

  it('applies delivered broadcasts to the copy and resyncs (1012, unfollow) on a gap', async () => {
    const f = start()
    const meeting = await f.open('m1', { nodeId: 'a', epoch: 2 })
    const s = socket()
    meeting.target.addConnection(s.conn)
    const message: MeetingMessage = { kind: 'broadcast', meetingId: 'm1', owner: 'a', epoch: 2, seq: 1, update: toBase64(update('x')) }
    f.onFeed(feed(message, { action: 'deliver' }))
    expect(meeting.doc.getMap('meeting').get('x')).toBe('x')
    f.onFeed(feed({ ...message, seq: 3 }, { action: 'resync', reason: 'gap' }))
    expect(s.closed).toEqual([1012])
    expect(steps.at(-1)).toBe('unfollow m1')
  })

  it('routes the owner items to the sockets they are for, and reports sockets it does not hold any more', async () => {
    const f = start()
    const meeting = await f.open('m1', { nodeId: 'a', epoch: 2 })
    const one = socket()
    const two = socket()
    meeting.target.addConnection(one.conn)
    meeting.target.addConnection(two.conn)
    f.onPrivates({
      kind: 'privates',
      owner: 'a',
      items: [
        { socketId: '1', frame: toBase64(new Uint8Array([9])) },
        { socketId: '2', close: { code: 4403, reason: 'removed' } },
        { socketId: 'zz', frame: toBase64(new Uint8Array([1])) },
      ],
    })
    expect(one.sent).toEqual([new Uint8Array([9])])
    expect(two.closed).toEqual([4403])
    expect(toNodes).toEqual([{ nodeId: 'a', message: { kind: 'presence', meetingId: 'unknown', from: 'b', joined: [], left: ['zz'] } }])
  })

  it('a route to a newer owner replaces the copy; an older (cached) route keeps it', async () => {
    const f = start()
    const first = await f.open('m1', { nodeId: 'a', epoch: 2 })
    const s = socket()
    first.target.addConnection(s.conn)
    expect(await f.open('m1', { nodeId: 'c', epoch: 1 })).toBe(first)
    const next = await f.open('m1', { nodeId: 'c', epoch: 3 })
    expect(next).not.toBe(first)
    expect(s.closed).toEqual([1012])
  })
})
