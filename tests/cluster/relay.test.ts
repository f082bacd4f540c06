import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RedisRelay, type FeedEvent } from '../../server/cluster/relay/RedisRelay.ts'
import { fromBase64, meetingChannel, type NodeMessage } from '../../server/cluster/relay/relayMessages.ts'
import { ThrowawayRedis } from './helpers/ThrowawayRedis.ts'
import { waitFor } from './helpers/waitFor.ts'

let redis: ThrowawayRedis
const relays: RedisRelay[] = []

beforeAll(async () => {
  redis = await ThrowawayRedis.start()
})
afterAll(async () => {
  await redis?.destroy()
})
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()))
})

interface Node {
  relay: RedisRelay
  feed: FeedEvent[]
  inbox: NodeMessage[]
}

async function node(nodeId: string, timing = { beatMs: 100, silenceMs: 600 }): Promise<Node> {
  const feed: FeedEvent[] = []
  const inbox: NodeMessage[] = []
  const relay = await RedisRelay.connect({ url: redis.url, nodeId, ...timing }, { onFeed: (e) => feed.push(e), onNodeMessage: (m) => inbox.push(m) })
  relays.push(relay)
  return { relay, feed, inbox }
}

const payloadOf = (e: FeedEvent) => (e.message?.kind === 'broadcast' ? new TextDecoder().decode(fromBase64(e.message.update)) : null)
const delivered = (n: Node) => n.feed.filter((e) => e.decision.action === 'deliver').map(payloadOf)

