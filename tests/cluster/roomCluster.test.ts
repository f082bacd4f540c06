import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import type { Cluster } from './helpers/clusterLauncher.ts'
import { startRoomCluster, type RoomClusterRig } from './helpers/roomClusterRig.ts'
import { staleWrites, storedWrites } from './helpers/writeLedger.ts'
import { freezeOwnerUntilFenced } from './helpers/freezeOwner.ts'
import { waitFor } from './helpers/waitFor.ts'
import { auditWorkload } from './helpers/auditWorkload.ts'
import { longestAckGap, type RoomWorkloads, type Workload } from './helpers/roomWorkload.ts'

// The real server (room core, group commit, sync) as 3 node processes on one Postgres, without REDIS_URL: every node
// accepts any socket and passes it on to the meeting's owner (found through the lease table). The Redis follower
// path has its own suite (followerCluster.test.ts). ~60 simulated participants are
// spread over the nodes; the owner is SIGKILLed mid-burst several times, and a non-owner once. Asserted in Postgres
// itself: nothing acknowledged lost, nothing applied twice, and the lease moved to a new epoch at each kill.

const OWNER_KILLS = Number(process.env.ROOM_CLUSTER_KILLS ?? 10)
const WORKERS = 60
const LEASE_TTL_MS = 1_500

let cluster: Cluster
let observer: PostgresMeetingStore
let workloads: RoomWorkloads
let rig: RoomClusterRig | undefined
const report: Record<string, unknown> = {}

beforeAll(async () => {
  rig = await startRoomCluster({ leaseTtlMs: LEASE_TTL_MS, relay: false })
  ;({ cluster, observer, workloads } = rig)
}, 90_000)

afterAll(async () => {
  console.log('room cluster figures', JSON.stringify(report))
  await rig?.destroy()
})

const startWorkload = () => workloads.start(WORKERS)
const owner = (meetingId: string) => workloads.owner(meetingId)
const metric = (slot: number, name: string) => workloads.metric(slot, name)

/** 0 acknowledged lost, 0 applied twice, checked in Postgres itself. */
function audit(work: Workload): Promise<{ stored: number; people: number }> {
  return auditWorkload(observer, work)
}

describe('three nodes serving one meeting through the real room core', () => {
  it(`loses nothing acknowledged when the owner is killed ×${OWNER_KILLS} mid-burst and a non-owner once`, async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const recoveries: number[] = []
    let epoch = 0
    for (let kill = 0; kill < OWNER_KILLS; kill++) {
      const current = await owner(work.meetingId)
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
    const last = await owner(work.meetingId)
    expect(last.epoch).toBeGreaterThan(epoch)
    const nonOwner = (last.slot + 1) % 3
    const before = work.proposed.size
    await cluster.nodes[nonOwner]?.kill9()
    await cluster.replace(nonOwner)
    await waitFor('proposals after the non-owner came back', () => work.proposed.size >= before + 20, 90_000)
    expect((await owner(work.meetingId)).epoch).toBe(last.epoch)

    expect((await work.stop()).map(String)).toEqual([])
    const stored = await audit(work)
    Object.assign(report, {
      ownerKills: OWNER_KILLS,
      acknowledged: work.proposed.size,
      joins: work.joined.size,
      ...stored,
      killToFirstAckMs: recoveries,
      finalEpoch: last.epoch,
    })
  }, 300_000)

  it('an owner frozen (SIGSTOP) past its lease is fenced when it wakes: 1012 to its sockets, no write with its old epoch', async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const { frozen, next, takenOverAfterMs } = await freezeOwnerUntilFenced(workloads, work)
    expect(await metric(frozen.slot, 'quarterdeck_cluster_leases_lost_total')).toBeGreaterThanOrEqual(1)
    // The third node (neither the frozen owner nor the new one) served its sockets by passing them on.
    const passer = [0, 1, 2].find((slot) => slot !== frozen.slot && cluster.nodes[slot]?.id !== next.nodeId) as number
    expect(await metric(passer, 'quarterdeck_cluster_routes_total{route="remote"}')).toBeGreaterThan(0)
    const afterThaw = work.proposed.size
    await waitFor('proposals after the old owner woke', () => work.proposed.size >= afterThaw + 20, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    await audit(work)
    for (const doc of ['meeting', 'vault']) {
      const writes = await storedWrites(observer.db, work.meetingId, doc)
      expect(staleWrites(writes)).toEqual([])
      // The woken node wrote nothing under its old epoch after the new owner's first write.
      const firstOfNew = writes.find((w) => w.epoch !== null && w.epoch >= next.epoch)?.writeId ?? Number.POSITIVE_INFINITY
      expect(writes.filter((w) => w.epoch === frozen.epoch && w.writeId > firstOfNew)).toEqual([])
    }
    Object.assign(report, { freezeTakeoverMs: takenOverAfterMs, freezeEpochs: [frozen.epoch, next.epoch] })
  }, 300_000)

  it('rolling restart (SIGTERM one node at a time) and a Postgres crash: nothing acknowledged lost, nothing twice', async () => {
    const work = await startWorkload()
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const handovers: number[] = []
    for (let slot = 0; slot < 3; slot++) {
      const before = work.proposed.size
      const stoppedAt = Date.now()
      // A graceful stop releases the node's leases: the next owner need not wait for them to run out.
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
    await audit(work)
    for (const doc of ['meeting', 'vault']) expect(staleWrites(await storedWrites(observer.db, work.meetingId, doc))).toEqual([])
    Object.assign(report, { rollingRestartLongestAckGapMs: handovers })
  }, 300_000)
})
