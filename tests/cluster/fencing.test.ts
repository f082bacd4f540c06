import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { acquireLease, readLeaseOwner, type OwnedLease } from '../../server/cluster/lease/meetingLease.ts'
import { PostgresMeetingStore, type CommitFence } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import type { MeetingBatch } from '../../server/persistence/MeetingStore.ts'
import { freshDatabase } from './helpers/freshDatabase.ts'
import { LinkProxy } from './helpers/LinkProxy.ts'
import { ThrowawayPostgres } from './helpers/ThrowawayPostgres.ts'
import { waitFor } from './helpers/waitFor.ts'
import { staleWrites, storedWrites } from './helpers/writeLedger.ts'

let server: ThrowawayPostgres
let url: string
const opened: { close(): Promise<void> }[] = []

beforeAll(async () => {
  server = await ThrowawayPostgres.start()
})
afterAll(async () => {
  await server?.destroy()
})
beforeEach(async () => {
  url = await freshDatabase(server)
})
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close().catch(() => undefined)))
})

async function node(connectionString = url, extra: { idleInTransactionTimeoutMs?: number; queryTimeoutMs?: number } = {}) {
  const store = await PostgresMeetingStore.connect({ connectionString, maxConnections: 2, ...extra })
  opened.push(store)
  return store
}

const TEXT = new TextEncoder()
/** A batch whose doc update and command log entry carry the same label, so a half-written commit would show. */
function write(meetingId: string, label: string): MeetingBatch {
  return {
    meetingId,
    update: TEXT.encode(label),
    credentials: [],
    commands: [{ actorKey: 'writer', commandId: label, resultJson: JSON.stringify(label) }],
    snapshot: null,
  }
}

function fenceOf(nodeId: string, leases: Record<string, OwnedLease>, leaseTtlMs = 10_000): CommitFence {
  return { nodeId, leaseTtlMs, leaseOf: (meetingId) => leases[meetingId] ?? null }
}

async function createMeetings(store: PostgresMeetingStore, ...ids: string[]) {
  for (const id of ids) await store.createMeeting({ id, createdAt: 1, initialUpdate: TEXT.encode(`${id}:created`), credentials: [] })
}

const expired = (store: PostgresMeetingStore, key: string) =>
  waitFor(`lease ${key} to expire`, async () => ((await readLeaseOwner(store.db, key))?.remainingMs ?? 0) < 0)