describe('RedisRelay on a real Redis', () => {
  it("carries one owner's broadcasts to every follower in order, tagged with epoch and sequence", async () => {
    const owner = await node('a')
    const b = await node('b')
    const c = await node('c')
    await b.relay.follow('m1')
    await c.relay.follow('m1')
    owner.relay.own('m1', 7)
    const sent = Array.from({ length: 200 }, (_, i) => `u${i + 1}`)
    const seqs = await Promise.all(sent.map((u) => owner.relay.broadcast('m1', new TextEncoder().encode(u))))
    expect(seqs).toEqual(sent.map((_, i) => i + 1))
    for (const follower of [b, c]) {
      await waitFor('all broadcasts', () => delivered(follower).length === 200)
      expect(delivered(follower)).toEqual(sent)
      expect(follower.feed.every((e) => e.message?.epoch === 7)).toBe(true)
    }
  })

  it('a follower resyncs once when a new owner takes over and ignores the old one from then on', async () => {
    const old = await node('a')
    const next = await node('c')
    const b = await node('b')
    await b.relay.follow('m1')
    old.relay.own('m1', 1)
    await old.relay.broadcast('m1', new TextEncoder().encode('old-1'))
    await waitFor('first', () => delivered(b).length === 1)
    next.relay.own('m1', 2)
    await next.relay.broadcast('m1', new TextEncoder().encode('new-1'))
    await waitFor('the new owner', () => b.feed.some((e) => e.decision.action === 'resync'))
    await old.relay.broadcast('m1', new TextEncoder().encode('old-2')) // a fenced node that has not noticed yet
    await next.relay.broadcast('m1', new TextEncoder().encode('new-2'))
    await waitFor('second of the new owner', () => delivered(b).includes('new-2'))
    const broadcasts = b.feed.filter((e) => e.message?.kind === 'broadcast')
    expect(broadcasts.map((e) => [payloadOf(e), e.decision])).toEqual([
      ['old-1', { action: 'deliver' }],
      ['new-1', { action: 'resync', reason: 'new-owner' }],
      ['old-2', { action: 'ignore', reason: 'stale-epoch' }],
      ['new-2', { action: 'deliver' }],
    ])
    // The old owner's heartbeats are ignored as well, and never count as a sign of life for the meeting.
    for (const e of b.feed.filter((e) => e.message?.kind === 'beat' && e.message.epoch === 1 && e.message.owner === 'a')) {
      if (b.feed.indexOf(e) > b.feed.indexOf(broadcasts[1]!)) expect(e.decision).toEqual({ action: 'ignore', reason: 'stale-epoch' })
    }
  })

  it('Redis killed mid-stream: relaying pauses, followers see silence or a gap (never a silent hole), then it resumes', async () => {
    const owner = await node('a')
    const b = await node('b')
    await b.relay.follow('m1')
    owner.relay.own('m1', 1)
    let sent = 0
    let failed = 0
    let isRunning = true
    const pump = (async () => {
      while (isRunning) {
        try {
          await owner.relay.broadcast('m1', new TextEncoder().encode(`u${++sent}`))
        } catch {
          failed++
        }
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    await waitFor('broadcasts flowing', () => delivered(b).length > 30)
    await redis.kill()
    await waitFor('publishes failing', () => failed > 5)
    await waitFor('the follower to notice the silence', () => b.feed.some((e) => e.decision.action === 'resync'))
    await redis.restart()
    const deliveredBefore = delivered(b).length
    await waitFor('relaying to resume', () => delivered(b).length > deliveredBefore + 30, 20_000)
    isRunning = false
    await pump

    // Every delivered broadcast is the successor of the one before it, unless a resync was reported in between.
    let last = 0
    let isResynced = false
    for (const e of b.feed) {
      if (e.decision.action === 'resync') isResynced = true
      if (e.decision.action !== 'deliver' || e.message?.kind !== 'broadcast') continue
      if (!isResynced) expect(e.message.seq).toBe(last + 1)
      last = e.message.seq
      isResynced = false
    }
    const reasons = b.feed.filter((e) => e.decision.action === 'resync').map((e) => (e.decision as { reason: string }).reason)
    expect(reasons).toContain('silent')
  })

  it('sends a node message to that node only, and drops malformed messages without harm', async () => {
    const a = await node('a')
    const b = await node('b')
    const c = await node('c')
    await b.relay.follow('m1')
    await a.relay.sendToNode('b', { kind: 'presence', meetingId: 'm1', from: 'a', joined: ['s1'], left: [] })
    await waitFor('the message', () => b.inbox.length === 1)
    expect(b.inbox[0]).toEqual({ kind: 'presence', meetingId: 'm1', from: 'a', joined: ['s1'], left: [] })
    expect(c.inbox).toEqual([])

    const raw = new Redis(redis.url)
    try {
      await raw.publish('qd:node:b', 'not json')
      await raw.publish('qd:node:b', JSON.stringify({ kind: 'private', meetingId: 'm1' }))
      await raw.publish(meetingChannel('m1'), JSON.stringify({ kind: 'broadcast', meetingId: 'm1', owner: 'x', epoch: 0, seq: 1, update: '' }))
      await raw.publish(meetingChannel('m1'), JSON.stringify({ kind: 'beat', meetingId: 'other', owner: 'x', epoch: 1, seq: 1 }))
    } finally {
      raw.disconnect()
    }
    await waitFor('all four counted', () => b.relay.invalidMessages === 4)
    expect(b.inbox).toHaveLength(1)
    expect(b.feed.filter((e) => e.message !== null)).toEqual([])
  })

  it('reports an owner that stops beating as silent', async () => {
    const owner = await node('a')
    const b = await node('b')
    await b.relay.follow('m1')
    owner.relay.own('m1', 1)
    await owner.relay.broadcast('m1', new TextEncoder().encode('x'))
    await waitFor('beats', () => b.feed.filter((e) => e.decision.action === 'alive').length >= 2)
    expect(b.feed.some((e) => e.decision.action === 'resync')).toBe(false)
    owner.relay.disown('m1')
    const event = await waitFor('silence', () => b.feed.find((e) => e.decision.action === 'resync'))
    expect(event).toMatchObject({ meetingId: 'm1', decision: { action: 'resync', reason: 'silent' }, message: null })
  })
})
