import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLeaseOwner } from '../../server/cluster/lease/meetingLease.ts'
import type { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import type { PresenceSummary } from '../../shared/presence/presenceTypes.ts'
import type { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { auditWorkload } from './helpers/auditWorkload.ts'
import type { Cluster } from './helpers/clusterLauncher.ts'
import { startRoomCluster, type RoomClusterRig } from './helpers/roomClusterRig.ts'
import { longestAckGap, type RoomWorkloads, type Workload } from './helpers/roomWorkload.ts'
import { freezeOwnerUntilFenced } from './helpers/freezeOwner.ts'
import { waitFor } from './helpers/waitFor.ts'
import { staleWrites, storedWrites } from './helpers/writeLedger.ts'

// Cluster mode with Redis (REDIS_URL): 3 node processes, one Postgres, one Redis. A node that does not own a meeting
// keeps its sockets: it answers sync from its follower copy of the doc and relays hello and commands to the owner
// over Redis; the owner publishes each commit once on the meeting channel and sends acks and private feeds to the
// node holding the socket. Asserted in Postgres itself: nothing acknowledged lost, nothing applied twice.

const OWNER_KILLS = Number(process.env.FOLLOWER_CLUSTER_KILLS ?? 10)
const WORKERS = 60
const LEASE_TTL_MS = 1_500

let cluster: Cluster
let observer: PostgresMeetingStore
let workloads: RoomWorkloads
let rig: RoomClusterRig | undefined
const report: Record<string, unknown> = {}

beforeAll(async () => {
  rig = await startRoomCluster({ leaseTtlMs: LEASE_TTL_MS })
  ;({ cluster, observer, workloads } = rig)
}, 90_000)

afterAll(async () => {
  console.log('follower cluster figures', JSON.stringify(report))
  await rig?.destroy()
})

const relayedOn = (slot: number) => workloads.metric(slot, 'quarterdeck_cluster_routes_total{route="relayed"}')
const presenceSeenBy = (c: MeetingClient) => meetingMaps(c.doc).meeting.get('presence') as PresenceSummary | undefined
const titlesSeenBy = (c: MeetingClient) => [...meetingMaps(c.doc).openSubmissions.values()].map((s) => s.title)

async function auditStored(work: Workload): Promise<{ stored: number; people: number }> {
  const stored = await auditWorkload(observer, work)
  for (const doc of ['meeting', 'vault']) expect(staleWrites(await storedWrites(observer.db, work.meetingId, doc))).toEqual([])
  return stored
}

describe('three nodes relaying one meeting over Redis (the follower path)', () => {
  it('keeps sockets on the nodes that do not own the meeting: sync, commands, acks and presence across nodes', async () => {
    const { meetingId, facilitator } = await workloads.createMeeting()
    const { slot: ownerSlot } = await workloads.owner(meetingId)
    const followerSlots = [0, 1, 2].filter((s) => s !== ownerSlot)
    const relayedBefore = await Promise.all(followerSlots.map(relayedOn))
    // Three people on each node; each proposes once.
    const people = [0, 1, 2].flatMap((slot) => [0, 1, 2].map((i) => ({ slot, name: `P${slot}-${i}` })))
    const clients = await Promise.all(
      people.map(async ({ slot, name }) => {
        const c = workloads.client(slot, meetingId)
        await c.join(name)
        await c.send({ type: 'submitObjective', title: `${name} idea`, why: '' })
        return c
      }),
    )
    for (const [i, slot] of followerSlots.entries()) expect(await relayedOn(slot)).toBeGreaterThan(relayedBefore[i] as number)
    // Presence counts the sockets on every node; a socket on a follower sees it in its own copy of the doc.
    // (On the last follower node, never node 0, whose three people leave below.)
    const watcher = clients[people.findIndex((p) => p.slot === followerSlots[1])] as MeetingClient
    await waitFor('everyone online, as seen from a follower node', () => presenceSeenBy(watcher)?.online === people.length, 30_000)
    for (const c of clients.slice(0, 3)) workloads.drop(c)
    await waitFor('three fewer online after three sockets closed', () => presenceSeenBy(watcher)?.online === people.length - 3, 30_000).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}; online seen: ${presenceSeenBy(watcher)?.online} (owner on node ${ownerSlot})`)
      },
    )
    // The facilitator (on node 1) reveals nothing here: proposals are private until the stage moves; the count is shared.
    expect(presenceSeenBy(facilitator)?.joined).toBe(people.length)
    expect(titlesSeenBy(watcher)).not.toContain('P0-0 idea')
  }, 120_000)

  it(`loses nothing acknowledged when the owner is killed ×${OWNER_KILLS} mid-burst and a non-owner once`, async () => {
    const work = await workloads.start(WORKERS)
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const recoveries: number[] = []
    let epoch = 0
    for (let kill = 0; kill < OWNER_KILLS; kill++) {
      const current = await workloads.owner(work.meetingId)
      expect(current.slot).toBeGreaterThanOrEqual(0)
      expect(current.epoch).toBeGreaterThan(epoch)
      epoch = current.epoch
      await cluster.nodes[current.slot]?.kill9()
      const killedAt = Date.now()
      // Counted from after the kill: acks the dying owner sent just before it must not pass for the next owner's.
      const before = work.proposed.size
      await cluster.replace(current.slot)
      await waitFor('proposals acknowledged by the next owner', () => work.proposed.size >= before + 20, 90_000)
      recoveries.push((work.ackTimes.find((t) => t > killedAt) ?? killedAt) - killedAt)
    }
    const last = await workloads.owner(work.meetingId)
    const followers = [0, 1, 2].filter((s) => s !== last.slot)
    const relayed = await Promise.all(followers.map(relayedOn))
    expect(relayed.some((n) => n > 0)).toBe(true)
    const nonOwner = followers[0] as number
    const before = work.proposed.size
    await cluster.nodes[nonOwner]?.kill9()
    await cluster.replace(nonOwner)
    await waitFor('proposals after the non-owner came back', () => work.proposed.size >= before + 20, 90_000)
    expect((await workloads.owner(work.meetingId)).epoch).toBe(last.epoch)

    expect((await work.stop()).map(String)).toEqual([])
    const stored = await auditStored(work)
    Object.assign(report, { ownerKills: OWNER_KILLS, acknowledged: work.proposed.size, joins: work.joined.size, ...stored, killToFirstAckMs: recoveries })
  }, 400_000)

  it('Redis killed mid-burst: relaying pauses (sockets fall back to passing on), nothing acknowledged is lost', async () => {
    const work = await workloads.start(WORKERS)
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const { slot: ownerSlot } = await workloads.owner(work.meetingId)
    const follower = (ownerSlot + 1) % 3
    expect(await relayedOn(follower)).toBeGreaterThan(0)
    const passedOn = () => workloads.metric(follower, 'quarterdeck_cluster_routes_total{route="remote"}')
    const passedOnBefore = await passedOn()
    const before = work.proposed.size
    const killedAt = Date.now()
    await cluster.redis.kill()
    // The follower node's people reconnect (their forwards fail, or their owner falls silent) and are passed on.
    await waitFor('the follower node to pass sockets on while Redis is down', async () => (await passedOn()) > passedOnBefore, 60_000)
    await waitFor('proposals while Redis is down', () => work.proposed.size >= before + 40, 90_000)
    const longestPauseMs = longestAckGap(work.ackTimes, killedAt)
    const relayedBeforeRestart = await relayedOn(follower)
    await cluster.redis.restart()
    const afterRestart = work.proposed.size
    // Back: new sockets are kept and relayed again (workers reconnect as new people every three proposals).
    await waitFor('sockets relayed again after Redis came back', async () => (await relayedOn(follower)) > relayedBeforeRestart, 60_000)
    await waitFor('proposals after Redis came back', () => work.proposed.size >= afterRestart + 40, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    const stored = await auditStored(work)
    const lease = await readLeaseOwner(observer.db, work.meetingId)
    Object.assign(report, { redisKill: { longestAckPauseMs: longestPauseMs, ...stored, epoch: lease?.epoch } })
  }, 300_000)

  it('an owner frozen (SIGSTOP) past its lease: followers hear it fall silent, another node takes over, the woken one is fenced', async () => {
    const work = await workloads.start(WORKERS)
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const { frozen, next, takenOverAfterMs } = await freezeOwnerUntilFenced(workloads, work)
    const afterThaw = work.proposed.size
    await waitFor('proposals after the old owner woke', () => work.proposed.size >= afterThaw + 20, 90_000)
    const followerSlots = [0, 1, 2].filter((slot) => cluster.nodes[slot]?.id !== next.nodeId)
    const resyncs = await Promise.all(followerSlots.map((slot) => workloads.metric(slot, 'quarterdeck_cluster_follower_resyncs_total{reason="silent"}')))

    expect((await work.stop()).map(String)).toEqual([])
    await auditStored(work)
    for (const doc of ['meeting', 'vault']) {
      const writes = await storedWrites(observer.db, work.meetingId, doc)
      const firstOfNew = writes.find((w) => w.epoch !== null && w.epoch >= next.epoch)?.writeId ?? Number.POSITIVE_INFINITY
      expect(writes.filter((w) => w.epoch === frozen.epoch && w.writeId > firstOfNew)).toEqual([])
    }
    Object.assign(report, { freezeTakeoverMs: takenOverAfterMs, freezeEpochs: [frozen.epoch, next.epoch], silentResyncs: resyncs })
  }, 300_000)

  it('rolling restart (SIGTERM one node at a time) and a Postgres crash: nothing acknowledged lost, nothing twice', async () => {
    const work = await workloads.start(WORKERS)
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const handovers: number[] = []
    for (let slot = 0; slot < 3; slot++) {
      const before = work.proposed.size
      const stoppedAt = Date.now()
      await cluster.nodes[slot]?.stop()
      await cluster.replace(slot)
      await waitFor('proposals after the restart', () => work.proposed.size >= before + 20, 90_000)
      handovers.push(longestAckGap(work.ackTimes, stoppedAt))
    }
    const beforeCrash = work.proposed.size
    await cluster.postgres.crash()
    await cluster.postgres.restart()
    await waitFor('proposals after Postgres came back', () => work.proposed.size >= beforeCrash + 20, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    await auditStored(work)
    Object.assign(report, { rollingRestartLongestAckGapMs: handovers })
  }, 300_000)
})
