import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LeaseKeeper } from '../../server/cluster/lease/LeaseKeeper.ts'
import { acquireLease, readLeaseOwner, releaseLease, renewLeases } from '../../server/cluster/lease/meetingLease.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import { freshDatabase } from './helpers/freshDatabase.ts'
import { ThrowawayPostgres } from './helpers/ThrowawayPostgres.ts'
import { waitFor } from './helpers/waitFor.ts'

let server: ThrowawayPostgres
let stores: PostgresMeetingStore[]

beforeAll(async () => {
  server = await ThrowawayPostgres.start()
})
afterAll(async () => {
  await server?.destroy()
})
beforeEach(async () => {
  const url = await freshDatabase(server)
  // Separate pools stand for separate nodes: they share nothing but Postgres.
  stores = await Promise.all([1, 2, 3, 4, 5].map(() => PostgresMeetingStore.connect({ connectionString: url, maxConnections: 2 })))
})
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()))
})

const db = (i: number) => (stores[i] as PostgresMeetingStore).db
const expired = (key: string) => waitFor(`lease ${key} to expire`, async () => ((await readLeaseOwner(db(0), key))?.remainingMs ?? 0) < 0)

describe('meeting_owner lease', () => {
  it('grants a free meeting with epoch 1 and refuses it to others while the lease runs', async () => {
    expect(await acquireLease(db(0), 'm1', 'node-a', 10_000)).toEqual({ leaseKey: 'm1', epoch: 1 })
    expect(await acquireLease(db(1), 'm1', 'node-b', 10_000)).toBeNull()
    const owner = await readLeaseOwner(db(1), 'm1')
    expect(owner).toMatchObject({ nodeId: 'node-a', epoch: 1 })
    expect(owner?.remainingMs).toBeGreaterThan(5_000)
    expect(await acquireLease(db(1), 'm2', 'node-b', 10_000)).toEqual({ leaseKey: 'm2', epoch: 1 })
  })

  it('hands an expired lease to the next node with a higher epoch, and the old holder can no longer renew', async () => {
    const first = await acquireLease(db(0), 'm1', 'node-a', 300)
    expect(first).toEqual({ leaseKey: 'm1', epoch: 1 })
    await expired('m1')
    const second = await acquireLease(db(1), 'm1', 'node-b', 10_000)
    expect(second).toEqual({ leaseKey: 'm1', epoch: 2 })
    expect(await renewLeases(db(0), 'node-a', [first!], 10_000)).toEqual(new Set())
    expect(await renewLeases(db(1), 'node-b', [second!], 10_000)).toEqual(new Set(['m1']))
    // Even the same node id with a stale epoch is refused: the epoch is the fence, not the name.
    expect(await renewLeases(db(1), 'node-b', [{ leaseKey: 'm1', epoch: 1 }], 10_000)).toEqual(new Set())
  })

  it('renews only the leases still held, by Postgres clock', async () => {
    const a = await acquireLease(db(0), 'm1', 'node-a', 400)
    const b = await acquireLease(db(0), 'm2', 'node-a', 400)
    expect(await renewLeases(db(0), 'node-a', [a!, b!], 60_000)).toEqual(new Set(['m1', 'm2']))
    expect((await readLeaseOwner(db(0), 'm1'))?.remainingMs).toBeGreaterThan(30_000)
    expect(await acquireLease(db(1), 'm1', 'node-b', 10_000)).toBeNull()
  })

  it('a released lease is taken at once, and epochs never repeat', async () => {
    const a = await acquireLease(db(0), 'm1', 'node-a', 60_000)
    expect(await releaseLease(db(0), 'node-a', a!)).toBe(true)
    expect(await acquireLease(db(1), 'm1', 'node-b', 60_000)).toEqual({ leaseKey: 'm1', epoch: 2 })
    expect(await releaseLease(db(0), 'node-a', a!)).toBe(false)
  })

  it('a keeper gives up one meeting it no longer serves and keeps the others; renewals report a lost one', async () => {
    const lost: string[] = []
    const keeper = new LeaseKeeper(db(0), 'node-a', { ttlMs: 10_000, renewEveryMs: 3_000 }, (key) => lost.push(key))
    expect(await keeper.tryAcquire('m1')).toEqual({ leaseKey: 'm1', epoch: 1 })
    expect(await keeper.tryAcquire('m2')).toEqual({ leaseKey: 'm2', epoch: 1 })
    await keeper.release('m1')
    expect(keeper.leaseOf('m1')).toBeNull()
    expect(await acquireLease(db(1), 'm1', 'node-b', 10_000)).toEqual({ leaseKey: 'm1', epoch: 2 })
    expect(await acquireLease(db(1), 'm2', 'node-b', 10_000)).toBeNull()
    await keeper.renewNow()
    expect(lost).toEqual([])
    // m2 taken over behind its back (expired and re-granted): the next renewal reports it.
    await releaseLease(db(0), 'node-a', { leaseKey: 'm2', epoch: 1 })
    expect(await acquireLease(db(1), 'm2', 'node-b', 10_000)).toEqual({ leaseKey: 'm2', epoch: 2 })
    await keeper.renewNow()
    expect(lost).toEqual(['m2'])
    expect(keeper.held()).toEqual([])
  })

  it('a keeper that cannot confirm a lease for two lease lengths (at least 5 s past one) gives it up (a node cut off from Postgres)', async () => {
    const lost: string[] = []
    const keeper = new LeaseKeeper(db(0), 'node-a', { ttlMs: 10_000, renewEveryMs: 3_000 }, (key) => lost.push(key))
    const acquiredFrom = performance.now()
    await keeper.tryAcquire('m1')
    keeper.giveUpUnconfirmed(acquiredFrom + 19_000)
    const renewedFrom = performance.now()
    await keeper.renewNow()
    keeper.giveUpUnconfirmed(renewedFrom + 19_000)
    expect(lost).toEqual([])
    keeper.giveUpUnconfirmed(performance.now() + 20_500)
    expect(lost).toEqual(['m1'])
    expect(keeper.leaseOf('m1')).toBeNull()
  })

  it('five nodes racing for one meeting: exactly one wins each round, epochs go up by one', async () => {
    const epochs: number[] = []
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(stores.map((s, i) => acquireLease(s.db, 'hot', `node-${i}`, 250)))
      const winners = results.filter((r) => r !== null)
      expect(winners).toHaveLength(1)
      epochs.push(winners[0]!.epoch)
      await expired('hot')
    }
    expect(epochs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })

  it('a takeover waits for a commit that holds the fence, then sees the renewed lease and gives up', async () => {
    const a = await acquireLease(db(0), 'm1', 'node-a', 300)
    await expired('m1')
    const tx = await db(0).connect()
    try {
      await tx.query('BEGIN')
      expect(await renewLeases(tx, 'node-a', [a!], 10_000)).toEqual(new Set(['m1']))
      let isSettled = false
      const takeover = acquireLease(db(1), 'm1', 'node-b', 10_000).finally(() => (isSettled = true))
      // The takeover is blocked on the row lock the commit took; it cannot slip in between renew and COMMIT.
      await waitFor('the takeover to wait on the lock', async () => {
        const { rows } = await db(2).query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return rows[0].n > 0
      })
      expect(isSettled).toBe(false)
      await tx.query('COMMIT')
      expect(await takeover).toBeNull()
    } finally {
      tx.release()
    }
    expect(await readLeaseOwner(db(1), 'm1')).toMatchObject({ nodeId: 'node-a', epoch: 1 })
  })
})
