import type { Pool, PoolClient } from 'pg'

type Queryable = Pool | PoolClient

/** A lease this node holds: the meeting's lease key and the fencing epoch it was granted. */
export interface OwnedLease {
  leaseKey: string
  epoch: number
}

export interface LeaseOwner {
  nodeId: string
  epoch: number
  /** Milliseconds until it expires by Postgres's clock (negative: expired). */
  remainingMs: number
}

/**
 * Takes the meeting for `nodeId` if nobody holds it or its holder's lease has run out, by Postgres's clock
 * (no node's clock is trusted). Each takeover gets a higher epoch; the row lock makes racing nodes take turns,
 * and the loser sees a live lease and gets null. A holder committing at that moment renews first (the fence
 * in PostgresMeetingStore.commitFenced), so a takeover never overlaps a commit of the old epoch.
 */
export async function acquireLease(db: Queryable, leaseKey: string, nodeId: string, ttlMs: number): Promise<OwnedLease | null> {
  const { rows } = await db.query<{ epoch: number }>(
    `INSERT INTO meeting_owner AS o (lease_key, node_id, epoch, lease_until)
     VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (lease_key) DO UPDATE
       SET node_id = EXCLUDED.node_id, epoch = o.epoch + 1, lease_until = EXCLUDED.lease_until
       WHERE o.lease_until < clock_timestamp()
     RETURNING epoch::float8 AS epoch`,
    [leaseKey, nodeId, ttlMs],
  )
  const row = rows[0]
  return row ? { leaseKey, epoch: row.epoch } : null
}

/**
 * Extends the leases this node still holds, with exactly the epochs it was granted, and returns the keys that
 * were renewed. A key missing from the answer was taken over: the caller must drop that meeting at once.
 * Run inside a transaction it also locks those rows until COMMIT, which is what makes it a fence.
 */
export async function renewLeases(db: Queryable, nodeId: string, leases: readonly OwnedLease[], ttlMs: number): Promise<Set<string>> {
  if (leases.length === 0) return new Set()
  const { rows } = await db.query<{ lease_key: string }>(
    `UPDATE meeting_owner AS o SET lease_until = clock_timestamp() + $4 * interval '1 millisecond'
     FROM unnest($2::text[], $3::bigint[]) AS held(lease_key, epoch)
     WHERE o.lease_key = held.lease_key AND o.epoch = held.epoch AND o.node_id = $1
     RETURNING o.lease_key`,
    [nodeId, leases.map((l) => l.leaseKey), leases.map((l) => l.epoch), ttlMs],
  )
  return new Set(rows.map((r) => r.lease_key))
}

/** Gives a meeting up (graceful shutdown, rolling restart): expires the lease so the next node need not wait. */
export async function releaseLease(db: Queryable, nodeId: string, lease: OwnedLease): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE meeting_owner SET lease_until = clock_timestamp() - interval '1 millisecond'
     WHERE lease_key = $1 AND node_id = $2 AND epoch = $3`,
    [lease.leaseKey, nodeId, lease.epoch],
  )
  return rowCount === 1
}

export async function readLeaseOwner(db: Queryable, leaseKey: string): Promise<LeaseOwner | null> {
  const { rows } = await db.query<{ node_id: string; epoch: number; remaining_ms: number }>(
    `SELECT node_id, epoch::float8 AS epoch,
            (EXTRACT(EPOCH FROM (lease_until - clock_timestamp())) * 1000)::float8 AS remaining_ms
     FROM meeting_owner WHERE lease_key = $1`,
    [leaseKey],
  )
  const row = rows[0]
  return row ? { nodeId: row.node_id, epoch: row.epoch, remainingMs: row.remaining_ms } : null
}