describe('the commit is the fence', () => {
  it('writes the meetings still owned and refuses, writing nothing, those taken over', async () => {
    const a = await node()
    const b = await node()
    await createMeetings(a, 'm1', 'm2')
    const m1 = await acquireLease(a.db, 'm1', 'node-a', 300)
    const m2 = await acquireLease(a.db, 'm2', 'node-a', 60_000)
    const fenceA = fenceOf('node-a', { m1: m1!, m2: m2! }, 300)
    expect(await a.commitFenced([write('m1', 'a1'), write('m2', 'a2')], fenceA)).toEqual({ committed: ['m1', 'm2'], fenced: [] })
    await expired(a, 'm1')
    const m1b = await acquireLease(b.db, 'm1', 'node-b', 60_000)
    expect(m1b?.epoch).toBe(2)
    expect(await b.commitFenced([write('m1', 'b1')], fenceOf('node-b', { m1: m1b! }))).toEqual({ committed: ['m1'], fenced: [] })

    // The old owner keeps going with its old epoch: m1 is refused whole, m2 (still its own) is written.
    expect(await a.commitFenced([write('m1', 'a3'), write('m2', 'a4')], fenceA)).toEqual({ committed: ['m2'], fenced: ['m1'] })
    expect((await storedWrites(a.db, 'm1')).map((w) => [w.payload, w.epoch])).toEqual([
      ['m1:created', null],
      ['a1', 1],
      ['b1', 2],
    ])
    expect(await a.findCommandResult('m1', 'writer', 'a3')).toBeNull()
    expect(await a.findCommandResult('m2', 'writer', 'a4')).toBe('"a4"')
    // A meeting this node never leased is refused too.
    expect(await a.commitFenced([write('m1', 'a5')], fenceOf('node-a', {}))).toEqual({ committed: [], fenced: ['m1'] })
  })

  it("an owner cut from Postgres mid-commit, past its lease, is fenced: no write of its epoch after the new owner's first", async () => {
    const proxy = await LinkProxy.start({ host: '127.0.0.1', port: server.port })
    opened.push(proxy)
    const a = await node(proxy.proxiedUrl(url), { idleInTransactionTimeoutMs: 800, queryTimeoutMs: 30_000 })
    const b = await node()
    await createMeetings(b, 'm1')
    const lease = await acquireLease(a.db, 'm1', 'node-a', 1_000)
    expect(await a.commitFenced([write('m1', 'a1')], fenceOf('node-a', { m1: lease! }, 1_000))).toEqual({ committed: ['m1'], fenced: [] })

    // Cut the link right after the fence (renew) ran inside the transaction, while the row is locked: another
    // session holds command_log, so the commit waits there (renewed, update written); then the link goes quiet
    // and the lock is let go. The rest of the transaction and its COMMIT are stuck in the network.
    const blocker = await b.db.connect()
    await blocker.query('BEGIN')
    await blocker.query('LOCK TABLE command_log IN EXCLUSIVE MODE')
    const stuck = a.commitFenced([write('m1', 'a2')], fenceOf('node-a', { m1: lease! }, 1_000)).then(
      (result) => ({ result }),
      (error: Error) => ({ error }),
    )
    await waitFor('the commit to wait inside its transaction', async () => {
      const { rows } = await b.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
      return (rows[0]?.n ?? 0) > 0
    })
    proxy.pause()
    await blocker.query('COMMIT')
    blocker.release()
    // Postgres ends the silent session (idle in transaction), its renew is rolled back with it, the lease
    // runs out, and another node takes over.
    const takeover = await waitFor('a takeover', () => acquireLease(b.db, 'm1', 'node-b', 60_000).then((l) => l ?? undefined))
    expect(takeover.epoch).toBe(2)
    expect(await b.commitFenced([write('m1', 'b1')], fenceOf('node-b', { m1: takeover }))).toEqual({ committed: ['m1'], fenced: [] })

    proxy.resume()
    const outcome = await stuck
    expect(outcome).toHaveProperty('error') // its session was ended: the commit failed, so nothing was acknowledged
    // Back on the network, the old owner tries again with its old epoch: refused.
    expect(await a.commitFenced([write('m1', 'a3')], fenceOf('node-a', { m1: lease! }, 1_000))).toEqual({ committed: [], fenced: ['m1'] })

    const writes = await storedWrites(b.db, 'm1')
    expect(writes.map((w) => w.payload)).toEqual(['m1:created', 'a1', 'b1'])
    expect(staleWrites(writes)).toEqual([])
    expect(await b.findCommandResult('m1', 'writer', 'a2')).toBeNull()
  })

  it('a link cut (connections reset) fails the commit, and the owner that still holds its lease carries on', async () => {
    const proxy = await LinkProxy.start({ host: '127.0.0.1', port: server.port })
    opened.push(proxy)
    const a = await node(proxy.proxiedUrl(url))
    await createMeetings(a, 'm1')
    const lease = await acquireLease(a.db, 'm1', 'node-a', 60_000)
    const fence = fenceOf('node-a', { m1: lease! })
    expect((await a.commitFenced([write('m1', 'a1')], fence)).committed).toEqual(['m1'])
    proxy.cut()
    await expect(a.commitFenced([write('m1', 'a2')], fence)).rejects.toThrow()
    proxy.resume()
    // The pool drops the broken connection and opens a new one.
    expect((await a.commitFenced([write('m1', 'a3')], fence)).committed).toEqual(['m1'])
    expect((await storedWrites(a.db, 'm1')).map((w) => w.payload)).toEqual(['m1:created', 'a1', 'a3'])
  })
})

describe('Postgres crash while committing', () => {
  it('everything acknowledged (COMMIT returned) survives `pg_ctl -m immediate`; nothing is half-written', async () => {
    const store = await node(url, { queryTimeoutMs: 5_000 })
    await createMeetings(store, 'm1')
    const lease = await acquireLease(store.db, 'm1', 'node-a', 60_000)
    const fence = fenceOf('node-a', { m1: lease! }, 60_000)
    const acked: string[] = []
    const failed: string[] = []
    let isRunning = true
    let n = 0
    const writer = (async () => {
      while (isRunning) {
        const label = `w${++n}`
        try {
          const result = await store.commitFenced([write('m1', label)], fence)
          if (result.committed.includes('m1')) acked.push(label)
        } catch {
          failed.push(label)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
    })()
    for (let crash = 0; crash < 3; crash++) {
      const before = acked.length
      await waitFor('commits to flow', () => acked.length >= before + 20)
      await server.crash()
      await waitFor('a commit to fail', () => failed.length > crash)
      await server.restart()
    }
    await waitFor('commits to flow again', () => acked.length >= 80 && failed.length >= 3)
    isRunning = false
    await writer

    const writes = await storedWrites(store.db, 'm1')
    const stored = writes.map((w) => w.payload).slice(1)
    expect(stored).toEqual(expect.arrayContaining(acked)) // 0 acknowledged lost
    expect(new Set(stored).size).toBe(stored.length) // 0 written twice
    for (const label of stored) expect(await store.findCommandResult('m1', 'writer', label)).toBe(JSON.stringify(label))
    const { rows } = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM command_log WHERE meeting_id = 'm1'")
    expect(rows[0]?.n).toBe(stored.length) // 0 half-applied: update and command log went together
    // Writes that failed may or may not have landed (the crash can hit after COMMIT reached the disk); none were acked.
    expect(failed.every((label) => !acked.includes(label))).toBe(true)
  }, 90_000)
})
