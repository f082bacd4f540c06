import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLeaseOwner } from '../../server/cluster/lease/meetingLease.ts'
import type { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { meetingMaps } from '../../shared/meeting/meetingDoc.ts'
import type { PresenceSummary } from '../../shared/presence/presenceTypes.ts'
import { auditWorkload } from './helpers/auditWorkload.ts'
import { startRoomCluster, type RoomClusterRig } from './helpers/roomClusterRig.ts'
import { LinkProxy } from './helpers/LinkProxy.ts'
import type { RoomWorkloads } from './helpers/roomWorkload.ts'
import { waitFor } from './helpers/waitFor.ts'
import { staleWrites, storedWrites } from './helpers/writeLedger.ts'

// The real room on 3 node processes (Postgres + Redis, the follower path), each node reaching Postgres through its
// own cut-able link (helpers/LinkProxy.ts): an owner cut off from Postgres past its lease and then healed, and
// nodes racing to take one meeting. Audited in Postgres: nothing acknowledged lost, nothing twice, no stale write.

const WORKERS = 60
const LEASE_TTL_MS = 1_500

let observer: PostgresMeetingStore
let workloads: RoomWorkloads
let rig: RoomClusterRig | undefined
const links: LinkProxy[] = []
const report: Record<string, unknown> = {}

beforeAll(async () => {
  rig = await startRoomCluster({
    leaseTtlMs: LEASE_TTL_MS,
    prepare: async (databaseUrl) => {
      const port = Number(new URL(databaseUrl).port)
      for (let i = 0; i < 3; i++) links.push(await LinkProxy.start({ host: '127.0.0.1', port }))
    },
    databaseUrlFor: (slot, databaseUrl) => (links[slot] as LinkProxy).proxiedUrl(databaseUrl),
  })
  ;({ observer, workloads } = rig)
}, 90_000)

afterAll(async () => {
  console.log('room link figures', JSON.stringify(report))
  await rig?.destroy()
  await Promise.all(links.map((l) => l.close()))
})

describe('links and races with the real room', () => {
  it('an owner cut off from Postgres past its lease, then healed: another node takes over, the old one is fenced', async () => {
    const work = await workloads.start(WORKERS)
    await waitFor('a first burst of proposals', () => work.proposed.size >= 30, 90_000)
    const cut = await workloads.owner(work.meetingId)
    const link = links[cut.slot] as LinkProxy
    // A partition TCP sees as silence: the owner's queries (commits, renewals) hang, its sockets stay up.
    link.pause()
    const cutAt = Date.now()
    const next = await waitFor(
      'another node to take the meeting over',
      async () => {
        const lease = await readLeaseOwner(observer.db, work.meetingId)
        return lease && lease.epoch > cut.epoch && lease.remainingMs > 0 ? lease : undefined
      },
      30_000,
    )
    const takenOverAfterMs = Date.now() - cutAt
    const before = work.proposed.size
    await waitFor('proposals acknowledged by the new owner while the old one is cut off', () => work.proposed.size >= before + 20, 90_000)
    // Healed: whatever the old owner had in flight now reaches Postgres, late.
    link.resume()
    const afterHeal = work.proposed.size
    await waitFor('proposals after the link healed', () => work.proposed.size >= afterHeal + 20, 90_000)

    expect((await work.stop()).map(String)).toEqual([])
    const stored = await auditWorkload(observer, work)
    for (const doc of ['meeting', 'vault']) {
      const writes = await storedWrites(observer.db, work.meetingId, doc)
      expect(staleWrites(writes)).toEqual([])
      const firstOfNew = writes.find((w) => w.epoch !== null && w.epoch >= next.epoch)?.writeId ?? Number.POSITIVE_INFINITY
      expect(writes.filter((w) => w.epoch === cut.epoch && w.writeId > firstOfNew)).toEqual([])
    }
    expect(await workloads.metric(cut.slot, 'quarterdeck_cluster_leases_lost_total')).toBeGreaterThanOrEqual(1)
    const lost = await Promise.all([0, 1, 2].map((slot) => workloads.metric(slot, 'quarterdeck_cluster_leases_lost_total')))
    const finalEpoch = (await readLeaseOwner(observer.db, work.meetingId))?.epoch
    Object.assign(report, { cutTakeoverMs: takenOverAfterMs, cutEpochs: [cut.epoch, next.epoch, finalEpoch], leasesLost: lost, ...stored })
  }, 300_000)

  it('three nodes racing to take one meeting: one owner at epoch 1, every join acknowledged, everyone sees everyone', async () => {
    for (let round = 0; round < 5; round++) {
      // Created over HTTP, so no node holds its lease: the first sockets, one per node at once, race for it.
      const res = await fetch(`${workloads.httpUrl(round % 3)}/api/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Race ${round}`, quarter: '2027 Q1', mission: { value: 'race', field: 'tests', impact: '' }, objectiveCount: 3 }),
      })
      const { meetingId } = (await res.json()) as { meetingId: string }
      const people = [0, 1, 2, 0, 1, 2].map((slot) => workloads.client(slot, meetingId))
      await Promise.all(people.map((p, i) => p.join(`R${round}-${i}`)))
      const lease = await readLeaseOwner(observer.db, meetingId)
      expect(lease?.epoch).toBe(1)
      for (const p of people) {
        await waitFor('everyone online in every copy', () => (meetingMaps(p.doc).meeting.get('presence') as PresenceSummary | undefined)?.online === 6, 30_000)
      }
      const stored = await observer.loadMeeting(meetingId)
      expect(stored?.credentials.filter((c) => c.role === 'participant')).toHaveLength(6)
      for (const p of people) workloads.drop(p)
    }
  }, 120_000)
})
