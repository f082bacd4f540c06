/**
 * Group-commit latency of the stores, same batches, same machine, one run:
 *   node --import tsx tests/bench/storeCommitBench.ts [--commits 1000] [--meetings 20]
 * SQLite (WAL, synchronous=FULL) vs Postgres (throwaway server from scripts/throwaway-postgres.sh, fsync on,
 * synchronous_commit=on), the latter both plain and fenced (renewing the meeting_owner rows in the same
 * transaction, as cluster mode will). Each commit carries one ~200-byte update and one command-log row for each
 * of --meetings meetings (one event-loop tick of a busy node). Prints p50/p99 per commit and commits per second.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { acquireLease, type OwnedLease } from '../../server/cluster/lease/meetingLease.ts'
import { PostgresMeetingStore } from '../../server/cluster/postgres/PostgresMeetingStore.ts'
import type { MeetingBatch, MeetingStore } from '../../server/persistence/MeetingStore.ts'
import { SqliteMeetingStore } from '../../server/persistence/SqliteMeetingStore.ts'
import { freshDatabase } from '../cluster/helpers/freshDatabase.ts'
import { ThrowawayPostgres } from '../cluster/helpers/ThrowawayPostgres.ts'
import { percentiles, round } from './stats.ts'

const { values } = parseArgs({ options: { commits: { type: 'string', default: '1000' }, meetings: { type: 'string', default: '20' } } })
const COMMITS = Number(values.commits)
const MEETINGS = Number(values.meetings)
const meetingIds = Array.from({ length: MEETINGS }, (_, i) => `bench-meeting-${i}`)
const payload = new Uint8Array(200).fill(7)

function batchesFor(commit: number): MeetingBatch[] {
  return meetingIds.map((meetingId) => ({
    meetingId,
    update: payload,
    credentials: [],
    commands: [{ actorKey: 'bench', commandId: `c${commit}`, resultJson: '{}' }],
    snapshot: null,
  }))
}

async function measure(name: string, store: Pick<MeetingStore, 'createMeeting'>, commit: (batches: MeetingBatch[]) => Promise<unknown>) {
  for (const id of meetingIds) await store.createMeeting({ id, createdAt: 0, initialUpdate: payload, credentials: [] })
  for (let i = 0; i < 20; i++) await commit(batchesFor(-i - 1)) // warm-up
  const latencies: number[] = []
  const started = performance.now()
  for (let i = 0; i < COMMITS; i++) {
    const t0 = performance.now()
    await commit(batchesFor(i))
    latencies.push(performance.now() - t0)
  }
  const seconds = (performance.now() - started) / 1000
  const p = percentiles(latencies)
  return {
    store: name,
    commits: COMMITS,
    meetingsPerCommit: MEETINGS,
    p50Ms: round(p.p50, 2),
    p99Ms: round(p.p99, 2),
    commitsPerSecond: round(COMMITS / seconds, 0),
  }
}

const rows = []
const dir = mkdtempSync(join(tmpdir(), 'qd-bench-sqlite-'))
const sqlite = new SqliteMeetingStore(dir, 'FULL')
rows.push(await measure('sqlite FULL', sqlite, (b) => sqlite.commit(b)))
sqlite.close()
rmSync(dir, { recursive: true, force: true })

const postgres = await ThrowawayPostgres.start()
try {
  const plain = await PostgresMeetingStore.connect({ connectionString: await freshDatabase(postgres) })
  rows.push(await measure('postgres', plain, (b) => plain.commit(b)))
  await plain.close()

  const fenced = await PostgresMeetingStore.connect({ connectionString: await freshDatabase(postgres) })
  const leases = new Map<string, OwnedLease>()
  for (const id of meetingIds) leases.set(id, (await acquireLease(fenced.db, id, 'bench-node', 60_000))!)
  const fence = { nodeId: 'bench-node', leaseTtlMs: 60_000, leaseOf: (id: string) => leases.get(id) ?? null }
  rows.push(
    await measure('postgres fenced', fenced, async (b) => {
      const result = await fenced.commitFenced(b, fence)
      if (result.fenced.length > 0) throw new Error('fenced during the bench')
    }),
  )
  await fenced.close()
} finally {
  await postgres.destroy()
}
console.table(rows)
console.log(JSON.stringify(rows))
